import { z } from 'zod';
import { Usd } from '../../money/usd';
import { defineRuleKind } from './rule-kind';
import { money } from './rule-kind-format';

const ZERO = new Usd(0);

export const dailyLossLimitRule = defineRuleKind({
  kind: 'DailyLossLimit',
  description: "Today's loss in USD (realized and unrealized PnL since the start of the UTC day, as a positive loss).",
  params: z.strictObject({}),
  defaultMinSample: 0,
  bind: () => ({
    // A gain observes as a negative loss, which never exceeds a positive limit.
    observe: (view) => (view.dailyPnlUsd.isZero() ? ZERO : view.dailyPnlUsd.neg()),
    sampleSize: (view) => view.tradeCount,
    describe: (observed, limit, verb) => `Today's loss ${money(observed)} ${verb} ${money(limit)}`,
  }),
});
