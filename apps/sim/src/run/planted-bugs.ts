import type { TestingModule } from '@nestjs/testing';
import { RiskStateRepository, TradeLedgerRepository } from '@hyperdex/persistence';
import type { SimService } from '../system/sim-instances';

/** A known bug the simulation must catch: which service it is planted in, and how. */
export interface PlantedBug {
  readonly service: SimService;
  readonly description: string;
  plant(moduleRef: TestingModule): void;
}

/**
 * Bugs planted on purpose, to show the invariants catch them (one registry, so a new one is one entry). Each replaces
 * one method of a real repository instance after the module is compiled: the service code itself is unchanged.
 */
export const PLANTED_BUGS = {
  'ledger-skips-idempotency': {
    service: 'positions',
    description: 'the ledger reports every event of a batch as new, so a redelivered trade is applied to the book again',
    plant(moduleRef: TestingModule): void {
      const ledger = moduleRef.get(TradeLedgerRepository);
      const record = ledger.recordEvents.bind(ledger);
      ledger.recordEvents = async (events) => {
        await record(events);
        return new Set(events.map((e) => ('tradeId' in e.event ? e.event.tradeId : e.event.transferId)));
      };
    },
  },
  'risk-forgets-seen-events': {
    service: 'risk',
    description: 'risk saves each user without the ids of the updates it observed, so a redelivery after a restart is observed twice',
    plant(moduleRef: TestingModule): void {
      const repository = moduleRef.get(RiskStateRepository);
      const save = repository.saveMany.bind(repository);
      repository.saveMany = async (states) =>
        save(states.map((s) => ({ ...s, state: s.state && typeof s.state === 'object' ? { ...(s.state as Record<string, unknown>), seenEvents: [] } : s.state })));
    },
  },
} satisfies Record<string, PlantedBug>;

export type PlantedBugName = keyof typeof PLANTED_BUGS;

export const isPlantedBug = (name: string): name is PlantedBugName => name in PLANTED_BUGS;
