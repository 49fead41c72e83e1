import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Address } from 'viem';
import { KNOWN_POOLS } from '../../pools/known-pools';
import type { KnownPool } from '../../pools/pool-token-directory';
import { PoolTokenDirectory } from '../../pools/pool-token-directory';
import { createDecoderSet } from '../../registry/decoder-set';
import { SWAP_DECODERS } from '../../registry/decoders';
import { createLogClassifier } from '../../registry/log-classifier';
import { erc20TransfersOf } from '../erc20-transfers';
import { normalizeReceipt, type NormalizedReceipt, type ReceiptInput } from '../normalized-receipt';
import { safeExecutionsOf } from '../safe-executions';
import { accountExecutions } from '../stages/account-executions';
import { attributeTraders } from '../stages/attribute-traders';
import { decodeSwaps } from '../stages/decode-swaps';
import { groupRoutes } from '../stages/group-routes';
import type { ReceiptEvidence } from '../stages/receipt-evidence';
import { resolvePools } from '../stages/resolve-pools';
import { userOperationsOf } from '../user-operations';

/** A recorded receipt of a family spec (each cites its rotki/test-caching cassette), normalised as ingestion does. */
export const recordedReceipt = (family: string, file: string): NormalizedReceipt => {
  const path = join(__dirname, '..', '..', 'families', family, 'fixtures', file);
  const input = JSON.parse(readFileSync(path, 'utf8')) as ReceiptInput & { blockTimestamp: number | null };
  return normalizeReceipt({ ...input, blockTimestamp: input.blockTimestamp ?? 0 });
};

/** The registry's classifier over a directory seeded with `known` (the static registry by default). */
export const receiptContext = (known: Iterable<KnownPool> = KNOWN_POOLS) => {
  const pools = new PoolTokenDirectory(known);
  const classifier = createLogClassifier({ decoders: createDecoderSet(SWAP_DECODERS), lookupPool: (c: number, a: Address) => pools.dexOf(c, a) });
  return { pools, classifier };
};

/** Freezes a value and everything it holds, so a stage that changed its input would throw in the spec. */
export const deepFreeze = <T>(value: T): T => {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
};

/** A receipt through the stages before the adjusters: its draft trades and the evidence the adjusters read. */
export const draftsOf = (receipt: NormalizedReceipt, context = receiptContext()) => {
  const decoded = decodeSwaps(receipt.chainId, receipt.logs, context.classifier, context.pools);
  const transfers = erc20TransfersOf(receipt.logs);
  const operations = userOperationsOf(receipt.logs);
  const executions = accountExecutions(operations, safeExecutionsOf(receipt.logs));
  const resolved = resolvePools(receipt.chainId, decoded.swaps, transfers, context);
  const swaps = attributeTraders(resolved.swaps, executions, receipt.from);
  const evidence: ReceiptEvidence = {
    receipt,
    logs: receipt.logs,
    transfers,
    operations,
    executions,
    venues: new Set(swaps.map((s) => s.venue)),
    emitters: new Set(receipt.logs.map((l) => l.address)),
    unverifiedSummary: decoded.unverifiedSummaries.length > 0,
  };
  return { drafts: deepFreeze(groupRoutes(swaps).drafts), evidence };
};
