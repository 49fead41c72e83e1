import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { Pool } from 'pg';
import type { Logger } from 'pino';
import { Counter, Gauge } from 'prom-client';
import type { DatabaseSettings } from '@hyperdex/persistence';
import { LOGGER, ServiceMetrics } from '@hyperdex/observability';
import { ChainIngestionService } from '../chain-ingestion.service';
import { followedChains, type ChainFollowEnv } from './chain-follow.config';
import { ChainFollower, type FollowerMetrics } from './chain-follower';
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

/**
 * Runs a follower per chain of `CHAIN_FOLLOW` while the service is up: each polls its endpoint every
 * `CHAIN_FOLLOW_POLL_MS`, catching up in steps; a failed step (endpoint down, event log unavailable) is logged and
 * retried from the stored cursor at the next poll. Nothing runs when `CHAIN_FOLLOW` is unset.
 */
@Injectable()
export class ChainFollowService implements OnApplicationBootstrap, OnApplicationShutdown {
  private pool?: Pool;
  private readonly timers = new Set<NodeJS.Timeout>();
  private stopped = false;

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
      const follower = new ChainFollower(
        new JsonRpcBlockSource(chain.chainId, chain.url),
        store,
        this.sink,
        {
          confirmations: env.CHAIN_FOLLOW_CONFIRMATIONS,
          watched: env.CHAIN_FOLLOW_ADDRESSES?.split(',') ?? [],
          reorgDepth: env.CHAIN_FOLLOW_REORG_DEPTH,
          maxBlocksPerStep: 100,
          ...(env.CHAIN_FOLLOW_FROM_BLOCK !== undefined ? { fromBlock: env.CHAIN_FOLLOW_FROM_BLOCK } : {}),
        },
        metrics,
        this.logger,
      );
      this.schedule(follower, 0);
      this.logger.info({ chainId: chain.chainId }, 'following chain');
    }
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    for (const timer of this.timers) clearTimeout(timer);
    await this.pool?.end();
  }

  private schedule(follower: ChainFollower, delayMs: number): void {
    if (this.stopped) return;
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      follower
        .step()
        // A step that hit its block limit has more to catch up: go again at once.
        .then((ingested) => this.schedule(follower, ingested >= 100 ? 0 : this.settings.env.CHAIN_FOLLOW_POLL_MS))
        .catch((error: unknown) => {
          this.logger.error({ err: error, chainId: follower.chainId }, 'chain follow step failed; retrying from the stored cursor');
          this.schedule(follower, this.settings.env.CHAIN_FOLLOW_POLL_MS);
        });
    }, delayMs);
    this.timers.add(timer);
  }
}
