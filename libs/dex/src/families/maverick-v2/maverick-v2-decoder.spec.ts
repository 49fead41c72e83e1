import { encodeAbiParameters, type Hex } from 'viem';
import type { RawLog } from '../../core/raw-log';
import { MAVERICK_V2_POOL_SWAP, MAVERICK_V2_POOL_SWAP_TOPIC0, maverickV2Decoder } from './maverick-v2-decoder';

/*
 * No recorded Maverick V2 log has been found in a public recording yet (README, "DEX coverage"), so this spec checks
 * the decoder against the deployed event's ABI only: each log below is ENCODED here with viem from that ABI — a layout
 * check, not evidence of what the chain emits. Replace with recorded receipts as soon as one is found.
 */
// Placeholder addresses: nothing here claims to be a deployed pool or router.
const POOL = '0x00000000000000000000000000000000000000cc';
const SENDER = '0x00000000000000000000000000000000000000bb';
const RECIPIENT = '0x00000000000000000000000000000000000000aa';

const poolSwapLog = (params: { tokenAIn: boolean; exactOutput?: boolean; amountIn: bigint; amountOut: bigint }): RawLog => ({
  address: POOL,
  topics: [MAVERICK_V2_POOL_SWAP_TOPIC0],
  data: encodeAbiParameters(MAVERICK_V2_POOL_SWAP.inputs, [
    SENDER,
    RECIPIENT,
    { amount: params.amountIn, tokenAIn: params.tokenAIn, exactOutput: params.exactOutput ?? false, tickLimit: -887_272 },
    params.amountIn,
    params.amountOut,
  ]),
  logIndex: 7,
  removed: false,
});

describe('maverick-v2 decoder (ABI layout; no recorded log yet)', () => {
  it('has the PoolSwap topic0 the reference cites from public adapters', () => {
    expect(MAVERICK_V2_POOL_SWAP_TOPIC0).toBe('0x103ed084e94a44c8f5f6ba8e3011507c41063177e29949083c439777d8d63f60');
  });

  it('tokenAIn: token A (slot 0) in, token B (slot 1) out, with the settled amounts rather than the requested one', () => {
    expect(maverickV2Decoder.decode(poolSwapLog({ tokenAIn: true, amountIn: 1_000_000n, amountOut: 999_100n }), 8453)).toEqual({
      kind: 'swap',
      family: 'maverick-v2',
      level: 'pool',
      pool: { chainId: 8453, address: POOL },
      logIndex: 7,
      tokenIn: { slot: 0 },
      amountIn: 1_000_000n,
      tokenOut: { slot: 1 },
      amountOut: 999_100n,
      eventSender: SENDER,
      eventRecipient: RECIPIENT,
    });
  });

  it('!tokenAIn (an exact-output swap too): token B in, token A out', () => {
    expect(maverickV2Decoder.decode(poolSwapLog({ tokenAIn: false, exactOutput: true, amountIn: 5n * 10n ** 17n, amountOut: 1_234n }), 1)).toMatchObject({
      kind: 'swap',
      tokenIn: { slot: 1 },
      amountIn: 5n * 10n ** 17n,
      tokenOut: { slot: 0 },
      amountOut: 1_234n,
    });
  });

  describe('garbage', () => {
    const base = poolSwapLog({ tokenAIn: true, amountIn: 10n, amountOut: 9n });

    it('rejects indexed topics, a short or non-hex body, a non-boolean flag and zero amounts, with a reason', () => {
      const words = base.data.slice(2).match(/.{64}/g) ?? [];
      const data = (parts: string[]): Hex => `0x${parts.join('')}`;
      for (const log of [
        { ...base, topics: [...base.topics, `0x${words[0]}` as Hex] },
        { ...base, data: data(words.slice(0, 7)) },
        { ...base, data: `0x${'zz'.repeat(256)}` as Hex },
        { ...base, data: data([...words.slice(0, 3), '2'.padStart(64, '0'), ...words.slice(4)]) },
        poolSwapLog({ tokenAIn: true, amountIn: 10n, amountOut: 0n }),
      ]) {
        expect(maverickV2Decoder.decode(log, 8453)).toMatchObject({ kind: 'rejected', reason: expect.stringMatching(/^maverick-v2: /) });
      }
    });
  });
});
