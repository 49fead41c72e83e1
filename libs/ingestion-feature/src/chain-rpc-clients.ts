import { BaseError, HttpRequestError, LimitExceededRpcError, TimeoutError, createPublicClient, http, type PublicClient } from 'viem';

/**
 * JSON-RPC clients of the chains an operator configured (`CHAIN_RPC_URLS`), asked for what receipts do not carry:
 * the tokens of a pool nobody registered, a token's symbol and decimals. Absent for a chain: those stay unknown.
 */
export class ChainRpcClients {
  private readonly clients = new Map<number, PublicClient>();

  constructor(urls: ReadonlyMap<number, string>) {
    for (const [chainId, url] of urls) this.clients.set(chainId, createPublicClient({ transport: http(url, { timeout: 3_000, retryCount: 1 }) }));
  }

  /** `CHAIN_RPC_URLS=1=https://…,8453=https://…` → chain id → URL. */
  static fromEnv(text: string | undefined): ChainRpcClients {
    const urls = new Map<number, string>();
    for (const pair of (text ?? '').split(',').map((p) => p.trim()).filter(Boolean)) {
      const [id, ...rest] = pair.split('=');
      urls.set(Number(id), rest.join('='));
    }
    return new ChainRpcClients(urls);
  }

  of(chainId: number): PublicClient | undefined {
    return this.clients.get(chainId);
  }

  get chainIds(): number[] {
    return [...this.clients.keys()];
  }
}

/** The endpoint could not be asked (down, timing out, rate-limiting): retry later rather than call the data unknown. */
export class ChainRpcUnavailableError extends Error {
  constructor(chainId: number, cause: unknown) {
    super(`JSON-RPC endpoint of chain ${chainId} unavailable: ${cause instanceof BaseError ? cause.shortMessage : String(cause)}`, { cause });
    this.name = 'ChainRpcUnavailableError';
  }
}

const isUnreachable = (error: unknown): boolean =>
  error instanceof BaseError && error.walk((e) => e instanceof HttpRequestError || e instanceof TimeoutError || e instanceof LimitExceededRpcError) !== null;

/**
 * Runs one contract read: its value, or `undefined` when the contract does not answer (reverts, has no such function,
 * returns garbage). Transport failures throw `ChainRpcUnavailableError`, so an outage never passes for "unknown".
 */
export async function readOrUndefined<T>(chainId: number, read: () => Promise<T>): Promise<T | undefined> {
  try {
    return await read();
  } catch (error) {
    if (isUnreachable(error)) throw new ChainRpcUnavailableError(chainId, error);
    return undefined;
  }
}
