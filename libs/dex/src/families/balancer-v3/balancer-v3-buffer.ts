import { parseAbiItem, type Address } from 'viem';
import type { DecodeResult } from '../../core/decode-result';
import type { RawLog } from '../../core/raw-log';
import type { TokenRef } from '../../core/token-ref';
import { decodeLayout, eventLayout } from '../shared/event-layout';
import { lower, reject } from '../shared/swap-result';

/**
 * Balancer V3 liquidity buffers: the Vault converts between an ERC-4626 wrapper and its underlying asset (USDC ↔
 * waUSDC) inside batch routes and logs it as `Wrap`/`Unwrap`, not `Swap`. Without them as hops a route that enters as
 * USDC and trades waUSDC would look like the user spent waUSDC, and the route would not net to one trade.
 */
export const BALANCER_V3_WRAP = eventLayout(
  parseAbiItem('event Wrap(address indexed wrappedToken, uint256 depositedUnderlying, uint256 mintedShares, bytes32 bufferBalances)'),
);
export const BALANCER_V3_UNWRAP = eventLayout(
  parseAbiItem('event Unwrap(address indexed wrappedToken, uint256 burnedShares, uint256 withdrawnUnderlying, bytes32 bufferBalances)'),
);

/** The wrapper's asset() is slot 0 of the "pool" the wrapper itself is; the wrapper token is named by address. */
const UNDERLYING: TokenRef = { slot: 0 };

/**
 * A buffer conversion as a pool hop whose pool is the ERC-4626 wrapper (its asset() in slot 0) and whose transfers go
 * through the Vault that emitted it (`settledBy`), so the receipt's transfers into and out of the Vault prove the asset.
 */
export const decodeBufferConversion = (log: RawLog, chainId: number): DecodeResult => {
  const wrapping = log.topics[0] === BALANCER_V3_WRAP.topic0;
  const args = wrapping ? decodeLayout(BALANCER_V3_WRAP, log) : decodeLayout(BALANCER_V3_UNWRAP, log);
  if (typeof args === 'string') return reject(log, `balancer-v3: ${args}`);
  const wrapper = lower(args.wrappedToken);
  const underlyingAmount = 'depositedUnderlying' in args ? args.depositedUnderlying : args.withdrawnUnderlying;
  const shares = 'mintedShares' in args ? args.mintedShares : args.burnedShares;
  if (underlyingAmount <= 0n || shares <= 0n) {
    return reject(log, `balancer-v3: ${wrapping ? 'Wrap' : 'Unwrap'} of ${wrapper} with a zero amount (underlying ${underlyingAmount}, shares ${shares})`);
  }
  const wrapperRef: TokenRef = { address: wrapper };
  return {
    kind: 'swap',
    family: 'balancer-v3',
    level: 'pool',
    pool: { chainId, address: wrapper },
    logIndex: log.logIndex,
    tokenIn: wrapping ? UNDERLYING : wrapperRef,
    amountIn: wrapping ? underlyingAmount : shares,
    tokenOut: wrapping ? wrapperRef : UNDERLYING,
    amountOut: wrapping ? shares : underlyingAmount,
    settledBy: lower(log.address) as Address,
  };
};
