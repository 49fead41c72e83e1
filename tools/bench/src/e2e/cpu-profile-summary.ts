/**
 * Where a service spent its CPU, from the `.cpuprofile` that `node --cpu-prof` writes at exit: self time per
 * function (summed over every place it was called from), the heaviest first. V8's pseudo-frames are kept apart:
 * (idle) is time with nothing to do, (garbage collector) is reported as the GC share, (program) is native time V8
 * cannot attribute to a JS function.
 */

export interface CpuProfileNode {
  readonly id: number;
  readonly callFrame: { readonly functionName: string; readonly url: string; readonly lineNumber: number; readonly columnNumber: number };
  readonly children?: readonly number[];
}

export interface CpuProfile {
  readonly nodes: readonly CpuProfileNode[];
  /** µs */
  readonly startTime: number;
  readonly endTime: number;
  readonly samples?: readonly number[];
  /** µs between consecutive samples; the first is from startTime. */
  readonly timeDeltas?: readonly number[];
}

export interface ProfileFrame {
  readonly functionName: string;
  /** `file:line` (1-based), mapped to the TypeScript source when a resolver knows it. */
  readonly location: string;
  readonly selfMs: number;
  /** Share of all samples (idle included). */
  readonly selfPct: number;
}

export interface ProfileSummary {
  readonly durationMs: number;
  readonly samples: number;
  readonly idlePct: number;
  readonly gcPct: number;
  readonly programPct: number;
  readonly top: readonly ProfileFrame[];
}

/** Maps a generated position (0-based line and column) to its source, e.g. through the bundle's source map. */
export type LocationResolver = (url: string, line: number, column: number) => { file: string; line: number } | undefined;

const PSEUDO = new Set(['(root)', '(idle)', '(program)', '(garbage collector)']);

export function summarizeCpuProfile(profile: CpuProfile, options: { top?: number; resolve?: LocationResolver; shorten?: (file: string) => string } = {}): ProfileSummary {
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  // A sample lasts until the next one (DevTools' convention); the last one until the profile's end.
  const selfMicros = new Map<number, number>();
  let t = profile.startTime;
  const times = samples.map((_, i) => (t += deltas[i] ?? 0));
  for (let i = 0; i < samples.length; i++) {
    const end = i + 1 < samples.length ? (times[i + 1] as number) : profile.endTime;
    const id = samples[i] as number;
    selfMicros.set(id, (selfMicros.get(id) ?? 0) + Math.max(0, end - (times[i] as number)));
  }
  const totalMicros = [...selfMicros.values()].reduce((a, b) => a + b, 0);
  const pct = (micros: number) => (totalMicros > 0 ? (100 * micros) / totalMicros : 0);

  const pseudo = new Map<string, number>();
  const frames = new Map<string, { node: CpuProfileNode; micros: number }>();
  for (const [id, micros] of selfMicros) {
    const node = byId.get(id);
    if (!node) continue;
    const { functionName, url, lineNumber, columnNumber } = node.callFrame;
    if (PSEUDO.has(functionName)) {
      pseudo.set(functionName, (pseudo.get(functionName) ?? 0) + micros);
      continue;
    }
    const key = `${functionName}\u0000${url}\u0000${lineNumber}\u0000${columnNumber}`;
    const entry = frames.get(key);
    if (entry) entry.micros += micros;
    else frames.set(key, { node, micros });
  }
  const top = [...frames.values()]
    .sort((a, b) => b.micros - a.micros)
    .slice(0, options.top ?? 12)
    .map(({ node, micros }) => ({
      functionName: node.callFrame.functionName || '(anonymous)',
      location: locate(node.callFrame, options.resolve, options.shorten),
      selfMs: micros / 1000,
      selfPct: pct(micros),
    }));
  return {
    durationMs: (profile.endTime - profile.startTime) / 1000,
    samples: samples.length,
    idlePct: pct(pseudo.get('(idle)') ?? 0),
    gcPct: pct(pseudo.get('(garbage collector)') ?? 0),
    programPct: pct(pseudo.get('(program)') ?? 0),
    top,
  };
}

function locate(frame: CpuProfileNode['callFrame'], resolve?: LocationResolver, shorten: (file: string) => string = (f) => f): string {
  if (!frame.url) return '(native)';
  const mapped = resolve?.(frame.url, frame.lineNumber, frame.columnNumber);
  if (mapped) return `${shorten(mapped.file)}:${mapped.line}`;
  return `${shorten(frame.url)}:${frame.lineNumber + 1}`;
}
