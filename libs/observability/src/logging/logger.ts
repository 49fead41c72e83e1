import pino, { type Logger } from 'pino';
import { activeTraceId } from '@hyperdex/telemetry';

export type { Logger } from 'pino';

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** Structured JSON logs on stdout, one object a line, with the service name and secrets redacted. */
export function createLogger(service: string, level: LogLevel = 'info'): Logger {
  return pino({
    level,
    base: { service },
    // Correlates every line logged inside a span (an HTTP request, a consumed record) with its trace.
    mixin: () => {
      const traceId = activeTraceId();
      return traceId ? { traceId } : {};
    },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
    redact: {
      paths: [
        'password',
        '*.password',
        'token',
        '*.token',
        'authorization',
        '*.authorization',
        'headers.authorization',
        'headers["x-api-key"]',
        '*.headers.authorization',
        '*.headers["x-api-key"]',
      ],
      censor: '[redacted]',
    },
  });
}
