import { z } from 'zod';
import { envInt } from '@hyperdex/observability';

/** `CHAIN_FOLLOW=1:http://node:8545,8453:wss://…` → the chains to follow and their JSON-RPC endpoints (HTTP or WebSocket). */
export const chainFollowEnvSchema = z.object({
  CHAIN_FOLLOW: z
    .string()
    .regex(/^\d+:(https?|wss?):\/\/[^,\s]+(,\d+:(https?|wss?):\/\/[^,\s]+)*$/, 'must be chainId:url pairs (http, https, ws or wss) separated by commas')
    .optional(),
  /** Addresses whose swaps the follower keeps; unset = every swap. */
  CHAIN_FOLLOW_ADDRESSES: z
    .string()
    .regex(/^(0x[0-9a-fA-F]{40})(,0x[0-9a-fA-F]{40})*$/, 'must be 0x-addresses separated by commas')
    .optional(),
  CHAIN_FOLLOW_CONFIRMATIONS: envInt(2, 0, 10_000),
  /** Where to start (backfill) when no cursor is stored; unset = the confirmed head. */
  CHAIN_FOLLOW_FROM_BLOCK: z
    .string()
    .regex(/^\d+$/, 'must be a block number')
    .transform(Number)
    .optional(),
  CHAIN_FOLLOW_POLL_MS: envInt(2_000, 50, 600_000),
  CHAIN_FOLLOW_REORG_DEPTH: envInt(128, 1, 100_000),
});

export type ChainFollowEnv = z.infer<typeof chainFollowEnvSchema>;

export interface FollowedChain {
  readonly chainId: number;
  readonly url: string;
}

export const followedChains = (text: string | undefined): FollowedChain[] =>
  (text ?? '')
    .split(',')
    .filter(Boolean)
    .map((pair) => {
      const at = pair.indexOf(':');
      return { chainId: Number(pair.slice(0, at)), url: pair.slice(at + 1) };
    });
