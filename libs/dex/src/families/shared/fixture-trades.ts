import { KNOWN_POOLS } from '../../pools/known-pools';
import { PoolTokenDirectory } from '../../pools/pool-token-directory';
import { normalizeReceipt, type ReceiptInput } from '../../receipts/normalized-receipt';
import { tradesFromReceipt, type ReceiptTrades } from '../../receipts/trades-from-receipt';
import { createDecoderSet } from '../../registry/decoder-set';
import { SWAP_DECODERS } from '../../registry/decoders';
import { createLogClassifier } from '../../registry/log-classifier';
import type { ReceiptFixture } from './receipt-fixture';

/**
 * A recorded receipt through the whole decoder the way ingestion runs it (every registered family, the static pool
 * registry unless `pools` is given): what the family specs compare with the recording's independent figures.
 */
export const tradesOfFixture = (fixture: ReceiptFixture, pools = new PoolTokenDirectory(KNOWN_POOLS)): ReceiptTrades & { pools: PoolTokenDirectory } =>
  tradesOfReceipt({ chainId: fixture.chainId, blockTimestamp: fixture.blockTimestamp ?? 0, receipt: fixture.receipt }, pools);

/** The same for a receipt a spec composed (recorded logs plus encoded events), which is not itself a recording. */
export const tradesOfReceipt = (input: ReceiptInput, pools = new PoolTokenDirectory(KNOWN_POOLS)): ReceiptTrades & { pools: PoolTokenDirectory } => {
  const classifier = createLogClassifier({ decoders: createDecoderSet(SWAP_DECODERS), lookupPool: (chainId, address) => pools.dexOf(chainId, address) });
  return { ...tradesFromReceipt(normalizeReceipt(input), { classifier, pools }), pools };
};
