import { z } from 'zod';
import { Usd } from '../../money/usd';
import { defineRuleKind } from './rule-kind';

export const stalePriceRule = defineRuleKind({
  kind: 'StalePrice',
  description: 'Age in milliseconds of the oldest price behind the book, measured at the view time.',
  params: z.strictObject({}),
  defaultMinSample: 0,
  bind: () => ({
    observe: (view) => (view.oldestPriceAt === null ? null : new Usd(Math.max(0, view.asOf - view.oldestPriceAt))),
    sampleSize: (view) => view.tradeCount,
    describe: (observed, limit, verb) =>
      `Oldest price is ${observed.div(1000).toDecimalPlaces(1).toString()} s old, ${verb} ${limit.div(1000).toString()} s`,
  }),
});
