/**
 * Stress scenarios as data: JSON-serialisable, so they can live in configuration and travel on the wire.
 * Percentages are in percent units (−30 = −30%).
 */
export type StressScenario = TokenShockScenario | StablecoinDepegScenario | VolatileShockScenario | CorrelationOneScenario;

interface ScenarioBase {
  /** Stable identifier for reports; derived from the parameters when omitted (see `scenarioIdOf`). */
  id?: string;
}

/** One token's price moves by `shockPct` (signed; −30 = falls 30%, +50 = rises 50%, hurting shorts). */
export interface TokenShockScenario extends ScenarioBase {
  kind: 'token-shock';
  /** Token key as in the portfolio (`chainId:address`, lower-case). */
  token: string;
  shockPct: number;
}

/** Stablecoins lose their peg: price falls by `depegPct` percent (0 < depegPct ≤ 100); all stablecoins, or `token`. */
export interface StablecoinDepegScenario extends ScenarioBase {
  kind: 'stablecoin-depeg';
  token?: string;
  depegPct: number;
}

/** Every non-stablecoin token moves by `shockPct` at once (signed, ≥ −100). */
export interface VolatileShockScenario extends ScenarioBase {
  kind: 'volatile-shock';
  shockPct: number;
}

/**
 * Diversification disappears: every pair's correlation is set to 1, so the parametric VaR becomes
 * Σ_i z·σ_i·|v_i|·√horizon (each position's stand-alone VaR added up, every position moving against the book).
 */
export interface CorrelationOneScenario extends ScenarioBase {
  kind: 'correlation-one';
  /** In (0, 1), e.g. 0.99. */
  confidence: number;
  /** Periods of the volatilities to scale to (square-root-of-time); default 1. */
  horizon?: number;
}

/** The id a scenario reports under: its own `id`, or kind and parameters (e.g. `token-shock:1:0xabc:-30`). */
export function scenarioIdOf(scenario: StressScenario): string {
  if (scenario.id !== undefined) return scenario.id;
  switch (scenario.kind) {
    case 'token-shock':
      return `token-shock:${scenario.token}:${scenario.shockPct}`;
    case 'stablecoin-depeg':
      return `stablecoin-depeg:${scenario.token ?? 'all'}:${scenario.depegPct}`;
    case 'volatile-shock':
      return `volatile-shock:${scenario.shockPct}`;
    case 'correlation-one':
      return `correlation-one:${scenario.confidence}:${scenario.horizon ?? 1}`;
  }
}
