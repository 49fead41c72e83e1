import { logLevel, type logCreator } from 'kafkajs';
import type { Logger } from 'pino';

/** kafkajs writes through the service's structured logger instead of its own console format. */
export const pinoLogCreator =
  (logger: Logger): logCreator =>
  () =>
  ({ level, log }) => {
    const { message, ...extra } = log;
    const child = { component: 'kafkajs', ...extra };
    if (level === logLevel.ERROR) logger.error(child, message);
    else if (level === logLevel.WARN) logger.warn(child, message);
    else if (level === logLevel.INFO) logger.info(child, message);
    else logger.debug(child, message);
  };
