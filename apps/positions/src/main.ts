// Positions: balances and exposure per user from the trade log.
import './instrument';
import { runService } from '@hyperdex/observability';
import { PositionsServiceModule, positionsConfigSchema } from '@hyperdex/positions-feature';

void runService({
  name: 'positions',
  configSchema: positionsConfigSchema,
  module: (config, logger) => PositionsServiceModule.forRoot(config, logger),
}).catch(() => undefined); // runService has logged the failure and scheduled exit(1)
