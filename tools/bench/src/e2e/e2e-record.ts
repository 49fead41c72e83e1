import type { KafkaLimit } from './bare-kafka-limit';
import type { CpuShares } from './cpu-usage';
import type { ExactnessResult } from './exactness';
import type { HopName, HopTable } from './hop-timings';
import type { TcpCounters } from './tcp-counters';
import type { LatencyPhaseResult } from './latency-phase';
import type { LatencySummary } from './latency-summary';
import type { E2eOptions } from './options';
import type { ServiceProfile } from './profile-files';
import type { TargetCheck } from './targets';
import type { ThroughputPhaseResult } from './throughput-phase';

/** One run of `npm run bench:e2e`, as printed and as kept in tools/bench/results/e2e.json. */
export interface E2eRecord {
  readonly suite: 'e2e';
  readonly at: string;
  readonly revision: string;
  readonly node: string;
  readonly cpu: string;
  readonly cores: number;
  readonly machineReferenceMicros: number;
  /** The flags of the run; connection secrets left out. */
  readonly options: Omit<E2eOptions, 'running'> & { readonly stack: 'started' | 'running'; readonly gatewayUrl: string; readonly ingestionUrl: string; readonly brokers: readonly string[] };
  readonly setupSeconds: Record<string, number>;
  totalSeconds: number;
  limit?: KafkaLimit;
  latency?: LatencyPhaseResult;
  throughput?: ThroughputPhaseResult;
  priceFeed?: {
    readonly tokens: number;
    readonly intervalMs: number;
    readonly rounds: number;
    readonly overlappingRounds: number;
    readonly statuses: Record<string, number>;
  };
  freshness?: {
    readonly updates: number;
    readonly valuationAge: LatencySummary;
    readonly feedLag: LatencySummary;
  };
  hops?: {
    readonly latency?: HopTable;
    readonly throughput?: HopTable;
    readonly slowest?: { readonly phase: string; readonly hop: HopName; readonly p99Ms: number | null; readonly missing: number };
    readonly tapCaughtUp: boolean;
    readonly records: number;
  };
  exactness?: ExactnessResult;
  sockets?: { readonly connected: number; readonly disconnects: number; readonly received: { exposure: number; riskMetrics: number; alert: number } };
  /** This process's event-loop delay during the load phases: it inflates every arrival time by up to this much. */
  loadGenerator?: {
    readonly eventLoopDelayP50Ms: number;
    readonly eventLoopDelayP99Ms: number;
    readonly eventLoopDelayMaxMs: number;
    /** CPU this process used during the load (it shares the machine's cores with the stack). */
    readonly cpuPctOfOneCore: number;
    /** POSTs resent because ingestion closed a kept-alive connection as the request went out. */
    readonly httpRetries: number;
  };
  /** CPU during the load phases: the whole machine, and each of the stack's processes. */
  cpuDuringLoad?: CpuShares;
  /** The whole machine's dropped and retried connection attempts during the load phases. */
  tcpDuringLoad?: TcpCounters;
  profiles?: ServiceProfile[];
  targets?: TargetCheck[];
  /** What went wrong in the run itself (a crashed service, a phase that could not run). */
  readonly problems: string[];
}
