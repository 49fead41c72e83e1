import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { Pool } from 'pg';
import type { Logger } from 'pino';
import { Counter, Gauge } from 'prom-client';
import type { DatabaseSettings } from '@hyperdex/persistence';
import { LOGGER, ServiceMetrics } from '@hyperdex/observability';
import { ChainIngestionService } from '../chain-ingestion.service';
import { followedChains, type ChainFollowEnv } from './chain-follow.config';
import { ChainFollower, type FollowerMetrics } from './chain-follower';
import { FollowerLoop } from './follower-loop';
import { JsonRpcBlockSource } from './json-rpc-block-source';
import { PgFollowCursorStore } from './pg-follow-cursor.store';

export const CHAIN_FOLLOW_SETTINGS = Symbol('CHAIN_FOLLOW_SETTINGS');

export interface ChainFollowSettings {
  readonly env: ChainFollowEnv;
  readonly database: DatabaseSettings;
}

/** Prometheus figures of the followers: head lag, blocks (and receipts) ingested, reorgs. */
export const followerMetrics = (metrics: ServiceMetrics): FollowerMetrics => {
  const lag = new Gauge({ name: 'hyperdex_chain_follow_head_lag_blocks', help: 'Blocks between the chain head and the last one ingested', labelNames: ['chain'] as const, registers: [metrics.registry] });
  const blocks = metrics.counter('hyperdex_chain_follow_blocks_total', 'Blocks ingested by the chain follower', ['chain']);
  const receipts = metrics.counter('hyperdex_chain_follow_receipts_total', 'Swap receipts the chain follower ingested', ['chain']);
  const reorgs: Counter<'chain'> = metrics.counter('hyperdex_chain_follow_reorgs_total', 'Orphaned blocks whose trades were retracted', ['chain']);
  return {
    headLag: (chainId, value) => lag.set({ chain: String(chainId) }, value),
    blockIngested: (chainId, count) => {
      blocks.inc({ chain: String(chainId) });
      receipts.inc({ chain: String(chainId) }, count);
    },
    reorg: (chainId) => reorgs.inc({ chain: String(chainId) }),
  };
};

const MAX_BLOCKS_PER_STEP = 100;

/**
 * Runs a follower per chain of `CHAIN_FOLLOW` while the service is up: each polls its endpoint every
 * `CHAIN_FOLLOW_POLL_MS`, catching up in steps, and over WebSocket also wakes on each head the node pushes
 * (`newHeads`); a failed step (endpoint down, event log unavailable) is logged and retried from the stored cursor at
 * the next poll. Nothing runs when `CHAIN_FOLLOW` is unset.
 */
@Injectable()
export class ChainFollowService implements OnApplicationBootstrap, OnApplicationShutdown {
  private pool?: Pool;
  private readonly loops: FollowerLoop[] = [];
  private readonly sources: JsonRpcBlockSource[] = [];

  constructor(
    @Inject(CHAIN_FOLLOW_SETTINGS) private readonly settings: ChainFollowSettings,
    private readonly sink: ChainIngestionService,
    private readonly metrics: ServiceMetrics,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  onApplicationBootstrap(): void {
    const { env, database } = this.settings;
    const chains = followedChains(env.CHAIN_FOLLOW);
    if (chains.length === 0) return;
    this.pool = new Pool({ host: database.host, port: database.port, user: database.user, password: database.password, database: database.database, max: 2, ssl: database.ssl });
    const store = new PgFollowCursorStore(this.pool);
    const metrics = followerMetrics(this.metrics);
    for (const chain of chains) {
      const source = new JsonRpcBlockSource(chain.chainId, chain.url);
      const follower = new ChainFollower(
        source,
        store,
        this.sink,
        {
          confirmations: env.CHAIN_FOLLOW_CONFIRMATIONS,
          watched: env.CHAIN_FOLLOW_ADDRESSES?.split(',') ?? [],
          reorgDepth: env.CHAIN_FOLLOW_REORG_DEPTH,
          maxBlocksPerStep: MAX_BLOCKS_PER_STEP,
          ...(env.CHAIN_FOLLOW_FROM_BLOCK !== undefined ? { fromBlock: env.CHAIN_FOLLOW_FROM_BLOCK } : {}),
        },
        metrics,
        this.logger,
      );
      const loop = new FollowerLoop(follower, env.CHAIN_FOLLOW_POLL_MS, MAX_BLOCKS_PER_STEP, this.logger);
      this.sources.push(source);
      this.loops.push(loop);
      loop.start();
      // Polling alone still follows the chain if the subscription fails; the push only shortens the wait.
      source
        .watchHeads(
          () => loop.wake(),
          (error) => this.logger.warn({ err: error, chainId: chain.chainId }, 'new-heads subscription interrupted; polling until it resumes'),
        )
        .then((pushed) => this.logger.info({ chainId: chain.chainId, newHeads: pushed }, 'following chain'))
        .catch((error: unknown) => this.logger.warn({ err: error, chainId: chain.chainId }, 'no new-heads subscription; polling only'));
    }
  }

  async onApplicationShutdown(): Promise<void> {
    for (const loop of this.loops) loop.stop();
    await Promise.all(this.sources.map((source) => source.close().catch(() => undefined)));
    await this.pool?.end();
  }
}
