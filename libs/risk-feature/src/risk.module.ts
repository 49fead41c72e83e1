import { Module, type DynamicModule } from '@nestjs/common';
import { Topics } from '@hyperdex/contracts';
import { MessagingModule, toKafkaSettings } from '@hyperdex/messaging';
import { ObservabilityModule, type Logger } from '@hyperdex/observability';
import { PostgresModule, toDatabaseSettings } from '@hyperdex/persistence';
import type { RiskConfig } from './risk.config';
import { RiskConsumer } from './risk.consumer';
import { RISK_CONFIG, RISK_POLICY, RiskEngineService } from './risk-engine.service';
import { loadRiskPolicy } from './risk-policy';

/** Risk: metrics and the rule set on every exposure update; alerts and risk-metrics out. */
@Module({})
export class RiskModule {
  static forRoot(config: RiskConfig): DynamicModule {
    return {
      module: RiskModule,
      providers: [
        { provide: RISK_CONFIG, useValue: config },
        { provide: RISK_POLICY, useValue: loadRiskPolicy(config) },
        RiskEngineService,
        RiskConsumer,
      ],
      exports: [RiskEngineService],
    };
  }
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
          topics: [Topics.prices, Topics.positions, Topics.riskAlerts, Topics.riskMetrics],
        }),
        PostgresModule.forRoot(toDatabaseSettings(config)),
        RiskModule.forRoot(config),
      ],
    };
  }
}
