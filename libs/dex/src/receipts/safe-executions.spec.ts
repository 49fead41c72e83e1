import { parseAbiItem, type Address, type Hex } from 'viem';
import type { RawLog } from '../core/raw-log';
import { composedReceipt } from '../families/shared/composed-receipt';
import { encodedLog } from '../families/shared/encoded-log';
import { tradesOfReceipt } from '../families/shared/fixture-trades';
import type { ReceiptFixture } from '../families/shared/receipt-fixture';
import { NATIVE_TOKEN } from '../families/shared/swap-result';
import uniswapV2Ethereum from '../families/uniswap-v2/fixtures/ethereum-0x67cf6c4c.json';
import { safeExecutionsOf } from './safe-executions';

/*
 * No recorded Safe execution of a swap is among the fixtures. The `ExecutionSuccess` events below are encoded with
 * viem from Safe's event ABI (v1.3 plain, v1.4 indexed txHash); the swap route inside is a real recorded receipt's
 * logs, unchanged. The composed receipt is a test of attribution, not a recording.
 */
const SAFE_V13 = parseAbiItem('event ExecutionSuccess(bytes32 txHash, uint256 payment)');
const SAFE_V14 = parseAbiItem('event ExecutionSuccess(bytes32 indexed txHash, uint256 payment)');
const TX_HASH = `0x${'5a'.repeat(32)}` as Hex;

const executionSuccessV13 = (logIndex: number, safe: Address): RawLog => encodedLog(safe, SAFE_V13, { txHash: TX_HASH, payment: 0n }, logIndex);
const executionSuccessV14 = (logIndex: number, safe: Address): RawLog => encodedLog(safe, SAFE_V14, { txHash: TX_HASH, payment: 0n }, logIndex);

const SAFE_A = '0x00000000000000000000000000000000005afe0a' as Address;
const SAFE_B = '0x00000000000000000000000000000000005afe0b' as Address;

describe('Safe executions', () => {
  it('spans each execution from the previous one (or the receipt’s start) to its ExecutionSuccess, v1.3 and v1.4 alike', () => {
    expect(safeExecutionsOf([executionSuccessV13(5, SAFE_A), executionSuccessV14(9, SAFE_B)])).toEqual([
      { safe: SAFE_A, after: -1, at: 5 },
      { safe: SAFE_B, after: 5, at: 9 },
    ]);
  });

  it('ignores an event of that topic0 whose layout is neither Safe’s', () => {
    const odd = { ...executionSuccessV13(5, SAFE_A), data: '0x' as Hex };
    expect(safeExecutionsOf([odd])).toEqual([]);
  });

  describe('an owner executing a Safe transaction that swaps (a real V2 route’s logs, then the Safe’s event)', () => {
    const v2 = uniswapV2Ethereum as ReceiptFixture;
    // The route pays FRAX to 0x3cadf2…: standing for the Safe here, its ExecutionSuccess closes the logs at 520.
    const SAFE = '0x3cadf2ca458376a6a5fea2ef3612346037d5a787' as Address;
    const OWNER = '0x00000000000000000000000000000000000a11ce' as Address;
    const receipt = composedReceipt(v2, OWNER, [...v2.receipt.logs, executionSuccessV13(520, SAFE)]);

    it('books the route for the Safe, paid in the Safe’s ETH the router wrapped, and nothing for the owner', () => {
      const { trades, rejected } = tradesOfReceipt(receipt);
      expect(rejected).toEqual([]);
      expect(trades).toHaveLength(1);
      expect(trades[0]).toMatchObject({ userId: SAFE, tokenIn: NATIVE_TOKEN, amountIn: '150000000000000000', amountOut: '462967761432322996701' });
      // The owner paid the gas and made no trade here: the Safe's trade carries no gas fee.
      expect(trades[0]?.fees).toBeUndefined();
      expect(trades[0]?.origin?.txFrom).toBe(OWNER);
    });
  });
});
