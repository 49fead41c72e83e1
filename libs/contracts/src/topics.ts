/**
 * Kafka topic names. The version suffix changes only with an incompatible payload change,
 * so old and new consumers can run side by side during a migration.
 */
export const Topics = {
  /** Raw transaction receipts for ingestion to decode into trades. */
  chainReceipts: 'hyperdex.chain-receipts.v1',
  trades: 'hyperdex.trades.v1',
  prices: 'hyperdex.prices.v1',
  /** Token symbol/decimals learned from chain data (compacted: one record per token). */
  tokens: 'hyperdex.tokens.v1',
  positions: 'hyperdex.positions.v1',
  riskAlerts: 'hyperdex.risk-alerts.v1',
  riskMetrics: 'hyperdex.risk-metrics.v1',
  alertNotifications: 'hyperdex.alert-notifications.v1',
} as const;

export type TopicName = (typeof Topics)[keyof typeof Topics];

/** Where a consumer parks a message it cannot process, with the reason. */
export const deadLetterTopic = (topic: TopicName): string => `${topic}.dlq`;

export const ALL_TOPICS: readonly TopicName[] = Object.values(Topics);
