import { getWebSocketRpcClient, type SocketRpcClient } from 'viem/utils';
import type { RpcAnswer, RpcTransport } from './rpc-transport';

/**
 * JSON-RPC over one WebSocket (viem's socket client: requests matched by id, reconnects after a drop), and the
 * node's `newHeads` subscription so the follower wakes when a block arrives instead of at the next poll.
 */
export class WebSocketRpcTransport implements RpcTransport {
  private client?: Promise<SocketRpcClient<WebSocket>>;
  private subscription?: string;

  constructor(
    private readonly url: string,
    private readonly timeoutMs = 10_000,
  ) {}

  async send(method: string, params: readonly unknown[]): Promise<RpcAnswer> {
    const client = await this.socket();
    return (await client.requestAsync({ body: { method, params: [...params] }, timeout: this.timeoutMs })) as RpcAnswer;
  }

  async watchHeads(onHead: (number: number) => void, onError: (error: unknown) => void): Promise<void> {
    const client = await this.socket();
    await new Promise<void>((resolve, reject) => {
      client.request({
        body: { method: 'eth_subscribe', params: ['newHeads'] },
        onResponse: (message: { result?: unknown; error?: { message: string }; method?: string; params?: { result?: { number?: unknown } } }) => {
          if (message.error) return reject(new Error(`eth_subscribe newHeads: ${message.error.message}`));
          if (message.method !== 'eth_subscription') {
            this.subscription = String(message.result);
            return resolve();
          }
          const number = message.params?.result?.number;
          if (typeof number === 'string') onHead(Number(BigInt(number)));
        },
        onError: (error) => {
          onError(error);
          reject(error instanceof Error ? error : new Error('WebSocket closed'));
        },
      });
    });
  }

  async close(): Promise<void> {
    if (!this.client) return;
    const client = await this.client.catch(() => undefined);
    if (this.subscription) await client?.requestAsync({ body: { method: 'eth_unsubscribe', params: [this.subscription] }, timeout: this.timeoutMs }).catch(() => undefined);
    client?.close();
  }

  private socket(): Promise<SocketRpcClient<WebSocket>> {
    // viem keeps one client per URL and options; a chain is followed once, so this follower owns it.
    this.client ??= getWebSocketRpcClient(this.url, { reconnect: { attempts: Number.POSITIVE_INFINITY, delay: 2_000 }, keepAlive: { interval: 30_000 } });
    return this.client;
  }
}
