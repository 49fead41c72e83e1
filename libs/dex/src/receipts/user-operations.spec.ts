import { parseAbiItem, type Address } from 'viem';
import type { RawLog } from '../core/raw-log';
import curveEthereum from '../families/curve/fixtures/ethereum-0xaa176ce7.json';
import { composedReceipt } from '../families/shared/composed-receipt';
import { encodedLog } from '../families/shared/encoded-log';
import { tradesOfReceipt } from '../families/shared/fixture-trades';
import type { ReceiptFixture } from '../families/shared/receipt-fixture';
import { NATIVE_TOKEN } from '../families/shared/swap-result';
import uniswapV2Ethereum from '../families/uniswap-v2/fixtures/ethereum-0x67cf6c4c.json';
import { operationAt, userOperationsOf } from './user-operations';

/*
 * No recorded ERC-4337 bundle is among the fixtures (rotki's test_uniswapv4/test_swap_via_erc4337_bundled_tx_on_base
 * cassette holds one: a 1.8 MB recording of a 13-operation bundle, not transcribed). The EntryPoint events below are
 * encoded with viem from the EntryPoint's event ABI, in the order EntryPoint.handleOps emits them (BeforeExecution,
 * then each operation's own logs closed by its UserOperationEvent); the swaps inside them are two real recorded
 * receipts' logs, unchanged. The composed receipt is a test of attribution, not a recording.
 */
const ENTRY_POINT_V07 = '0x0000000071727de22e5e9d8baf0edac6f37da032' as Address;
const BUNDLER = '0x0000000000000000000000000000000000b0b0b0' as Address;
const PAYMASTER = '0x00000000000000000000000000000000000000aa' as Address;
const NO_PAYMASTER = '0x0000000000000000000000000000000000000000' as Address;
const USER_OPERATION_EVENT = parseAbiItem(
  'event UserOperationEvent(bytes32 indexed userOpHash, address indexed sender, address indexed paymaster, uint256 nonce, bool success, uint256 actualGasCost, uint256 actualGasUsed)',
);
const BEFORE_EXECUTION = parseAbiItem('event BeforeExecution()');

const beforeExecution = (logIndex: number, address = ENTRY_POINT_V07): RawLog => encodedLog(address, BEFORE_EXECUTION, {}, logIndex);
const userOperationEvent = (logIndex: number, sender: Address, paymaster: Address, actualGasCost: bigint, address = ENTRY_POINT_V07): RawLog =>
  encodedLog(
    address,
    USER_OPERATION_EVENT,
    { userOpHash: `0x${logIndex.toString(16).padStart(64, '0')}`, sender, paymaster, nonce: 7n, success: true, actualGasCost, actualGasUsed: 120_000n },
    logIndex,
  );

const CURVE_USER = '0xa8d7fb04877c3fbf175de76fa3d2fa66c770537f' as Address;
const V2_USER = '0x3cadf2ca458376a6a5fea2ef3612346037d5a787' as Address;

describe('ERC-4337 bundles', () => {
  describe('userOperationsOf', () => {
    it('spans each operation from the previous boundary (BeforeExecution or the last operation) to its event', () => {
      const ops = userOperationsOf([beforeExecution(10), userOperationEvent(14, CURVE_USER, PAYMASTER, 5n), userOperationEvent(30, V2_USER, NO_PAYMASTER, 9n)]);
      expect(ops).toEqual([
        { sender: CURVE_USER, selfPaid: false, actualGasCost: 5n, after: 10, at: 14 },
        { sender: V2_USER, selfPaid: true, actualGasCost: 9n, after: 14, at: 30 },
      ]);
      expect(operationAt(ops, 12)?.sender).toBe(CURVE_USER);
      expect(operationAt(ops, 29)?.sender).toBe(V2_USER);
      // Validation-phase logs (before BeforeExecution) and the events themselves belong to no operation's execution.
      expect(operationAt(ops, 9)).toBeUndefined();
      expect(operationAt(ops, 14)).toBeUndefined();
    });

    it('trusts only the EntryPoints, and only after BeforeExecution', () => {
      const impostor = '0x00000000000000000000000000000000000000ee' as Address;
      expect(userOperationsOf([beforeExecution(1, impostor), userOperationEvent(2, V2_USER, NO_PAYMASTER, 1n, impostor)])).toEqual([]);
      expect(userOperationsOf([userOperationEvent(2, V2_USER, NO_PAYMASTER, 1n)])).toEqual([]);
    });
  });

  describe('a bundle of two operations, each a real recorded swap route', () => {
    const curve = curveEthereum as ReceiptFixture;
    const v2 = uniswapV2Ethereum as ReceiptFixture;
    // Curve's logs are 171–173 and the V2 route's 507–519: the EntryPoint's events go around them.
    const bundle = composedReceipt(v2, BUNDLER, [
      beforeExecution(170),
      ...curve.receipt.logs,
      userOperationEvent(174, CURVE_USER, PAYMASTER, 11_000_000_000_000n),
      ...v2.receipt.logs,
      userOperationEvent(520, V2_USER, NO_PAYMASTER, 2_500_000_000_000_000n),
    ]);
    const tradesOfBundle = () => tradesOfReceipt(bundle);

    it('books each route for its own smart account, none for the bundler', () => {
      const { trades, rejected } = tradesOfBundle();
      expect(rejected).toEqual([]);
      expect(trades.map((t) => t.userId).sort()).toEqual([V2_USER, CURVE_USER].sort());
      expect(trades.some((t) => t.userId === BUNDLER)).toBe(false);
    });

    it('charges an account that paid its own gas its actualGasCost, and nothing to a sponsored one', () => {
      const { trades } = tradesOfBundle();
      expect(trades.find((t) => t.userId === V2_USER)?.fees).toEqual([{ kind: 'gas', token: NATIVE_TOKEN, amount: '2500000000000000' }]);
      expect(trades.find((t) => t.userId === CURVE_USER)?.fees).toBeUndefined();
    });

    it('books the account’s ETH the router wrapped inside its operation as ETH (rotki: 0.15 ETH → FRAX)', () => {
      const { trades } = tradesOfBundle();
      expect(trades.find((t) => t.userId === V2_USER)).toMatchObject({
        tokenIn: NATIVE_TOKEN,
        amountIn: '150000000000000000',
        tokenOut: '0x853d955acef822db058eb8505911ed77f175b99e',
        amountOut: '462967761432322996701',
      });
      expect(trades.find((t) => t.userId === CURVE_USER)).toMatchObject({ amountIn: '500000000000', amountOut: '498538169982' });
    });
  });
});
