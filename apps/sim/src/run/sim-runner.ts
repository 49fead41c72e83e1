import { createHash } from 'node:crypto';
import jwt from 'jsonwebtoken';
import pino from 'pino';
import { ALL_TOPICS } from '@hyperdex/contracts';
import { InMemoryBroker, InMemoryEventPublisher } from '@hyperdex/messaging';
import { ServiceMetrics } from '@hyperdex/observability';
import { InProcessExposureCache, MIGRATIONS, PgliteSqlDatabase, runSqlMigrations } from '@hyperdex/persistence';
import { RiskEngineService } from '@hyperdex/risk-feature';
import { SimBus } from '../bus/sim-bus';
import { SimInvariants, type Violation } from '../invariants/sim-invariants';
import { SIM_JWT_SECRET, bootInstance, crashInstance, type SimInstance, type SimService, type SimShared } from '../system/sim-instances';
import { SimSocketServer } from '../system/sim-socket-server';
import { SimClock } from '../world/sim-clock';
import { SimIds } from '../world/sim-ids';
import { simRandom, type SimRandom } from '../world/sim-random';
import { SimWorld } from '../world/sim-world';
import { PLANTED_BUGS, type PlantedBugName } from './planted-bugs';

export interface SeedOptions {
  seed: number;
  /** Scheduler steps before the final drain. */
  steps?: number;
  users?: number;
  bug?: PlantedBugName;
  /** Keeps every step's action in the result (the replay command prints it). */
  trace?: boolean;
}

export interface SeedResult {
  seed: number;
  steps: number;
  violations: Array<Violation & { step: number }>;
  /** Each step's action, when asked for. */
  trace: string[];
  /** Hash of everything the seed left behind (topics, ledger, risk and alert state, sockets): same seed, same digest. */
  digest: string;
  /** The one command that replays this seed exactly. */
  replay: string;
}

export const DEFAULT_STEPS = 60;
const PARTITIONS = 3;
const SLOTS: ReadonlyArray<{ slot: string; service: SimService; crashable: boolean }> = [
  { slot: 'positions-a', service: 'positions', crashable: true },
  { slot: 'positions-b', service: 'positions', crashable: true },
  { slot: 'risk-a', service: 'risk', crashable: true },
  { slot: 'risk-b', service: 'risk', crashable: true },
  { slot: 'alerting', service: 'alerting', crashable: true },
  { slot: 'gateway', service: 'gateway', crashable: false },
];
const silent = pino({ level: 'silent' });

export const replayCommand = (o: SeedOptions): string =>
  `npm run sim -- --seed ${o.seed}${o.steps !== undefined && o.steps !== DEFAULT_STEPS ? ` --steps ${o.steps}` : ''}${o.bug ? ` --bug ${o.bug}` : ''}`;

/**
 * Runs seeds of the deterministic simulation: the whole pipeline after ingestion (positions ×2, risk ×2, alerting,
 * the gateway's fan-out) in this process on an in-memory bus, each service its own Nest app over one PGlite, with
 * one seeded random source choosing every action, fault and chunk, and a simulated clock. PGlite takes seconds to
 * start, so a runner opens it once; seeds never share rows because every id carries the seed.
 */
export class SimRunner {
  private constructor(
    private readonly database: PgliteSqlDatabase,
    /** Tables with a user_id column: a seed's rows are found (and wiped once it has run) by its users' prefix. */
    private readonly userTables: readonly string[],
  ) {}

  static async open(): Promise<SimRunner> {
    const database = await PgliteSqlDatabase.open(undefined);
    await runSqlMigrations(database, MIGRATIONS);
    const tables = await database.query<{ table_name: string }>(
      `SELECT table_name FROM information_schema.columns WHERE table_schema = 'public' AND column_name = 'user_id' ORDER BY table_name`,
    );
    return new SimRunner(database, tables.map((t) => t.table_name));
  }

  async close(): Promise<void> {
    await this.database.close();
  }

  async run(options: SeedOptions): Promise<SeedResult> {
    const steps = options.steps ?? DEFAULT_STEPS;
    // Every id of the seed carries its prefix (user ids decide partitions, so the prefix is part of the scenario).
    const prefix = `s${options.seed}`;
    const clock = new SimClock();
    clock.install();
    const random = simRandom(options.seed);
    // Ids draw from their own stream, so the scheduler's choices stay the same whether or not a service names an event.
    const ids = new SimIds(simRandom(options.seed ^ 0x5eed1d));
    ids.install();
    const broker = new InMemoryBroker(PARTITIONS, clock.now);
    broker.ensureTopics(ALL_TOPICS);
    const shared: SimShared = { bus: new SimBus(broker), database: this.database, cache: new InProcessExposureCache(), sockets: new SimSocketServer() };
    const running = new Map<string, SimInstance>();
    const generations = new Map<string, number>();
    const trace: string[] = [];
    const violations: SeedResult['violations'] = [];
    const bug = options.bug ? PLANTED_BUGS[options.bug] : undefined;

    const boot = async (slot: string, service: SimService) => {
      const generation = (generations.get(slot) ?? 0) + 1;
      generations.set(slot, generation);
      running.set(slot, await bootInstance(shared, service, slot, `${slot}#${generation}`, bug?.service === service ? (m) => bug.plant(m) : undefined));
    };

    try {
      for (const { slot, service } of SLOTS) await boot(slot, service);
      const producer = new InMemoryEventPublisher(broker, { clientId: 'sim-producer', validateOutgoing: true }, new ServiceMetrics('sim-producer'), silent);
      const world = new SimWorld(prefix, random, producer, clock.now, options.users ?? 3);
      for (const userId of world.users) await shared.sockets.connect(userId, jwt.sign({ sub: userId }, SIM_JWT_SECRET, { algorithm: 'HS256' }));
      // A second dashboard of the first user, and a client with a forged token that must be refused.
      await shared.sockets.connect(world.users[0] as string, jwt.sign({ sub: world.users[0] }, SIM_JWT_SECRET, { algorithm: 'HS256' }));
      if (await shared.sockets.connect(world.users[1] as string, jwt.sign({ sub: world.users[1] }, 'a-forged-secret-of-enough-length', { algorithm: 'HS256' }))) {
        violations.push({ step: -1, invariant: "no user's data on another user's socket", detail: 'a socket with a forged token was accepted' });
      }
      await world.open();
      const invariants = new SimInvariants(world, broker, this.database, shared.sockets);

      let step = 0;
      for (; step < steps && violations.length === 0; step++) {
        clock.advance(random.int(0, 3_000));
        const action = await this.step(random, world, shared, running, boot);
        if (options.trace) trace.push(`${step}: ${action}`);
        await settle(running);
        for (const v of await invariants.check({ quiet: false })) violations.push({ step, ...v });
      }
      if (violations.length === 0) {
        // Every instance back, every record delivered: the quiet system must satisfy everything, the DLQ included.
        for (const { slot, service } of SLOTS) if (!running.has(slot)) await boot(slot, service);
        await shared.bus.drain();
        await settle(running);
        if (options.trace) trace.push(`${step}: drained`);
        for (const v of await invariants.check({ quiet: true })) violations.push({ step, ...v });
      }
      return { seed: options.seed, steps, violations, trace, digest: await this.digest(prefix, broker, shared.sockets), replay: replayCommand(options) };
    } finally {
      for (const instance of running.values()) await instance.app.close();
      clock.uninstall();
      ids.uninstall();
      // Rows left behind made every later seed's queries scan more: 415 ms per seed over 20 seeds, 756 over 60.
      for (const table of this.userTables) await this.database.query(`DELETE FROM ${table} WHERE user_id LIKE $1`, [`${prefix}-%`]);
    }
  }

  /** One scheduler step: the world acts, a chunk is delivered (maybe faulty), an instance crashes or returns, or a partition moves. */
  private async step(random: SimRandom, world: SimWorld, shared: SimShared, running: Map<string, SimInstance>, boot: (slot: string, service: SimService) => Promise<void>): Promise<string> {
    const roll = random.next();
    const ready = shared.bus.deliverable();
    if (roll < 0.35 || ready.length === 0) return world.act();
    if (roll < 0.85) {
      const { member, partition } = random.pick(ready);
      const faultRoll = random.next();
      const fault = faultRoll < 0.1 ? 'commit-lost' : faultRoll < 0.18 ? 'duplicate' : 'none';
      const count = await shared.bus.deliver(member, partition, random.int(1, 4), fault);
      return `deliver ${count} of ${member.options.topic}/${partition} to ${member.id}${fault === 'none' ? '' : ` (${fault})`}`;
    }
    if (roll < 0.93) {
      const down = SLOTS.filter((s) => !running.has(s.slot));
      const up = SLOTS.filter((s) => s.crashable && running.has(s.slot));
      if (down.length > 0 && (up.length === 0 || random.chance(0.6))) {
        const { slot, service } = random.pick(down);
        await boot(slot, service);
        return `restart ${slot}`;
      }
      const { slot } = random.pick(up);
      await crashInstance(shared, running.get(slot) as SimInstance);
      running.delete(slot);
      return `crash ${slot}`;
    }
    const groups = shared.bus.movableGroups();
    if (groups.length === 0) return world.act();
    const group = random.pick(groups);
    const from = random.pick(group.filter((m) => m.partitions.length > 0));
    const to = random.pick(group.filter((m) => m !== from));
    const partition = random.pick(from.partitions);
    shared.bus.movePartition(from, to, partition);
    return `move ${from.options.topic}/${partition} from ${from.id} to ${to.id}`;
  }

  private async digest(prefix: string, broker: InMemoryBroker, sockets: SimSocketServer): Promise<string> {
    const hash = createHash('sha256');
    const add = (text: string) => hash.update(text.split(prefix).join('$'));
    for (const topic of ALL_TOPICS) {
      for (const r of broker.records(topic)) add(`${topic}|${r.partition}|${r.offset}|${r.timestamp}|${String(r.value)}\n`);
    }
    const users = `${prefix}-%`;
    for (const sql of [
      `SELECT trade_id, user_id, retracted_at IS NOT NULL AS retracted FROM trades WHERE user_id LIKE $1 ORDER BY trade_id`,
      `SELECT user_id, state FROM user_risk_states WHERE user_id LIKE $1 ORDER BY user_id`,
      `SELECT user_id, rule_id, state FROM rule_states WHERE user_id LIKE $1 ORDER BY user_id, rule_id`,
    ]) {
      add(JSON.stringify(await this.database.query(sql, [users])));
    }
    for (const socket of sockets.sockets.sockets.values()) add(`${socket.userId}:${JSON.stringify(socket.received)}\n`);
    return hash.digest('hex');
  }
}

/** Lets work the services start off the consumer path (Monte Carlo runs) finish before the next step. */
async function settle(running: ReadonlyMap<string, SimInstance>): Promise<void> {
  for (const instance of running.values()) if (instance.service === 'risk') await instance.app.get(RiskEngineService).monteCarloIdle();
  await new Promise<void>((resolve) => setImmediate(resolve));
}
