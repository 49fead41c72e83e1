import type { Logger } from 'pino';

const FLUSH_WAIT_MS = 500;

export interface ExitOnSignalsOptions {
  /** Longest the drain may take before the process leaves anyway, with exit code 1. */
  graceMs: number;
  logger: Logger;
  signals?: readonly NodeJS.Signals[];
  /** process.exit, replaceable in tests. */
  exit?: (code: number) => void;
}

/**
 * On SIGTERM or SIGINT: drain (`close`: Nest's shutdown hooks stop the consumers, which commit their offsets, and
 * disconnect the producer once its sends are acknowledged), flush the log, and exit 0. Nest's own shutdown hooks
 * re-raise the signal after closing, so the process died by the signal (exit status 143) and `node --cpu-prof` or
 * an orchestrator counting clean exits saw a crash. A drain that fails, or outlasts `graceMs`, exits 1; a second
 * signal during the drain exits 1 at once (an impatient Ctrl-C).
 */
export function exitCleanlyOnSignals(close: () => Promise<void>, options: ExitOnSignalsOptions): () => void {
  const { graceMs, logger, signals = ['SIGTERM', 'SIGINT'], exit = (code: number) => process.exit(code) } = options;
  let draining = false;
  /** Exits once the log is flushed, or after FLUSH_WAIT_MS if the destination never answers (a closed pipe). */
  const leave = (code: number): void => {
    let left = false;
    const go = () => {
      if (left) return;
      left = true;
      exit(code);
    };
    setTimeout(go, FLUSH_WAIT_MS);
    try {
      logger.flush(() => go());
    } catch {
      go();
    }
  };
  const onSignal = (signal: NodeJS.Signals): void => {
    if (draining) {
      logger.warn({ signal }, 'second signal during shutdown; exiting now');
      return leave(1);
    }
    draining = true;
    logger.info({ signal, graceMs }, 'shutting down');
    const timer = setTimeout(() => {
      logger.error({ graceMs }, 'shutdown exceeded its grace period; exiting');
      leave(1);
    }, graceMs);
    timer.unref();
    close().then(
      () => {
        clearTimeout(timer);
        logger.info('shut down cleanly');
        leave(0);
      },
      (error: unknown) => {
        clearTimeout(timer);
        logger.error({ err: error }, 'shutdown failed');
        leave(1);
      },
    );
  };
  for (const signal of signals) process.on(signal, onSignal);
  return () => {
    for (const signal of signals) process.off(signal, onSignal);
  };
}
