import { GatewayLiveClient, type LiveClientOptions } from './live-client';
import { GatewayRestClient } from './rest-client';
import type { TokenSource } from './token-source';

export interface GatewayClientOptions {
  /** The gateway's base URL, e.g. `http://127.0.0.1:3000`. */
  url: string;
  token: TokenSource;
  live?: LiveClientOptions;
  fetch?: typeof fetch;
}

/** REST and live events of one gateway, sharing one token source. */
export interface GatewayClient {
  rest: GatewayRestClient;
  live: GatewayLiveClient;
}

export function createGatewayClient(options: GatewayClientOptions): GatewayClient {
  return {
    rest: new GatewayRestClient(options.url, options.token, options.fetch),
    live: new GatewayLiveClient(options.url, options.token, options.live),
  };
}
