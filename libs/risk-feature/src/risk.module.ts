import { join } from 'node:path';
import { Module, type DynamicModule } from '@nestjs/common';
import { Topics } from '@hyperdex/contracts';
import { MessagingModule, toKafkaSettings } from '@hyperdex/messaging';
import { ObservabilityModule, type Logger } from '@hyperdex/observability';
import { PostgresModule, toDatabaseSettings } from '@hyperdex/persistence';
import type { RiskConfig } from './risk.config';
import { RiskConsumer } from './risk.consumer';
import { InlineMonteCarloRunner } from './monte-carlo/inline-monte-carlo-runner';
import type { MonteCarloRunner } from './monte-carlo/monte-carlo-runner';
import { WorkerMonteCarloRunner } from './monte-carlo/worker-monte-carlo-runner';
import { MONTE_CARLO_RUNNER, RISK_CONFIG, RISK_POLICY, RISK_TOKENS, RiskEngineService } from './risk-engine.service';
import { CHECK_API_KEYS, CHECK_JWT_SECRET, CheckAuthGuard } from './check/check-auth.guard';
import { LedgerBookCache } from './check/ledger-book-cache';
import { RiskCheckController } from './check/risk-check.controller';
import { RiskCheckService } from './check/risk-check.service';
import { loadRiskPolicy } from './risk-policy';
import { loadTokenRegistry } from './check/token-registry.loader';

/** Risk: metrics and the rule set on every exposure update; alerts and risk-metrics out. */
@Module({})
export class RiskModule {
  static forRoot(config: RiskConfig): DynamicModule {
    return {
      module: RiskModule,
      controllers: [RiskCheckController],
      providers: [
        { provide: RISK_TOKENS, useFactory: () => loadTokenRegistry(config.TOKEN_REGISTRY_FILE) },
        { provide: CHECK_API_KEYS, useValue: config.INGESTION_API_KEYS },
        { provide: CHECK_JWT_SECRET, useValue: config.JWT_SECRET ?? null },
        CheckAuthGuard,
        LedgerBookCache,
        RiskCheckService,
        { provide: RISK_CONFIG, useValue: config },
        { provide: RISK_POLICY, useValue: loadRiskPolicy(config) },
        { provide: MONTE_CARLO_RUNNER, useFactory: () => monteCarloRunnerFor(config) },
        RiskEngineService,
        RiskConsumer,
      ],
      exports: [RiskEngineService, RiskCheckService],
    };
  }
}

/**
 * Worker threads in the built service: webpack emits the worker entry as monte-carlo.worker.js next to main.js, and
 * the bundle keeps Node's own __dirname (target node, `node: false`), so the file is found beside the running bundle.
 */
export function monteCarloRunnerFor(config: Pick<RiskConfig, 'RISK_MONTE_CARLO_WORKERS'>, workerFile = join(__dirname, 'monte-carlo.worker.js')): MonteCarloRunner {
  return config.RISK_MONTE_CARLO_WORKERS === 0
    ? new InlineMonteCarloRunner()
    : new WorkerMonteCarloRunner({ workers: config.RISK_MONTE_CARLO_WORKERS, file: workerFile });
}

/** The deployable risk service. */
@Module({})
export class RiskServiceModule {
  static forRoot(config: RiskConfig, logger: Logger): DynamicModule {
    return {
      module: RiskServiceModule,
      imports: [
        ObservabilityModule.forRoot({ serviceName: 'risk', logger }),
        MessagingModule.forRoot({
          settings: toKafkaSettings(config, 'risk'),
          topics: [Topics.prices, Topics.positions, Topics.riskAlerts, Topics.riskMetrics, Topics.alertNotifications],
        }),
        PostgresModule.forRoot(toDatabaseSettings(config)),
        RiskModule.forRoot(config),
      ],
    };
  }
}
