// The pre-trade check suite prices USDC on the shared, compacted prices topic; suites that run after it see USDC
// priced and the pipeline suite expects it unpriced. It runs last until it uses a token of its own.
const Sequencer = require('@jest/test-sequencer').default;

const LAST = ['risk-check.e2e.ts'];

class LastPollutersSequencer extends Sequencer {
  sort(tests) {
    const sorted = super.sort(tests);
    const isLast = (t) => LAST.some((name) => t.path.endsWith(name));
    return [...sorted.filter((t) => !isLast(t)), ...sorted.filter(isLast)];
  }
}

module.exports = LastPollutersSequencer;
