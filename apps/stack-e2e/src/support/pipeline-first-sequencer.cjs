// The pipeline suite asserts that WETH has no return history yet (VaR missing, never zero). The suites share one
// compacted prices topic, and others price WETH again (risk-check at 3,000, chain-receipts' swap at 3,121.95), so
// it runs first. Without this, jest orders a fresh checkout by file size and the pipeline suite may run after them.
const Sequencer = require('@jest/test-sequencer').default;

const FIRST = ['pipeline.e2e.ts'];

class PipelineFirstSequencer extends Sequencer {
  sort(tests) {
    const sorted = super.sort(tests);
    const isFirst = (t) => FIRST.some((name) => t.path.endsWith(name));
    return [...sorted.filter(isFirst), ...sorted.filter((t) => !isFirst(t))];
  }
}

module.exports = PipelineFirstSequencer;
