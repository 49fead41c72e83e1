import http from 'node:http';
import https from 'node:https';

export interface PostAnswer {
  /** HTTP status, or the network error's code (`ECONNRESET`, `timeout`…) when there was no answer. */
  readonly status: number | string;
  readonly body: string;
}

/**
 * POSTs JSON to ingestion over keep-alive connections (undici is not installed here; node:http with a keep-alive
 * agent avoids a TCP handshake per request, which at 1,000 requests/s would be load of the generator's own making).
 * Never throws: a failed request answers with its error code, so an open-loop sender can count it and go on. The
 * connection cap is high so that, open loop, requests wait in ingestion rather than in this client's queue.
 */
export class JsonPoster {
  private readonly agent: http.Agent;
  private readonly url: URL;

  constructor(
    baseUrl: string,
    private readonly headers: Readonly<Record<string, string>>,
    maxSockets = 1024,
    private readonly timeoutMs = 30_000,
  ) {
    this.url = new URL(baseUrl);
    const Agent = this.url.protocol === 'https:' ? https.Agent : http.Agent;
    this.agent = new Agent({ keepAlive: true, maxSockets, maxFreeSockets: maxSockets });
  }

  /** Requests sent again after the server closed a kept-alive connection just as it was reused. */
  retries = 0;

  async post(path: string, body: unknown): Promise<PostAnswer> {
    const payload = Buffer.from(JSON.stringify(body));
    const first = await this.send(path, payload);
    // The documented keep-alive race (see `request.reusedSocket` in Node's docs): the server closed an idle
    // connection as this request went out on it. Nothing reached the server, and ids make a resend safe.
    if (first.status !== 'ECONNRESET' || !first.reusedSocket) return first;
    this.retries++;
    return this.send(path, payload);
  }

  private send(path: string, payload: Buffer): Promise<PostAnswer & { reusedSocket: boolean }> {
    const request = this.url.protocol === 'https:' ? https.request : http.request;
    return new Promise((resolve) => {
      const req = request(
        {
          protocol: this.url.protocol,
          hostname: this.url.hostname,
          port: this.url.port,
          path,
          method: 'POST',
          agent: this.agent,
          headers: { ...this.headers, 'content-type': 'application/json', 'content-length': payload.length },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => resolve({ status: res.statusCode ?? 'no-status', body: Buffer.concat(chunks).toString('utf8'), reusedSocket: false }));
          res.on('error', (error: NodeJS.ErrnoException) => resolve({ status: error.code ?? 'response-error', body: '', reusedSocket: false }));
        },
      );
      req.setTimeout(this.timeoutMs, () => req.destroy(Object.assign(new Error('timeout'), { code: 'timeout' })));
      req.on('error', (error: NodeJS.ErrnoException) => resolve({ status: error.code ?? error.message, body: '', reusedSocket: req.reusedSocket }));
      req.end(payload);
    });
  }

  close(): void {
    this.agent.destroy();
  }
}

/** Counts answers by status, e.g. `{ "202": 19990, "503": 10 }`. */
export class StatusCounts {
  readonly counts: Record<string, number> = {};

  add(status: number | string, n = 1): void {
    this.counts[String(status)] = (this.counts[String(status)] ?? 0) + n;
  }
}
