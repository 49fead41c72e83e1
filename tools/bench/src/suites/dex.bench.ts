/**
 * `npm run bench:dex`: every REAL recorded receipt under libs/dex/src/families/<family>/fixtures/ run through the
 * registry's classifier and decoders (@hyperdex/dex), one log per timed operation — what ingestion does per log — and
 * whole receipts through `tradesFromReceipt` (classify, decode, resolve pools, attribute, net routes), one receipt per
 * operation with the pool directory warm, as a running ingestion has it. Results are kept in tools/bench/results/dex.json.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  KNOWN_POOLS,
  PoolTokenDirectory,
  SWAP_DECODERS,
  createDecoderSet,
  createLogClassifier,
  normalizeReceipt,
  tradesFromReceipt,
  type NormalizedReceipt,
  type RawLog,
  type ReceiptInput,
} from '@hyperdex/dex';
import type { Address, Hex } from 'viem';
import { runSuite, type BenchCase } from '../index';

const FAMILIES_DIR = join(__dirname, '../../../../libs/dex/src/families');
const TARGET = { opsPerSec: 50_000 } as const;

type RecordedLogs = readonly { address: string; topics: string[]; data: string; logIndex: string; removed?: boolean }[];

/** A recorded receipt, or (`*.logs.json`) every log of one transaction from a recorded `eth_getLogs` answer. */
type Recording =
  | { readonly chainId: number; readonly blockTimestamp?: number; readonly receipt: ReceiptInput['receipt'] & { readonly logs: RecordedLogs } }
  | { readonly chainId: number; readonly transactionHash: string; readonly logs: RecordedLogs };

interface BenchLog {
  readonly family: string;
  readonly chainId: number;
  readonly log: RawLog;
}

/** Every recording with its family; a receipt kept by two families' specs (a route through both) is counted once. */
const loadRecordings = (): Array<{ family: string; fixture: Recording }> => {
  const seen = new Set<string>();
  return readdirSync(FAMILIES_DIR, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .flatMap((family) => {
      const dir = join(FAMILIES_DIR, family.name, 'fixtures');
      let files: string[];
      try {
        files = readdirSync(dir).filter((file) => file.endsWith('.json'));
      } catch {
        return [];
      }
      return files.flatMap((file) => {
        const fixture = JSON.parse(readFileSync(join(dir, file), 'utf8')) as Recording;
        const { transactionHash } = 'receipt' in fixture ? fixture.receipt : fixture;
        const key = `${fixture.chainId}:${transactionHash.toLowerCase()}`;
        if (seen.has(key)) return [];
        seen.add(key);
        return [{ family: family.name, fixture }];
      });
    });
};

/** The recordings' logs, normalised as ingestion does (lower-case addresses and topics, numeric logIndex). */
const logsOf = (recordings: ReturnType<typeof loadRecordings>): BenchLog[] =>
  recordings.flatMap(({ family, fixture }) =>
    ('receipt' in fixture ? fixture.receipt : fixture).logs.map((log) => ({
      family,
      chainId: fixture.chainId,
      log: {
        address: log.address.toLowerCase() as Address,
        topics: log.topics.map((topic) => topic.toLowerCase() as Hex),
        data: log.data as Hex,
        logIndex: Number.parseInt(log.logIndex, 16),
        removed: log.removed ?? false,
      },
    })),
  );

/** The full receipts (an `eth_getLogs` answer has no sender or gas, so it is no receipt), normalised once. */
const receiptsOf = (recordings: ReturnType<typeof loadRecordings>): NormalizedReceipt[] =>
  recordings.flatMap(({ fixture }) =>
    'receipt' in fixture ? [normalizeReceipt({ chainId: fixture.chainId, blockTimestamp: fixture.blockTimestamp ?? 0, receipt: fixture.receipt })] : [],
  );

const classifier = createLogClassifier({ decoders: createDecoderSet(SWAP_DECODERS) });
const recordings = loadRecordings();
const all = logsOf(recordings);
const receipts = receiptsOf(recordings);
const swapTopics = new Set(SWAP_DECODERS.flatMap((decoder) => decoder.topic0s));
const swapLogs = all.filter(({ log }) => log.topics[0] !== undefined && swapTopics.has(log.topics[0]));
if (swapLogs.length === 0) throw new Error(`no swap logs found under ${FAMILIES_DIR}`);

// What the mix holds, so the figures can be read against it.
const outcomes = new Map<string, number>();
for (const { chainId, log } of all) {
  const { classification, result } = classifier.decode(chainId, log);
  const key = result?.kind === 'swap' ? `swap:${result.family}` : classification.kind === 'ignored' ? 'ignored' : `rejected`;
  outcomes.set(key, (outcomes.get(key) ?? 0) + 1);
}
const families = new Set(all.map(({ family }) => family));
console.log(`${all.length} real logs from ${families.size} families' fixtures (${swapLogs.length} with a swap topic0)`);
console.log([...outcomes.entries()].sort().map(([key, count]) => `${key}=${count}`).join(' '));

let sink = 0;
const decodeOne = (logs: readonly BenchLog[]) => (i: number) => {
  const entry = logs[i % logs.length] as BenchLog;
  const { result } = classifier.decode(entry.chainId, entry.log);
  if (result?.kind === 'swap') sink += result.logIndex;
};

// One directory for the run, as one ingestion process keeps it: pools proven once (transfers, CREATE2) stay known.
const pools = new PoolTokenDirectory(KNOWN_POOLS);
const receiptContext = { pools, classifier: createLogClassifier({ decoders: createDecoderSet(SWAP_DECODERS), lookupPool: (c: number, a: Address) => pools.dexOf(c, a) }) };
const tradesOne = (i: number) => {
  const { trades } = tradesFromReceipt(receipts[i % receipts.length] as NormalizedReceipt, receiptContext);
  sink += trades.length;
};

const cases: BenchCase[] = [
  { name: `classify+decode, swap-topic logs (${swapLogs.length})`, iterations: 200_000, run: decodeOne(swapLogs), target: TARGET },
  { name: `classify+decode, whole receipts (${all.length} logs)`, iterations: 200_000, run: decodeOne(all), target: TARGET },
  { name: `receipt → trades, warm pools (${receipts.length} receipts)`, iterations: 20_000, run: tradesOne },
];

runSuite('dex', cases);
if (sink < 0) console.log(sink); // keeps the results observable to the JIT
