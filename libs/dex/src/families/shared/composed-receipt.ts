import type { RawLog } from '../../core/raw-log';
import type { ReceiptInput } from '../../receipts/normalized-receipt';
import type { ReceiptFixture } from './receipt-fixture';

type RecordedLog = ReceiptFixture['receipt']['logs'][number];

/**
 * A receipt a spec composes from a recorded one: another sender, and the recorded logs interleaved with events the
 * spec encoded (a RawLog, numeric logIndex). It tests how logs are read together; it is not itself a recording.
 */
export const composedReceipt = (base: ReceiptFixture, from: string, logs: ReadonlyArray<RecordedLog | RawLog>): ReceiptInput => ({
  chainId: base.chainId,
  blockTimestamp: base.blockTimestamp ?? 0,
  receipt: {
    ...base.receipt,
    from,
    logs: logs.map((log) => (typeof log.logIndex === 'number' ? { ...log, logIndex: `0x${log.logIndex.toString(16)}` } : (log as RecordedLog))),
  },
});
