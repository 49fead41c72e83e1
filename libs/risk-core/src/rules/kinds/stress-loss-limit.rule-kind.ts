import { z } from 'zod';
import { defineRuleKind } from './rule-kind';
import { money } from './rule-kind-format';

export const stressLossLimitRule = defineRuleKind({
  kind: 'StressLossLimit',
  description: 'The USD loss of the book under the stress scenario `params.scenarioId`.',
  params: z.strictObject({
    scenarioId: z.string({ error: (i) => (i.input === undefined ? 'is required for StressLossLimit' : 'must be a string') }).min(1, 'is required for StressLossLimit'),
  }),
  defaultMinSample: 0,
  bind: (_rule, { scenarioId }) => ({
    observe: (view) => view.stressLossUsd.get(scenarioId) ?? null,
    sampleSize: (view) => view.tradeCount,
    describe: (observed, limit, verb) => `Stress loss (${scenarioId}) ${money(observed)} ${verb} ${money(limit)}`,
  }),
});
