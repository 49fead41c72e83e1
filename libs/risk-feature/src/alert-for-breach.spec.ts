import type { ExposureUpdate } from '@hyperdex/contracts';
import { RiskAlertSchema, validate } from '@hyperdex/contracts';
import { MaxExposureRule, Usd } from '@hyperdex/risk-core';
import { alertForBreach } from './alert-for-breach';

const update: ExposureUpdate = {
  eventId: 'evt-1',
  userId: 'alice',
  asOf: 1_764_000_000_000,
  cause: { kind: 'trade', tradeId: 't-1' },
  grossExposureUsd: '150000.5',
  netExposureUsd: '150000.5',
  positions: [],
  unpriced: [],
  oldestPriceAt: 1_764_000_000_000,
};

describe('alertForBreach', () => {
  it('builds a contract-valid alert whose id is derived from rule, user and triggering event', () => {
    const breach = new MaxExposureRule('max-exposure', '100000').evaluate({ grossUsd: new Usd(update.grossExposureUsd) });
    if (!breach) throw new Error('expected a breach');
    const alert = alertForBreach(breach, update, 1_764_000_000_123);
    expect(alert).toEqual({
      alertId: 'max-exposure:alice:evt-1',
      ruleId: 'max-exposure',
      kind: 'MaxExposure',
      userId: 'alice',
      severity: 'critical',
      observedValue: '150000.5',
      threshold: '100000',
      message: 'Gross exposure 150000.50 USD exceeds the limit of 100000.00 USD',
      triggeredAt: 1_764_000_000_123,
      sourceEventId: 'evt-1',
    });
    expect(validate(RiskAlertSchema, alert).ok).toBe(true);
  });
});
