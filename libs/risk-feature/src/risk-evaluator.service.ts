import { Inject, Injectable } from '@nestjs/common';
import type { Logger } from 'pino';
import { Topics, type ExposureUpdate, type RiskAlert } from '@hyperdex/contracts';
import { EventPublisher } from '@hyperdex/messaging';
import { LOGGER } from '@hyperdex/observability';
import { BreachLatch, MaxExposureRule, Usd } from '@hyperdex/risk-core';
import { alertForBreach } from './alert-for-breach';

/** Evaluates the rules on every exposure update and publishes an alert when a breach begins. */
@Injectable()
export class RiskEvaluatorService {
  private readonly latch = new BreachLatch();

  constructor(
    private readonly rule: MaxExposureRule,
    private readonly publisher: EventPublisher,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async evaluate(update: ExposureUpdate): Promise<RiskAlert | null> {
    const breach = this.rule.evaluate({ grossUsd: new Usd(update.grossExposureUsd) });
    const transition = this.latch.update(this.rule.id, update.userId, breach !== null);
    if (transition === 'cleared') this.logger.info({ userId: update.userId, ruleId: this.rule.id }, 'breach cleared');
    if (transition !== 'entered' || !breach) return null;
    const alert = alertForBreach(breach, update, Date.now());
    await this.publisher.publish(Topics.riskAlerts, [alert]);
    this.logger.info({ alertId: alert.alertId, userId: alert.userId, observed: alert.observedValue }, 'rule breached');
    return alert;
  }
}
