import type { NextFunction, Request, Response } from 'express';
import type { ServiceMetrics } from './service-metrics';

/** Times each HTTP request by route pattern (not raw URL, so user ids do not explode label cardinality). */
export function httpMetricsMiddleware(metrics: ServiceMetrics) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const stop = metrics.httpRequestSeconds.startTimer();
    res.on('finish', () => {
      const route = (req.route as { path?: string } | undefined)?.path ?? 'unmatched';
      stop({ method: req.method, route: `${req.baseUrl}${route}`, status: String(res.statusCode) });
    });
    next();
  };
}
