import { logLevel, type logCreator } from 'kafkajs';
import type { Logger } from 'pino';

/** kafkajs writes through the service's structured logger instead of its own console format. */
/**
 * Bounded producer retries are deliberate: ingestion answers 503 rather than hang while the broker is away,
 * and consumers are idempotent on event ids, so the warning about exactly-once is informational only.
 */
const EXPECTED = ['Limiting retries for the idempotent producer'];

export const pinoLogCreator =
  (logger: Logger): logCreator =>
  () =>
  ({ level, log }) => {
    const { message, ...extra } = log;
    const child = { component: 'kafkajs', ...extra };
    if (EXPECTED.some((m) => message.startsWith(m))) return logger.debug(child, message);
    if (level === logLevel.ERROR) logger.error(child, message);
    else if (level === logLevel.WARN) logger.warn(child, message);
    else if (level === logLevel.INFO) logger.info(child, message);
    else logger.debug(child, message);
  };
