import type { NextFunction, Request, Response } from 'express';
import { runInServerSpan } from '@hyperdex/telemetry';

const UNTRACED = /^\/(health|metrics)/;

/**
 * One SERVER span per request, continuing the caller's traceparent, so a trade's trace runs from the POST through
 * every Kafka hop. Registered after the body parser: the parser finishes in a socket callback outside any context,
 * while everything from here on (guards, pipes, the handler, its publishes) runs inside the span's context.
 */
export function httpTraceMiddleware() {
  return (req: Request, res: Response, next: NextFunction): void => {
    if (UNTRACED.test(req.path)) return next();
    const end = runInServerSpan(req.method, req.headers, next);
    res.once('finish', () => {
      const route = (req.route as { path?: string } | undefined)?.path;
      end(route === undefined ? 'unmatched' : `${req.baseUrl}${route}`, res.statusCode);
    });
  };
}
