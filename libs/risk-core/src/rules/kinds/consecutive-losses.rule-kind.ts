import { z } from 'zod';
import { Usd } from '../../money/usd';
import { defineRuleKind } from './rule-kind';

export const consecutiveLossesRule = defineRuleKind({
  kind: 'ConsecutiveLosses',
  description: 'The current streak of losing closed trades (a win resets it).',
  params: z.strictObject({}),
  defaultMinSample: 0,
  bind: () => ({
    observe: (view) => new Usd(view.consecutiveLosses),
    sampleSize: (view) => view.tradeCount,
    describe: (observed, limit, verb) => `${observed.toString()} consecutive losing trades ${verb} ${limit.toString()}`,
  }),
});
