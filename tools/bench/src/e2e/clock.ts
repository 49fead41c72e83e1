import { performance } from 'node:perf_hooks';

/**
 * Epoch milliseconds with sub-millisecond resolution from the monotonic clock, so POST → socket latencies are not
 * bent by wall-clock steps, yet stay comparable with Kafka CreateTime (Date.now() of the producing process).
 */
export const nowMs = (): number => performance.timeOrigin + performance.now();

/** A promise that settles after `ms`, or rejects at once when the run is aborted (Ctrl-C). */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(new AbortedError());
    const onAbort = () => {
      clearTimeout(timer);
      reject(new AbortedError());
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

export class AbortedError extends Error {
  constructor() {
    super('aborted');
    this.name = 'AbortedError';
  }
}

/** Polls `done` every `everyMs` until it holds or `timeoutMs` passes; resolves with whether it held. */
export async function waitFor(done: () => boolean, timeoutMs: number, signal?: AbortSignal, everyMs = 50): Promise<boolean> {
  const deadline = nowMs() + timeoutMs;
  while (!done()) {
    if (nowMs() >= deadline) return false;
    await sleep(Math.min(everyMs, Math.max(1, deadline - nowMs())), signal);
  }
  return true;
}
