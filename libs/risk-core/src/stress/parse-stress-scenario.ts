import type { StressScenario } from './stress-scenario';

const KINDS = ['token-shock', 'stablecoin-depeg', 'volatile-shock', 'correlation-one'] as const;
const MAX_ID_LENGTH = 100;

/** Thrown for scenario JSON that does not describe a scenario; `field` names the offending field. */
export class StressScenarioError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(`${field}: ${message}`);
    this.name = 'StressScenarioError';
  }
}

/**
 * Validates untrusted scenario JSON (already `JSON.parse`d) and returns it typed. Rejects unknown kinds, missing or
 * mistyped fields, unknown extra fields (a typo must not silently become a default) and out-of-range numbers, with a
 * `StressScenarioError` naming the field.
 */
export function parseStressScenario(json: unknown, path = 'scenario'): StressScenario {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) throw new StressScenarioError(path, 'must be an object');
  const record = json as Record<string, unknown>;
  const kind = record['kind'];
  if (typeof kind !== 'string' || !(KINDS as readonly string[]).includes(kind)) {
    throw new StressScenarioError(`${path}.kind`, `must be one of ${KINDS.join(', ')}`);
  }
  const id = optionalId(record, path);
  const base = id === undefined ? {} : { id };
  switch (kind as (typeof KINDS)[number]) {
    case 'token-shock':
      onlyFields(record, path, ['kind', 'id', 'token', 'shockPct']);
      return { ...base, kind: 'token-shock', token: requiredToken(record, 'token', path), shockPct: shockPct(record, path) };
    case 'stablecoin-depeg': {
      onlyFields(record, path, ['kind', 'id', 'token', 'depegPct']);
      const depegPct = finiteNumber(record, 'depegPct', path);
      if (!(depegPct > 0 && depegPct <= 100)) throw new StressScenarioError(`${path}.depegPct`, 'must be in (0, 100]');
      const token = record['token'] === undefined ? undefined : requiredToken(record, 'token', path);
      return token === undefined ? { ...base, kind: 'stablecoin-depeg', depegPct } : { ...base, kind: 'stablecoin-depeg', token, depegPct };
    }
    case 'volatile-shock':
      onlyFields(record, path, ['kind', 'id', 'shockPct']);
      return { ...base, kind: 'volatile-shock', shockPct: shockPct(record, path) };
    case 'correlation-one': {
      onlyFields(record, path, ['kind', 'id', 'confidence', 'horizon']);
      const confidence = finiteNumber(record, 'confidence', path);
      if (!(confidence > 0 && confidence < 1)) throw new StressScenarioError(`${path}.confidence`, 'must be in (0, 1)');
      if (record['horizon'] === undefined) return { ...base, kind: 'correlation-one', confidence };
      const horizon = finiteNumber(record, 'horizon', path);
      if (!(horizon > 0)) throw new StressScenarioError(`${path}.horizon`, 'must be positive');
      return { ...base, kind: 'correlation-one', confidence, horizon };
    }
  }
}

function onlyFields(record: Record<string, unknown>, path: string, allowed: readonly string[]): void {
  for (const key of Object.keys(record)) {
    if (!allowed.includes(key)) throw new StressScenarioError(`${path}.${key}`, 'is not a field of this scenario kind');
  }
}

function finiteNumber(record: Record<string, unknown>, field: string, path: string): number {
  const value = record[field];
  if (typeof value !== 'number' || !Number.isFinite(value)) throw new StressScenarioError(`${path}.${field}`, 'must be a finite number');
  return value;
}

function shockPct(record: Record<string, unknown>, path: string): number {
  const value = finiteNumber(record, 'shockPct', path);
  // A price cannot fall by more than all of it.
  if (value < -100) throw new StressScenarioError(`${path}.shockPct`, 'must be ≥ −100');
  return value;
}

function requiredToken(record: Record<string, unknown>, field: string, path: string): string {
  const value = record[field];
  if (typeof value !== 'string' || value.trim() === '') throw new StressScenarioError(`${path}.${field}`, 'must be a non-empty token key');
  return value;
}

function optionalId(record: Record<string, unknown>, path: string): string | undefined {
  const value = record['id'];
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || value === '' || value.length > MAX_ID_LENGTH) {
    throw new StressScenarioError(`${path}.id`, `must be a string of 1–${MAX_ID_LENGTH} characters`);
  }
  return value;
}
