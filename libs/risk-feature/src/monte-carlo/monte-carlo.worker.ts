// Worker-thread entry of the Monte Carlo pool (bundled as dist/apps/risk/monte-carlo.worker.js next to main.js).
// It imports risk-core only, so the thread loads no Nest, Kafka or database code.
import { parentPort } from 'node:worker_threads';
import { RiskWorkspace } from '@hyperdex/risk-core';
import type { MonteCarloReply, MonteCarloRequest } from './monte-carlo-messages';
import { runMonteCarloJob } from './run-monte-carlo-job';

const port = parentPort;
if (port === null) throw new Error('monte-carlo.worker must run as a worker thread');
// One workspace per thread: its buffers are reused by every run this thread makes.
const workspace = new RiskWorkspace();
port.on('message', (request: MonteCarloRequest) => {
  let reply: MonteCarloReply;
  try {
    reply = { id: request.id, figures: runMonteCarloJob(request.job, workspace) };
  } catch (error) {
    reply = { id: request.id, error: error instanceof Error ? error.message : String(error) };
  }
  port.postMessage(reply);
});
