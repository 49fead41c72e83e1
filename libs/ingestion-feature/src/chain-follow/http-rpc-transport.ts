import type { RpcAnswer, RpcTransport } from './rpc-transport';

/** JSON-RPC over HTTP POST, one request per call. */
export class HttpRpcTransport implements RpcTransport {
  private id = 0;

  constructor(
    private readonly url: string,
    private readonly timeoutMs = 10_000,
  ) {}

  async send(method: string, params: readonly unknown[]): Promise<RpcAnswer> {
    const response = await fetch(this.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ jsonrpc: '2.0', id: ++this.id, method, params }),
      signal: AbortSignal.timeout(this.timeoutMs),
    });
    const body = (await response.json().catch(() => undefined)) as RpcAnswer | undefined;
    // A node's JSON-RPC error may come with a non-2xx status; anything else without a body is no answer.
    if (body && (body.error || 'result' in body)) return body;
    throw new Error(`HTTP ${response.status}`);
  }

  async close(): Promise<void> {
    // Nothing held open between calls.
  }
}
