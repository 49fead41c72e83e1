import type { AddressInfo } from 'node:net';
import express from 'express';
import { bodyParserErrorHandler } from './http-error.filter';
import { refuseDeepJson } from './json-depth';

/** The JSON body pipeline of every service (run-service.ts), in front of a route that walks the body recursively. */
async function post(body: string, headers: Record<string, string> = {}): Promise<{ status: number; json: unknown }> {
  const app = express();
  app.use(express.json({ limit: '1mb', verify: refuseDeepJson() }));
  app.use(bodyParserErrorHandler());
  app.post('/echo', (req, res) => res.json({ length: JSON.stringify(req.body).length }));
  app.use((_err: unknown, _req: unknown, res: express.Response, _next: unknown) => res.status(500).json({ statusCode: 500 }));
  const server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  try {
    const { port } = server.address() as AddressInfo;
    const res = await fetch(`http://127.0.0.1:${port}/echo`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
    return { status: res.status, json: await res.json() };
  } finally {
    server.close();
  }
}

describe('a JSON body nested past the limit', () => {
  it('is answered 400 naming the limit, where walking it would have overflowed the stack (a 500)', async () => {
    const depth = 200_000;
    const answer = await post('['.repeat(depth) + ']'.repeat(depth));
    expect(answer).toEqual({
      status: 400,
      json: {
        statusCode: 400,
        error: 'Bad Request',
        message: 'Request body nests deeper than the limit of 64 levels',
        details: [{ field: '(body)', reason: 'nests deeper than 64 levels of objects and arrays' }],
      },
    });
  });

  it('leaves a body within the limit to the route', async () => {
    expect(await post(JSON.stringify({ a: [{ b: { c: [1, 2, 3] } }] }))).toEqual({ status: 200, json: { length: 27 } });
  });
});

describe('a JSON body the parser cannot read', () => {
  it('is answered in the API error shape with the reason, not an HTML page (an unsupported encoding: 415)', async () => {
    expect(await post('{}', { 'content-encoding': 'compress' })).toEqual({
      status: 415,
      json: {
        statusCode: 415,
        error: 'Unsupported Media Type',
        message: 'Request body refused: unsupported content encoding "compress"',
        details: [{ field: '(body)', reason: 'unsupported content encoding "compress"' }],
      },
    });
  });

  it('answers a corrupt gzip stream 400 with the reason', async () => {
    const answer = await post('not gzip at all', { 'content-encoding': 'gzip' });
    expect(answer).toMatchObject({ status: 400, json: { statusCode: 400, error: 'Bad Request', details: [{ field: '(body)' }] } });
  });
});
