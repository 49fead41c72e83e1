import { Module, type DynamicModule } from '@nestjs/common';
import { Topics } from '@hyperdex/contracts';
import { MessagingModule, toKafkaSettings } from '@hyperdex/messaging';
import { ObservabilityModule, type Logger } from '@hyperdex/observability';
import { MaxExposureRule } from '@hyperdex/risk-core';
import type { RiskConfig } from './risk.config';
import { RiskConsumer } from './risk.consumer';
import { RiskEvaluatorService } from './risk-evaluator.service';

@Module({})
export class RiskModule {
  static forRoot(config: Pick<RiskConfig, 'RISK_MAX_EXPOSURE_USD'>): DynamicModule {
    return {
      module: RiskModule,
      providers: [
        { provide: MaxExposureRule, useValue: new MaxExposureRule('max-exposure', config.RISK_MAX_EXPOSURE_USD) },
        RiskEvaluatorService,
        RiskConsumer,
      ],
      exports: [RiskEvaluatorService],
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
        MessagingModule.forRoot({ settings: toKafkaSettings(config, 'risk'), topics: [Topics.positions, Topics.riskAlerts] }),
        RiskModule.forRoot(config),
      ],
    };
  }
}
