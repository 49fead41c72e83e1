import { ArgumentsHost, Catch, HttpException, HttpStatus, type ExceptionFilter } from '@nestjs/common';
import type { Response } from 'express';
import type { Logger } from 'pino';

interface ErrorBody {
  statusCode: number;
  error: string;
  message: string;
  details?: Array<{ field: string; reason: string }>;
}

const REASON: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  429: 'Too Many Requests',
  503: 'Service Unavailable',
};

/** Every error leaves the HTTP API in one JSON shape; unexpected ones are logged and never leak internals. */
@Catch()
export class HttpErrorFilter implements ExceptionFilter {
  constructor(private readonly logger: Logger) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const res = host.switchToHttp().getResponse<Response>();
    res.status(this.status(exception)).json(this.body(exception));
  }

  private status(exception: unknown): number {
    return exception instanceof HttpException ? exception.getStatus() : HttpStatus.INTERNAL_SERVER_ERROR;
  }

  private body(exception: unknown): ErrorBody {
    if (!(exception instanceof HttpException)) {
      this.logger.error({ err: exception }, 'unhandled error in HTTP handler');
      return { statusCode: 500, error: 'Internal Server Error', message: 'Internal server error' };
    }
    const statusCode = exception.getStatus();
    const response = exception.getResponse();
    const error = REASON[statusCode] ?? 'Error';
    if (typeof response === 'string') return { statusCode, error, message: response };
    const r = response as Partial<ErrorBody> & { message?: unknown };
    const message = Array.isArray(r.message) ? r.message.join('; ') : typeof r.message === 'string' ? r.message : exception.message;
    return { statusCode, error: r.error ?? error, message, ...(r.details ? { details: r.details } : {}) };
  }
}

/** Express error middleware for failures before routing (unparseable JSON, oversized bodies). */
export function bodyParserErrorHandler() {
  return (err: { type?: string; status?: number; message?: string; limit?: number }, _req: unknown, res: Response, next: (e?: unknown) => void): void => {
    if (err.type === 'entity.too.deep') {
      res.status(400).json({
        statusCode: 400,
        error: 'Bad Request',
        message: `Request body nests deeper than the limit of ${err.limit} levels`,
        details: [{ field: '(body)', reason: `nests deeper than ${err.limit} levels of objects and arrays` }],
      } satisfies ErrorBody);
      return;
    }
    if (err.type === 'entity.parse.failed') {
      res.status(400).json({
        statusCode: 400,
        error: 'Bad Request',
        message: 'Request body is not valid JSON',
        details: [{ field: '(body)', reason: err.message ?? 'unparseable JSON' }],
      } satisfies ErrorBody);
      return;
    }
    if (err.type === 'entity.too.large') {
      res.status(413).json({ statusCode: 413, error: 'Payload Too Large', message: 'Request body exceeds the configured limit' });
      return;
    }
    // Every other refusal of the body (an unsupported Content-Encoding or charset, a corrupt gzip stream, an aborted
    // upload) in the same JSON shape, instead of Express's HTML error page.
    if (typeof err.status === 'number' && err.status >= 400 && err.status < 500) {
      const reason = err.message ?? 'the request body cannot be read';
      res.status(err.status).json({ statusCode: err.status, error: REASON[err.status] ?? 'Error', message: `Request body refused: ${reason}`, details: [{ field: '(body)', reason }] } satisfies ErrorBody);
      return;
    }
    next(err);
  };
}
