// The suites share one broker. The pipeline suite asserts that WETH has no return history yet (VaR missing, never
// zero), and others price WETH again (risk-check at 3,000, chain-receipts' swap at 3,121.95), so it runs first.
// The fuzz suite writes random records, up to 300 KB, to every topic and so fills every DLQ; suites that read a whole
// topic or redrive a whole DLQ must not meet them, so it runs last. Without this, jest orders a fresh checkout by
// file size.
const Sequencer = require('@jest/test-sequencer').default;

const FIRST = ['pipeline.e2e.ts'];
const LAST = ['fuzz.e2e.ts'];

class PipelineFirstSequencer extends Sequencer {
  sort(tests) {
    const sorted = super.sort(tests);
    const among = (names) => (t) => names.some((name) => t.path.endsWith(name));
    const middle = (t) => !among(FIRST)(t) && !among(LAST)(t);
    return [...sorted.filter(among(FIRST)), ...sorted.filter(middle), ...sorted.filter(among(LAST))];
  }
}

module.exports = PipelineFirstSequencer;
