import type {
  AlertChannelsRequest,
  AlertChannelsResponse,
  AlertHistoryQuery,
  AlertHistoryResponse,
  AlertView,
  ErrorResponse,
  ExposureUpdate,
  HistoryQuery,
  HistoryResponse,
  PositionsResponse,
  RiskMetrics,
  TradesQuery,
  TradesResponse,
  TradingStateResponse,
} from '@hyperdex/contracts';
import { GatewayApiError } from './gateway-api-error';
import { tokenFrom, type TokenSource } from './token-source';

type Query = Record<string, string | number | undefined>;

/** Every /v1 route of the gateway as a typed method (the same table the OpenAPI document is generated from). */
export class GatewayRestClient {
  private token: string | null = null;

  constructor(
    private readonly baseUrl: string,
    private readonly tokens: TokenSource,
    // Called through a wrapper: a browser's fetch called as a method of this client throws "Illegal invocation".
    private readonly fetchImpl: typeof fetch = (input, init) => globalThis.fetch(input, init),
  ) {}

  exposure(userId: string): Promise<ExposureUpdate> {
    return this.request('GET', `/v1/users/${enc(userId)}/exposure`);
  }

  positions(userId: string): Promise<PositionsResponse> {
    return this.request('GET', `/v1/users/${enc(userId)}/positions`);
  }

  riskMetrics(userId: string): Promise<RiskMetrics> {
    return this.request('GET', `/v1/users/${enc(userId)}/risk-metrics`);
  }

  tradingState(userId: string): Promise<TradingStateResponse> {
    return this.request('GET', `/v1/users/${enc(userId)}/trading-state`);
  }

  trades(userId: string, query: Partial<TradesQuery> = {}): Promise<TradesResponse> {
    return this.request('GET', `/v1/users/${enc(userId)}/trades`, query);
  }

  /** Every trade, following the cursor page by page. */
  async *allTrades(userId: string, pageSize = 500): AsyncGenerator<TradesResponse['items'][number]> {
    let cursor: string | undefined;
    do {
      const page = await this.trades(userId, { limit: pageSize, ...(cursor ? { cursor } : {}) });
      yield* page.items;
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
  }

  history(userId: string, query: Partial<HistoryQuery> = {}): Promise<HistoryResponse> {
    return this.request('GET', `/v1/users/${enc(userId)}/history`, query);
  }

  alerts(userId: string, query: Partial<AlertHistoryQuery> = {}): Promise<AlertHistoryResponse> {
    return this.request('GET', `/v1/users/${enc(userId)}/alerts`, query);
  }

  acknowledgeAlert(alertId: string): Promise<AlertView> {
    return this.request('POST', `/v1/alerts/${enc(alertId)}/ack`);
  }

  resolveAlert(alertId: string): Promise<AlertView> {
    return this.request('POST', `/v1/alerts/${enc(alertId)}/resolve`);
  }

  alertChannels(userId: string): Promise<AlertChannelsResponse> {
    return this.request('GET', `/v1/users/${enc(userId)}/alert-channels`);
  }

  putAlertChannels(userId: string, body: Partial<AlertChannelsRequest> & Pick<AlertChannelsRequest, 'channels'>): Promise<AlertChannelsResponse> {
    return this.request('PUT', `/v1/users/${enc(userId)}/alert-channels`, undefined, body);
  }

  /** One retry with a refreshed token after a 401: an expired token costs the caller nothing. */
  private async request<T>(method: string, path: string, query?: Query, body?: unknown): Promise<T> {
    let response = await this.send(method, path, query, body, false);
    if (response.status === 401 && typeof this.tokens !== 'string') response = await this.send(method, path, query, body, true);
    const text = await response.text();
    const parsed: unknown = text ? JSON.parse(text) : null;
    if (!response.ok) throw new GatewayApiError(response.status, parsed as ErrorResponse | null);
    return parsed as T;
  }

  private async send(method: string, path: string, query: Query | undefined, body: unknown, refresh: boolean): Promise<Response> {
    if (refresh || this.token === null) this.token = await tokenFrom(this.tokens, refresh);
    const search = new URLSearchParams();
    for (const [key, value] of Object.entries(query ?? {})) if (value !== undefined) search.set(key, String(value));
    const url = `${this.baseUrl.replace(/\/$/, '')}${path}${search.size ? `?${search}` : ''}`;
    return this.fetchImpl(url, {
      method,
      headers: { authorization: `Bearer ${this.token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  }
}

const enc = encodeURIComponent;
