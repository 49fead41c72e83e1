/**
 * Wait before retry number `attempt` (1 after the first failure): exponential from `baseMs`, capped at `maxMs`, with
 * "equal jitter" (half fixed, half random) so receivers coming back are not hit by every sender at once.
 */
export function retryDelayMs(attempt: number, baseMs: number, maxMs: number, random: () => number = Math.random): number {
  const ceiling = Math.min(maxMs, baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}
