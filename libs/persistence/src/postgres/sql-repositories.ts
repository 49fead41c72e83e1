import type { Provider } from '@nestjs/common';
import { AlertRepository } from '../ports/alert.repository';
import { RiskStateRepository } from '../ports/risk-state.repository';
import { TradeLedgerRepository } from '../ports/trade-ledger.repository';
import { PriceHistoryRepository } from '../ports/price-history.repository';
import { PostgresPriceHistoryRepository } from './repositories/price-history.repository';
import { PostgresAlertRepository } from './repositories/alert.repository';
import { PostgresRiskStateRepository } from './repositories/risk-state.repository';
import { PostgresTradeLedgerRepository } from './repositories/trade-ledger.repository';
import { AlertEpisodeRepository } from './repositories/alert-episode.repository';
import { AlertChannelRepository } from './repositories/alert-channel.repository';
import { AlertDeliveryRepository } from './repositories/alert-delivery.repository';
import { AlertVolumeRepository } from './repositories/alert-volume.repository';
import { ExposureHistoryRepository } from './repositories/exposure-history.repository';
import { RiskMetricsLatestRepository } from './repositories/risk-metrics-latest.repository';
import { TradeHistoryRepository } from './repositories/trade-history.repository';

/** Each repository port bound to its PostgreSQL implementation, over whichever SqlDatabase the module provides. */
export const SQL_REPOSITORIES: Provider[] = [
  { provide: TradeLedgerRepository, useClass: PostgresTradeLedgerRepository },
  { provide: AlertRepository, useClass: PostgresAlertRepository },
  { provide: RiskStateRepository, useClass: PostgresRiskStateRepository },
  { provide: PriceHistoryRepository, useClass: PostgresPriceHistoryRepository },
  // Alert lifecycle and delivery: SQL over the same port, so the embedded mode (PGlite) has them too.
  AlertEpisodeRepository,
  AlertChannelRepository,
  AlertDeliveryRepository,
  AlertVolumeRepository,
  // The gateway's reads: history, latest metrics, the ledger paged.
  ExposureHistoryRepository,
  RiskMetricsLatestRepository,
  TradeHistoryRepository,
];

/** What a module providing SQL_REPOSITORIES exports. */
export const SQL_REPOSITORY_TOKENS = [
  TradeLedgerRepository,
  AlertRepository,
  RiskStateRepository,
  PriceHistoryRepository,
  AlertEpisodeRepository,
  AlertChannelRepository,
  AlertDeliveryRepository,
  AlertVolumeRepository,
  ExposureHistoryRepository,
  RiskMetricsLatestRepository,
  TradeHistoryRepository,
];
