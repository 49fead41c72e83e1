import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Address } from 'viem';
import { NATIVE_TOKEN } from '../families/shared/swap-result';
import { erc20TransfersOf, netFlowsOf } from './erc20-transfers';
import { normalizeReceipt, type ReceiptInput } from './normalized-receipt';
import { receiptContext } from './spec-support/recorded-receipt';
import { tradesFromReceipt } from './trades-from-receipt';

const FAMILIES = join(__dirname, '..', 'families');
/** Every recorded receipt of every family spec (`*.logs.json` answers carry no sender: no trades to check). */
const recordings = readdirSync(FAMILIES, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .flatMap((family) => {
    const dir = join(FAMILIES, family.name, 'fixtures');
    let files: string[] = [];
    try {
      files = readdirSync(dir).filter((file) => file.endsWith('.json') && !file.endsWith('.logs.json'));
    } catch {
      return [];
    }
    return files.map((file) => ({ name: `${family.name}/${file}`, input: JSON.parse(readFileSync(join(dir, file), 'utf8')) as ReceiptInput }));
  });

describe('wallet-true trades on every recorded receipt', () => {
  it('finds the recordings', () => {
    expect(recordings.length).toBeGreaterThanOrEqual(30);
  });

  it.each(recordings.map((r) => [r.name, r.input] as const))('%s: no trade books a token against the direction the user’s transfers moved it', (_name, input) => {
    const receipt = normalizeReceipt({ ...input, blockTimestamp: input.blockTimestamp ?? 0 });
    const { trades } = tradesFromReceipt(receipt, receiptContext());
    const transfers = erc20TransfersOf(receipt.logs);
    const contradicted = trades.flatMap((trade) => {
      const flows = netFlowsOf(trade.userId as Address, transfers);
      const flow = (token: string) => (token === NATIVE_TOKEN ? 0n : (flows.get(token as Address) ?? 0n));
      const alone = trades.filter((t) => t.userId === trade.userId).length === 1;
      const visible = [...flows.values()].some((f) => f !== 0n);
      // Any trade: a paid token the wallet gained, or a received token the wallet lost. The user's only trade, when
      // their wallet shows transfers: also a paid (received) ERC-20 the wallet never sent (received).
      const paidAgainst = flow(trade.tokenIn) > 0n || (alone && visible && trade.tokenIn !== NATIVE_TOKEN && flow(trade.tokenIn) === 0n);
      const receivedAgainst = flow(trade.tokenOut) < 0n || (alone && visible && trade.tokenOut !== NATIVE_TOKEN && flow(trade.tokenOut) === 0n);
      return paidAgainst || receivedAgainst ? [{ tradeId: trade.tradeId, tokenIn: trade.tokenIn, tokenOut: trade.tokenOut }] : [];
    });
    expect(contradicted).toEqual([]);
  });
});
