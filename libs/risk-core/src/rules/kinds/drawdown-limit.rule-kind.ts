import { z } from 'zod';
import { defineRuleKind } from './rule-kind';
import { fractionThreshold, percent } from './rule-kind-format';

export const drawdownLimitRule = defineRuleKind({
  kind: 'DrawdownLimit',
  description: 'Drawdown of the equity index from its peak, a fraction in [0, 1]; over `lookbackMs` when the rule sets one.',
  params: z.strictObject({}),
  // One point is no curve: a drawdown needs a peak and a later point.
  defaultMinSample: 2,
  supportsLookback: true,
  check: (rule) => fractionThreshold('DrawdownLimit', rule),
  bind: (rule) => ({
    observe: (view) => (rule.lookbackMs === undefined ? view.drawdown : (view.drawdownWithin?.get(rule.lookbackMs) ?? null)),
    sampleSize: (view) => view.equityPoints,
    describe: (observed, limit, verb) => `Drawdown ${percent(observed)} ${verb} ${percent(limit)}`,
  }),
});
