import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { ChainReceipt } from '@hyperdex/contracts';
import { receiptFilter } from './receipt-filter';

// rotki's CoW settlement on Arbitrum (cow-protocol fixture): sent by a solver, the order owner only appears as the
// indexed `owner` of the Trade event and in the transfers.
const cow = (JSON.parse(readFileSync(path.join(__dirname, '../../../dex/src/families/cow-protocol/fixtures/arbitrum-0xd1b5ca7b.json'), 'utf8')) as ChainReceipt).receipt;
const OWNER = '0xc37b40abdb939635068d3c5f13e7faf686f03b65';

describe('receipt filter of the chain follower', () => {
  it('keeps every receipt with a swap log when no address is watched, and none without', () => {
    expect(receiptFilter([])(cow)).toBe(true);
    expect(receiptFilter([])({ ...cow, logs: cow.logs.filter((l) => l.topics[0] === '0xddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef') })).toBe(false);
  });

  it('keeps a watched address’s swap when it is named in an indexed field, not only as the sender', () => {
    expect(cow.from.toLowerCase()).not.toBe(OWNER);
    expect(receiptFilter([OWNER.toUpperCase().replace('0X', '0x')])(cow)).toBe(true);
    expect(receiptFilter(['0x00000000000000000000000000000000000000f1'])(cow)).toBe(false);
  });

  it('keeps the sender’s own swaps', () => {
    expect(receiptFilter([cow.from])(cow)).toBe(true);
  });
});
