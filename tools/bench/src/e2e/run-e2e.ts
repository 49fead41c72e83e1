import { monitorEventLoopDelay } from 'node:perf_hooks';
import { Topics } from '@hyperdex/contracts';
import { gitRevision, keepResults, machineInfo } from '../keep-results';
import { machineReferenceMicros } from '../machine-reference';
import { measureKafkaLimit } from './bare-kafka-limit';
import { AbortedError, nowMs } from './clock';
import { CpuMeter } from './cpu-usage';
import { readTcpCounters, tcpCountersSince } from './tcp-counters';
import type { E2eRecord } from './e2e-record';
import { checkExactness, databaseSettings } from './exactness';
import { HopMatcher, slowestHop } from './hop-timings';
import { JsonPoster } from './json-poster';
import { runLatencyPhase } from './latency-phase';
import { summarizeLatencies } from './latency-summary';
import type { E2eOptions } from './options';
import type { PhaseContext } from './phase-context';
import { PriceFeed } from './price-feed';
import { summarizeServiceProfiles } from './profile-files';
import { Random } from './random';
import { formatReport } from './report';
import { SocketFleet } from './socket-fleet';
import { PROFILE_DIR, ROOT, SERVICE_NAMES, runningStack, startStack, type StackHandle } from './stack-control';
import { probeStack, publishTokenMetadata } from './stack-readiness';
import { checkTargets } from './targets';
import { runThroughputPhase } from './throughput-phase';
import { TopicTap } from './topic-tap';
import { TradeTracker, type ExposureCoverage } from './trade-tracker';
import { TradeFactory, WETH, benchUsers, holdingsOf, newRunId, syntheticTokens } from './universe';
import { FreshnessCollector, TickLog } from './valuation-freshness';

const LOOP_DELAY_RESOLUTION_MS = 10;

/**
 * One run of the end-to-end benchmark: stack up, bare Kafka limit, load (latency, then throughput) with a live
 * price feed, per-hop timings, ledger exactness, stack down, report. Returns the process exit code: 0 whatever the
 * figures (targets are reported, not asserted), 1 when the run itself broke, 130 when interrupted.
 */
export async function runE2e(options: E2eOptions, signal: AbortSignal): Promise<number> {
  const started = nowMs();
  const log = (line: string) => console.log(`[${((nowMs() - started) / 1000).toFixed(1).padStart(6)} s] ${line}`);
  const runId = newRunId();
  // Timed before anything runs, on a quiet machine: the yardstick for comparing runs.
  const referenceMicros = machineReferenceMicros();
  const { running, ...flags } = options;
  const problems: string[] = [];
  const record: E2eRecord = {
    suite: 'e2e',
    at: new Date().toISOString(),
    revision: gitRevision(true),
    ...machineInfo(),
    machineReferenceMicros: referenceMicros,
    options: { ...flags, stack: options.useRunning ? 'running' : 'started', gatewayUrl: running.gatewayUrl, ingestionUrl: running.ingestionUrl, brokers: running.brokers },
    setupSeconds: {},
    totalSeconds: 0,
    problems,
  };
  let stack: StackHandle | undefined;
  let exitCode = 0;
  const cleanups: Array<() => Promise<void> | void> = [];
  try {
    stack = options.useRunning
      ? runningStack(running)
      : await startStack({ build: options.build, profile: options.profile, maxBatch: options.batch, log });
    const settings = stack.settings;
    Object.assign(record.options, { gatewayUrl: settings.gatewayUrl, ingestionUrl: settings.ingestionUrl, brokers: settings.brokers });
    Object.assign(record.setupSeconds, stack.setup);

    if (!options.skipLimit) {
      log(`limit: bare kafkajs produce+consume (${options.limitMessages} messages) and ${options.roundTrips} one-hop round trips`);
      record.limit = await measureKafkaLimit(settings.brokers, runId, { messages: options.limitMessages, roundTrips: options.roundTrips }, signal);
    }
    if (!options.skipLatency || !options.skipThroughput) {
      const meter = new CpuMeter({ ...stack.pids(), 'load generator': process.pid });
      await runLoad(options, settings, runId, record, problems, cleanups, signal, log, meter);
    }
  } catch (error) {
    if (error instanceof AbortedError || signal.aborted) {
      problems.push('interrupted (Ctrl-C): figures are partial');
      exitCode = 130;
    } else {
      problems.push(`the run broke: ${(error as Error).stack ?? String(error)}`);
      exitCode = 1;
    }
  } finally {
    for (const cleanup of cleanups.reverse()) await Promise.resolve(cleanup()).catch(() => undefined);
    if (stack) {
      await stack.stop().catch((error: Error) => problems.push(`stopping the stack: ${error.message}`));
      problems.push(...stack.unexpectedExits);
    }
  }
  if (options.profile && stack?.mode === 'started') {
    record.profiles = summarizeServiceProfiles(ROOT, PROFILE_DIR, SERVICE_NAMES);
    for (const p of record.profiles) if (p.error) problems.push(`${p.service} profile: ${p.error}`);
  }
  record.targets = checkTargets(record);
  record.totalSeconds = (nowMs() - started) / 1000;
  console.log(formatReport(record));
  if (exitCode === 0) console.log(`results kept in ${keepResults('e2e', record)}`);
  else console.log('results not kept: the run did not complete');
  return exitCode;
}

async function runLoad(
  options: E2eOptions,
  settings: StackHandle['settings'],
  runId: string,
  record: E2eRecord,
  problems: string[],
  cleanups: Array<() => Promise<void> | void>,
  signal: AbortSignal,
  log: (line: string) => void,
  meter: CpuMeter,
): Promise<void> {
  // Separate streams, so changing the price feed does not change the trades and vice versa.
  const tradeRandom = new Random(options.seed);
  const priceRandom = new Random(options.seed + 1);
  const tokens = syntheticTokens(options.priceTokens);
  const users = benchUsers(runId, options.users);
  const probeUser = `bench-${runId}-probe`;
  const poster = new JsonPoster(settings.ingestionUrl, { 'x-api-key': settings.apiKey });
  const feedPoster = new JsonPoster(settings.ingestionUrl, { 'x-api-key': settings.apiKey }, 8);
  cleanups.push(() => poster.close(), () => feedPoster.close());
  const ticks = new TickLog();
  const feed = new PriceFeed(feedPoster, [...tokens, WETH], priceRandom, options.priceIntervalMs, ticks);
  cleanups.push(() => feed.stop());
  const tracker = new TradeTracker();
  const factory = new TradeFactory(runId, tradeRandom, (token) => feed.priceOf(token));
  const matcher = new HopMatcher();
  const freshness = new FreshnessCollector(ticks);

  log(`load: ${tokens.length} synthetic tokens → ${Topics.tokens}; initial prices`);
  await publishTokenMetadata(settings.brokers, runId, tokens);
  await feed.publishInitial();

  const tap = new TopicTap(settings.brokers, runId, [
    matcher,
    { record: (topic, _timestamp, value) => topic === Topics.positions && tracker.exposureRecord(value as ExposureCoverage) },
  ]);
  cleanups.push(() => tap.stop());
  await tap.start();

  const fleet = new SocketFleet(settings.gatewayUrl, settings.jwtSecret);
  cleanups.push(() => fleet.close());
  fleet.listen(tracker);
  fleet.listen(matcher);
  fleet.listen(freshness);
  log(`load: connecting ${users.length + 1} dashboard sockets to ${settings.gatewayUrl}`);
  await fleet.connect([...users, probeUser]);

  const probe = await probeStack(poster, fleet, factory, probeUser, [...tokens, WETH], 30_000, signal);
  log(`load: probe ${probe.ok ? 'passed' : 'FAILED'} in ${probe.seconds.toFixed(1)} s (${probe.detail})`);
  if (!probe.ok) problems.push(`readiness probe: ${probe.detail}`);

  const ctx: PhaseContext = {
    tracker,
    poster,
    factory,
    users,
    holdings: users.map((_, i) => holdingsOf(i, tokens.length).map((k) => tokens[k] as (typeof tokens)[number])),
    random: tradeRandom,
    posted: [],
    signal,
    log,
  };
  const loopDelay = monitorEventLoopDelay({ resolution: LOOP_DELAY_RESOLUTION_MS });
  const cpuBefore = process.cpuUsage();
  const loadStart = nowMs();
  const tcpBefore = readTcpCounters();
  meter.start();
  feed.start();
  freshness.active = true;
  loopDelay.enable();
  try {
    if (!options.skipLatency) {
      record.latency = await runLatencyPhase(ctx, options);
    }
    if (!options.skipThroughput) {
      const backlog = options.skipLatency ? 0 : tracker.outstanding('latency').exposure + tracker.outstanding('warmup').exposure;
      record.throughput = await runThroughputPhase(
        ctx,
        { trades: options.throughputTrades, batch: options.batch, inFlight: options.inFlight, drainSeconds: options.drainSeconds, postDeadlineSeconds: 2 * options.drainSeconds },
        backlog,
      );
    }
  } finally {
    loopDelay.disable();
    freshness.active = false;
    await feed.stop();
  }
  record.cpuDuringLoad = meter.stop();
  record.tcpDuringLoad = tcpCountersSince(tcpBefore, readTcpCounters());
  const cpu = process.cpuUsage(cpuBefore);
  // The histogram holds whole timer intervals; the delay is what exceeds the interval asked for.
  const delay = (ns: number) => Math.max(0, ns / 1e6 - LOOP_DELAY_RESOLUTION_MS);
  record.loadGenerator = {
    eventLoopDelayP50Ms: delay(loopDelay.percentile(50)),
    eventLoopDelayP99Ms: delay(loopDelay.percentile(99)),
    eventLoopDelayMaxMs: delay(loopDelay.max),
    cpuPctOfOneCore: (100 * (cpu.user + cpu.system)) / 1000 / (nowMs() - loadStart),
    httpRetries: poster.retries + feedPoster.retries,
  };
  record.priceFeed = { tokens: tokens.length + 1, intervalMs: options.priceIntervalMs, rounds: feed.rounds, overlappingRounds: feed.overlappingRounds, statuses: feed.statuses.counts };
  record.freshness = { updates: freshness.ages.length, valuationAge: summarizeLatencies(freshness.ages), feedLag: summarizeLatencies(freshness.feedLags) };
  record.sockets = { connected: fleet.size, disconnects: fleet.disconnects, received: { ...fleet.received } };

  log('hops: letting the topic tap catch up');
  const tapCaughtUp = await tap.catchUp(15_000, signal);
  const latencyHops = record.latency ? matcher.hops(tracker.owed('latency'), record.latency.endedAt) : undefined;
  const throughputHops = record.throughput ? matcher.hops(tracker.owed('throughput'), record.throughput.endedAt) : undefined;
  const slowestLatency = latencyHops && slowestHop(latencyHops);
  const slowestThroughput = throughputHops && slowestHop(throughputHops);
  const slowest = slowestLatency ? { phase: 'latency', ...slowestLatency } : slowestThroughput ? { phase: 'throughput', ...slowestThroughput } : undefined;
  record.hops = { latency: latencyHops, throughput: throughputHops, slowest, tapCaughtUp, records: matcher.records };

  log(`exactness: comparing the ledger in ${settings.databaseName} with ${ctx.posted.length} posted trades (waiting up to ${options.settleSeconds} s)`);
  try {
    record.exactness = await checkExactness(databaseSettings(settings.databaseName), users, ctx.posted, options.settleSeconds, signal);
  } catch (error) {
    if (error instanceof AbortedError) throw error;
    problems.push(`exactness check could not read ${settings.databaseName}: ${(error as Error).message}`);
  }
}
