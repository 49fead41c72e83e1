import { Inject, Injectable, Optional, type OnApplicationShutdown, type Provider } from '@nestjs/common';
import { Pool } from 'pg';
import type { Logger } from 'pino';
import type { DatabaseSettings } from '@hyperdex/persistence';
import { LOGGER } from '@hyperdex/observability';
import { ChainReceiptDecoder } from '../chain-receipt-decoder';
import { POOL_STORE } from '../pool-metadata.resolver';
import { PgPoolStore } from './pg-pool.store';

/**
 * `DEX_POOL_STORE=postgres`: the pools this replica learns are written to PostgreSQL and unknown pools are looked up
 * there before any endpoint is asked, so every replica knows what one learned. `memory` (the default): none.
 */
export const sharedPoolsProvider = (kind: 'memory' | 'postgres', database: DatabaseSettings): Provider => ({
  provide: POOL_STORE,
  inject: [ChainReceiptDecoder, LOGGER],
  useFactory: (decoder: ChainReceiptDecoder, logger: Logger): PgPoolStore | null => {
    if (kind !== 'postgres') return null;
    const { host, port, user, password, database: name, ssl } = database;
    const store = new PgPoolStore(new Pool({ host, port, user, password, database: name, ssl, max: 2 }));
    store.shareLearned(decoder.pools, (error, pool) => logger.error({ err: error, chainId: pool.chainId, pool: pool.address }, 'could not share a learned pool'));
    return store;
  },
});

/** Closes the shared pool store's connections when the service stops. */
@Injectable()
export class SharedPoolsShutdown implements OnApplicationShutdown {
  constructor(@Optional() @Inject(POOL_STORE) private readonly store?: PgPoolStore | null) {}

  async onApplicationShutdown(): Promise<void> {
    await this.store?.close();
  }
}
