import type { z } from 'zod';
import { ExposureUpdateSchema } from '../../events/exposure-update.event';
import { RiskMetricsSchema } from '../../events/risk-metrics.event';
import { AlertChannelsRequestSchema, AlertChannelsResponseSchema } from '../alert-channels/alert-channels';
import { AlertDeliveriesQuerySchema, AlertDeliveriesResponseSchema, AlertDeliveryViewSchema } from '../alert-deliveries.response';
import { AlertHistoryQuerySchema, AlertHistoryResponseSchema, AlertViewSchema } from '../alerts.response';
import { HistoryQuerySchema, HistoryResponseSchema } from '../reads/history.response';
import { PositionsResponseSchema } from '../reads/positions.response';
import { TradesQuerySchema, TradesResponseSchema } from '../reads/trades.response';
import { TradingStateResponseSchema } from '../reads/trading-state.response';

/** A schema that appears in the document under its name in `components.schemas`. */
export interface NamedSchema {
  name: string;
  schema: z.ZodType;
}

const named = (name: string, schema: z.ZodType): NamedSchema => ({ name, schema });

/** One HTTP route of the gateway: what it takes and what it answers, from the contracts' own schemas. */
export interface ApiRoute {
  method: 'get' | 'post' | 'put';
  /** OpenAPI form: `/v1/users/{userId}/positions`. */
  path: string;
  operationId: string;
  summary: string;
  tag: 'reads' | 'alerts';
  query?: z.ZodObject;
  body?: NamedSchema;
  /** The 2xx answer and its status. */
  response: NamedSchema & { status: 200 };
  /** Error statuses the route answers besides 401 (every route needs a bearer token). */
  errors: ReadonlyArray<400 | 403 | 404 | 409>;
}

const Exposure = named('ExposureUpdate', ExposureUpdateSchema);
const AlertView = named('AlertView', AlertViewSchema);
const Delivery = named('AlertDeliveryView', AlertDeliveryViewSchema);
const Channels = named('AlertChannelsResponse', AlertChannelsResponseSchema);

/**
 * Every route the gateway serves under /v1, one line each. The OpenAPI document is generated from this table and a
 * spec checks it against the routes the running gateway has, so a route added to one and not the other fails CI.
 */
export const API_ROUTES: readonly ApiRoute[] = [
  { method: 'get', path: '/v1/users/{userId}/exposure', operationId: 'getExposure', summary: 'The latest exposure snapshot', tag: 'reads', response: { ...Exposure, status: 200 }, errors: [403, 404] },
  { method: 'get', path: '/v1/users/{userId}/positions', operationId: 'getPositions', summary: 'Positions of the latest snapshot, with PnL', tag: 'reads', response: { ...named('PositionsResponse', PositionsResponseSchema), status: 200 }, errors: [403, 404] },
  { method: 'get', path: '/v1/users/{userId}/risk-metrics', operationId: 'getRiskMetrics', summary: 'The latest risk metrics (the risk-metrics event)', tag: 'reads', response: { ...named('RiskMetrics', RiskMetricsSchema), status: 200 }, errors: [403, 404] },
  { method: 'get', path: '/v1/users/{userId}/trading-state', operationId: 'getTradingState', summary: 'Trading state and rule statuses', tag: 'reads', response: { ...named('TradingStateResponse', TradingStateResponseSchema), status: 200 }, errors: [403, 404] },
  { method: 'get', path: '/v1/users/{userId}/trades', operationId: 'listTrades', summary: 'Booked trades and transfers, newest first, cursor-paged', tag: 'reads', query: TradesQuerySchema, response: { ...named('TradesResponse', TradesResponseSchema), status: 200 }, errors: [400, 403] },
  { method: 'get', path: '/v1/users/{userId}/history', operationId: 'getHistory', summary: 'Exposure and equity per minute, hour or day', tag: 'reads', query: HistoryQuerySchema, response: { ...named('HistoryResponse', HistoryResponseSchema), status: 200 }, errors: [400, 403] },
  { method: 'get', path: '/v1/users/{userId}/alerts', operationId: 'listAlerts', summary: 'Alert history, newest first, cursor-paged', tag: 'alerts', query: AlertHistoryQuerySchema, response: { ...named('AlertHistoryResponse', AlertHistoryResponseSchema), status: 200 }, errors: [400, 404] },
  { method: 'post', path: '/v1/alerts/{alertId}/ack', operationId: 'acknowledgeAlert', summary: 'Acknowledge an alert', tag: 'alerts', response: { ...AlertView, status: 200 }, errors: [404, 409] },
  { method: 'post', path: '/v1/alerts/{alertId}/resolve', operationId: 'resolveAlert', summary: 'Resolve an alert', tag: 'alerts', response: { ...AlertView, status: 200 }, errors: [404, 409] },
  { method: 'get', path: '/v1/users/{userId}/alert-channels', operationId: 'getAlertChannels', summary: "The user's alert channels (credentials left out)", tag: 'alerts', response: { ...Channels, status: 200 }, errors: [404] },
  { method: 'put', path: '/v1/users/{userId}/alert-channels', operationId: 'putAlertChannels', summary: "Replace the user's alert channels and volume control", tag: 'alerts', body: named('AlertChannelsRequest', AlertChannelsRequestSchema), response: { ...Channels, status: 200 }, errors: [400, 404] },
  { method: 'get', path: '/v1/users/{userId}/alert-deliveries', operationId: 'listAlertDeliveries', summary: "Deliveries to the user's channels, newest first", tag: 'alerts', query: AlertDeliveriesQuerySchema, response: { ...named('AlertDeliveriesResponse', AlertDeliveriesResponseSchema), status: 200 }, errors: [400, 404] },
  { method: 'get', path: '/v1/alert-deliveries/{deliveryId}', operationId: 'getAlertDelivery', summary: 'One delivery with every attempt', tag: 'alerts', response: { ...Delivery, status: 200 }, errors: [404] },
  { method: 'post', path: '/v1/alert-deliveries/{deliveryId}/redeliver', operationId: 'redeliverAlertDelivery', summary: 'Send a dead-lettered delivery again', tag: 'alerts', response: { ...Delivery, status: 200 }, errors: [404, 409] },
];
