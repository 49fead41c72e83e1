import { z } from 'zod';
import { defineRuleKind } from './rule-kind';
import { fractionThreshold, percent } from './rule-kind-format';

export const concentrationLimitRule = defineRuleKind({
  kind: 'ConcentrationLimit',
  description: "The largest position's share of the book, a fraction in [0, 1].",
  params: z.strictObject({}),
  defaultMinSample: 0,
  check: (rule) => fractionThreshold('ConcentrationLimit', rule),
  bind: () => ({
    observe: (view) => view.largestShare,
    sampleSize: (view) => view.tradeCount,
    describe: (observed, limit, verb) => `Largest position ${percent(observed)} of the book ${verb} ${percent(limit)}`,
  }),
});
