/**
 * `npm run bench:dex` (second part): the chain follower's throughput — receipts/s from a local JSON-RPC node to
 * trades. The node (this process) serves, for each chain the dex fixtures recorded full receipts on, 200 blocks
 * that each hold all of that chain's recorded receipts; the follower (ingestion's ChainFollower with its JSON-RPC
 * source, `eth_getBlockReceipts`, receipt validation, filter and the receipt pipeline; cursor in memory, nothing
 * published) runs in a process of its own and catches up from the first block. Kept in results/dex-follow.json.
 */
import { execFile } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BenchResult } from '../bench-case';
import { RecordedChainNode, type ServedReceipt } from '../follow/recorded-chain-node';
import { gitRevision, keepResults, machineInfo } from '../keep-results';
import { machineReferenceMicros } from '../machine-reference';
import { percentile } from '../percentile';

const ROOT = join(__dirname, '../../../..');
const FAMILIES_DIR = join(ROOT, 'libs/dex/src/families');
const RUNNER = join(ROOT, 'libs/ingestion-feature/src/chain-follow/throughput/follow-throughput.run.ts');
const BLOCKS = 200;
const FROM_BLOCK = 1_000;

interface FollowThroughput {
  readonly blocks: number;
  readonly receipts: number;
  readonly trades: number;
  readonly seconds: number;
  readonly blockMicros: number[];
}

/** Every recorded full receipt (not `*.logs.json` answers), once per chain and transaction, grouped by chain. */
const recordedReceipts = (): Map<number, ServedReceipt[]> => {
  const byChain = new Map<number, ServedReceipt[]>();
  const seen = new Set<string>();
  for (const family of readdirSync(FAMILIES_DIR, { withFileTypes: true }).filter((e) => e.isDirectory())) {
    const dir = join(FAMILIES_DIR, family.name, 'fixtures');
    let files: string[];
    try {
      files = readdirSync(dir).filter((f) => f.endsWith('.json') && !f.endsWith('.logs.json'));
    } catch {
      continue;
    }
    for (const file of files) {
      const fixture = JSON.parse(readFileSync(join(dir, file), 'utf8')) as { chainId: number; receipt?: ServedReceipt };
      if (!fixture.receipt) continue;
      const key = `${fixture.chainId}:${fixture.receipt.transactionHash.toLowerCase()}`;
      if (seen.has(key)) continue;
      seen.add(key);
      byChain.set(fixture.chainId, [...(byChain.get(fixture.chainId) ?? []), fixture.receipt]);
    }
  }
  return byChain;
};

const main = async () => {
  const byChain = recordedReceipts();
  const perSegment = [...byChain.values()].reduce((n, r) => n + r.length, 0);
  const node = new RecordedChainNode(byChain, FROM_BLOCK, BLOCKS);
  const url = await node.start();
  const referenceMicros = machineReferenceMicros();
  console.log(`machine reference workload: ${referenceMicros.toFixed(0)}µs`);
  console.log(`${perSegment} recorded receipts on ${byChain.size} chains, ${BLOCKS} blocks per chain (each block: all of that chain's receipts)`);
  let result: FollowThroughput;
  try {
    const request = { chains: [...byChain.keys()].map((chainId) => ({ chainId, url: `${url}/${chainId}` })), fromBlock: FROM_BLOCK };
    // execFileSync would block this process, which serves the node: run the follower asynchronously.
    result = await new Promise<FollowThroughput>((resolve, reject) => {
      execFile(process.execPath, ['-r', join(ROOT, 'tools/db/register-ts.cjs'), RUNNER, JSON.stringify(request)], { cwd: ROOT, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) =>
        error ? reject(new Error(`follower run failed: ${stderr || error.message}`)) : resolve(JSON.parse(stdout) as FollowThroughput),
      );
    });
  } finally {
    await node.stop();
  }
  const sorted = [...result.blockMicros].sort((a, b) => a - b);
  const receiptsPerSec = result.receipts / result.seconds;
  const bench: BenchResult & { receiptsPerSec: number; blocksPerSec: number; trades: number } = {
    name: `follower: local RPC → trades (${result.receipts} receipts, ${result.blocks} blocks)`,
    iterations: result.blocks,
    p50Micros: percentile(sorted, 50),
    p99Micros: percentile(sorted, 99),
    maxMicros: sorted[sorted.length - 1] ?? 0,
    meanMicros: sorted.reduce((a, b) => a + b, 0) / sorted.length,
    opsPerSec: receiptsPerSec,
    receiptsPerSec,
    blocksPerSec: result.blocks / result.seconds,
    trades: result.trades,
  };
  console.log(
    `${bench.name}: ${Math.round(receiptsPerSec).toLocaleString('en-US')} receipts/s, ${bench.blocksPerSec.toFixed(1)} blocks/s, ` +
      `per block p50 ${(bench.p50Micros / 1000).toFixed(2)}ms p99 ${(bench.p99Micros / 1000).toFixed(2)}ms, ${result.trades} trades`,
  );
  const kept = keepResults('dex-follow', { suite: 'dex-follow', at: new Date().toISOString(), revision: gitRevision(true), ...machineInfo(), machineReferenceMicros: referenceMicros, results: [bench] });
  console.log(`results kept in ${kept}`);
};

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
