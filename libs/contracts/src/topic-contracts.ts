import type { z } from 'zod';
import { AlertNotificationSchema } from './events/alert-notification.event';
import { ExposureUpdateSchema } from './events/exposure-update.event';
import { PriceTickSchema, priceKey } from './events/price-tick.event';
import { TokenMetadataSchema, tokenMetadataKey } from './events/token-metadata.event';
import { RiskAlertSchema } from './events/risk-alert.event';
import { RiskMetricsSchema } from './events/risk-metrics.event';
import { ChainReceiptSchema, chainReceiptKey } from './api/chain-receipts.request';
import { LedgerEventSchema } from './events/ledger-event';
import { Topics, type TopicName } from './topics';

interface TopicContract<S extends z.ZodType> {
  readonly schema: S;
  /** The partition key: it decides ordering, so it is part of the contract. */
  readonly key: (value: z.infer<S>) => string;
  /** Compacted topics keep the latest value per key (prices: the last tick of each token). */
  readonly compacted: boolean;
}

const contract = <S extends z.ZodType>(c: TopicContract<S>): TopicContract<S> => c;

/** The one table of what travels on each topic, how it is keyed and kept. */
export const TopicContracts = {
  [Topics.chainReceipts]: contract({ schema: ChainReceiptSchema, key: chainReceiptKey, compacted: false }),
  [Topics.trades]: contract({ schema: LedgerEventSchema, key: (t) => t.userId, compacted: false }),
  [Topics.prices]: contract({ schema: PriceTickSchema, key: priceKey, compacted: true }),
  [Topics.tokens]: contract({ schema: TokenMetadataSchema, key: tokenMetadataKey, compacted: true }),
  [Topics.positions]: contract({ schema: ExposureUpdateSchema, key: (e) => e.userId, compacted: false }),
  [Topics.riskAlerts]: contract({ schema: RiskAlertSchema, key: (a) => a.userId, compacted: false }),
  [Topics.riskMetrics]: contract({ schema: RiskMetricsSchema, key: (m) => m.userId, compacted: false }),
  [Topics.alertNotifications]: contract({ schema: AlertNotificationSchema, key: (n) => n.alert.userId, compacted: false }),
} as const satisfies Record<TopicName, TopicContract<z.ZodType>>;

export type TopicSchema<T extends TopicName> = (typeof TopicContracts)[T]['schema'];
export type TopicPayload<T extends TopicName> = z.infer<TopicSchema<T>>;
