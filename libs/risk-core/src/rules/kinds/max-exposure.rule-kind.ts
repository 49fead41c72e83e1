import { z } from 'zod';
import { defineRuleKind } from './rule-kind';
import { money } from './rule-kind-format';

export const maxExposureRule = defineRuleKind({
  kind: 'MaxExposure',
  description: 'Gross exposure in USD (sum of the absolute value of every priced position).',
  params: z.strictObject({}),
  defaultMinSample: 0,
  bind: () => ({
    observe: (view) => view.grossExposureUsd,
    sampleSize: (view) => view.tradeCount,
    describe: (observed, limit, verb) => `Gross exposure ${money(observed)} ${verb} ${money(limit)}`,
  }),
});
