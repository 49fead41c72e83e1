import { z } from 'zod';
import { Usd } from '../../money/usd';
import { defineRuleKind } from './rule-kind';
import { percent } from './rule-kind-format';

export const unpricedExposureRule = defineRuleKind({
  kind: 'UnpricedExposure',
  description: 'Positions without a price: their count, or with `params.measure: "share"` their share of the positions held.',
  params: z.strictObject({ measure: z.enum(['count', 'share'], 'must be count or share').default('count') }),
  defaultMinSample: 0,
  check: (rule, { measure }) =>
    measure === 'share' && !(Number(rule.threshold) <= 1) ? [{ path: ['threshold'], message: 'must be a fraction ≤ 1 when measure is share' }] : [],
  bind: (_rule, { measure }) =>
    measure === 'share'
      ? {
          observe: (view) => view.unpricedShareOfPositions,
          sampleSize: (view) => view.tradeCount,
          describe: (observed, limit, verb) => `Unpriced positions ${percent(observed)} ${verb} ${percent(limit)}`,
        }
      : {
          observe: (view) => new Usd(view.unpricedCount),
          sampleSize: (view) => view.tradeCount,
          describe: (observed, limit, verb) => `${observed.toString()} unpriced tokens ${verb} ${limit.toString()}`,
        },
});
