import type { Trade, TradeRetraction, Transfer } from '@hyperdex/contracts';

export const WETH = '0xc02aaa39b223fe8d0a0e5c4f27ead9083c756cc2';
export const USDC = '0xa0b86991c6218b36c1d19d4a2e9eb0ce3606eb48';

/** 1 WETH bought for 3,000 USDC unless overridden. */
export const aSwap = (tradeId: string, overrides: Partial<Trade> = {}): Trade => ({
  tradeId,
  userId: 'alice',
  chainId: 1,
  dex: 'uniswap-v3',
  tokenIn: USDC,
  tokenOut: WETH,
  amountIn: '3000000000',
  amountOut: '1000000000000000000',
  timestamp: 1_764_000_000_000,
  ...overrides,
});

export const aDeposit = (transferId: string, overrides: Partial<Transfer> = {}): Transfer => ({
  kind: 'transfer',
  transferId,
  userId: 'alice',
  chainId: 1,
  token: USDC,
  direction: 'in',
  amount: '10000000000',
  timestamp: 1_764_000_000_000,
  ...overrides,
});

export const aRetraction = (tradeId: string, userId = 'alice'): TradeRetraction => ({
  kind: 'retraction',
  tradeId,
  userId,
  chainId: 1,
  reason: 'log removed',
  timestamp: 1_764_000_001_000,
});
