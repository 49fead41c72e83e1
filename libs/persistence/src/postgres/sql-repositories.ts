import type { Provider } from '@nestjs/common';
import { AlertRepository } from '../ports/alert.repository';
import { RiskStateRepository } from '../ports/risk-state.repository';
import { TradeLedgerRepository } from '../ports/trade-ledger.repository';
import { PostgresAlertRepository } from './repositories/alert.repository';
import { PostgresRiskStateRepository } from './repositories/risk-state.repository';
import { PostgresTradeLedgerRepository } from './repositories/trade-ledger.repository';

/** Each repository port bound to its PostgreSQL implementation, over whichever SqlDatabase the module provides. */
export const SQL_REPOSITORIES: Provider[] = [
  { provide: TradeLedgerRepository, useClass: PostgresTradeLedgerRepository },
  { provide: AlertRepository, useClass: PostgresAlertRepository },
  { provide: RiskStateRepository, useClass: PostgresRiskStateRepository },
];
