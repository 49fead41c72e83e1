import { z } from 'zod';
import { defineRuleKind } from './rule-kind';
import { money } from './rule-kind-format';

export const varLimitRule = defineRuleKind({
  kind: 'VarLimit',
  description: 'Value at risk in USD (a positive loss) by `params.method` (default historical) at `params.confidence` (default 99).',
  params: z.strictObject({
    method: z.enum(['historical', 'parametric', 'monteCarlo'], 'must be historical, parametric or monteCarlo').default('historical'),
    confidence: z.union([z.literal(95), z.literal(99)], { error: 'must be 95 or 99' }).default(99),
  }),
  // A quantile of fewer returns is noise.
  defaultMinSample: 20,
  bind: (_rule, { method, confidence }) => {
    const figure = `${method}${confidence}` as const;
    return {
      observe: (view) => view.valueAtRisk[figure],
      sampleSize: (view) => view.returnPoints,
      describe: (observed, limit, verb) => `${confidence}% ${method} VaR ${money(observed)} ${verb} ${money(limit)}`,
    };
  },
});
