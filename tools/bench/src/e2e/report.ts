import type { E2eRecord } from './e2e-record';
import { HOPS, type HopTable } from './hop-timings';
import { formatMs, type LatencySummary } from './latency-summary';
import type { DeliveryRate } from './throughput-phase';

/** The printed report of a run: plain text tables, every figure with what it was measured over. */

const int = (n: number) => Math.round(n).toLocaleString('en-US');
const secs = (s: number) => `${s.toFixed(1)} s`;
const pct = (n: number) => `${n.toFixed(1)} %`;
const statuses = (counts: Record<string, number>) =>
  Object.entries(counts)
    .sort(([, a], [, b]) => b - a)
    .map(([status, n]) => `${status} × ${int(n)}`)
    .join(', ') || 'none';

function latencyRow(label: string, s: LatencySummary, beyond: string): string {
  const cells = [formatMs(s.p50Ms, beyond), formatMs(s.p99Ms, beyond), formatMs(s.maxMs)];
  return `  ${label.padEnd(30)} ${int(s.count).padStart(8)} ${int(s.missing).padStart(8)}   ${cells.map((c) => c.padStart(16)).join(' ')}`;
}

function latencyHeader(first: string): string {
  return `  ${first.padEnd(30)} ${'arrived'.padStart(8)} ${'missing'.padStart(8)}   ${['p50', 'p99', 'max'].map((c) => c.padStart(16)).join(' ')}`;
}

function hopTable(title: string, table: HopTable): string[] {
  const lines = [`  ${title}`, latencyHeader('hop')];
  for (const hop of HOPS) if (table[hop].count + table[hop].missing > 0) lines.push(latencyRow(hop, table[hop], 'beyond wait'));
  return lines;
}

function delivery(label: string, r: DeliveryRate, accepted: number): string {
  if (r.tradesPerSec === null || r.seconds === null) return `  ${label}: nothing arrived`;
  const extent = r.complete ? 'all' : `only ${int(r.delivered)} of ${int(accepted)} (the rest missing after the wait)`;
  return `  ${label}: ${extent} in ${secs(r.seconds)} = ${int(r.tradesPerSec)} trades/s`;
}

export function formatReport(r: E2eRecord): string {
  const out: string[] = [];
  const o = r.options;
  out.push('');
  out.push(`HyperDEX end-to-end benchmark — ${r.at}`);
  out.push(`  revision ${r.revision}, node ${r.node}, ${r.cpu} × ${r.cores}, machine reference ${int(r.machineReferenceMicros)} µs`);
  out.push(
    `  stack ${o.stack === 'started' ? 'started by the benchmark' : `already running (${o.gatewayUrl}, ${o.ingestionUrl}, ${o.brokers.join(',')})`}` +
      (Object.keys(r.setupSeconds).length ? `; set-up ${Object.entries(r.setupSeconds).map(([k, v]) => `${k} ${secs(v)}`).join(', ')}` : '') +
      `; whole run ${secs(r.totalSeconds)}`,
  );

  if (r.limit) {
    const pc = r.limit.produceConsume;
    const hop = r.limit.oneHop;
    const busy = r.limit.machineBusyPct === null ? '' : `; CPUs ${r.limit.machineBusyPct.toFixed(0)} % busy when it began`;
    out.push('', `Bare Kafka limit (kafkajs on the same broker, just before the load, no offset commits${busy})`);
    out.push(
      `  produce+consume: ${int(pc.messages)} × ${pc.messageBytes} B over ${pc.keys} keys, ${pc.partitions} partitions, sends of ${pc.sendSize} ` +
        `(≤ ${pc.sendsInFlight} in flight, idempotent, acks=-1), one eachBatch consumer: ${int(pc.msgsPerSec)} msg/s ` +
        `(produced in ${secs(pc.produceSeconds)}, consumed by ${secs(pc.endToEndSeconds)})`,
    );
    out.push(
      `  one hop (produce acks=-1 → consumer, maxWait ${hop.consumerMaxWaitMs} ms), ${int(hop.messages)} sequential: ` +
        `p50 ${formatMs(hop.p50Ms)}, p99 ${formatMs(hop.p99Ms)}, max ${formatMs(hop.maxMs)}${hop.missing ? `, ${hop.missing} lost` : ''}`,
    );
  }

  if (r.latency) {
    const l = r.latency;
    const beyond = `>${l.drainSeconds.toFixed(0)} s`;
    out.push('', `Latency phase: ${int(l.rate)} trades/s for ${l.seconds} s over ${int(l.users)} users (${l.breachUsers} limit-breaking trades), open loop, one trade per POST`);
    out.push(
      `  sent ${int(l.sent)} of ${int(l.planned)} at ${l.achievedRate === null ? '–' : int(l.achievedRate)}/s (send lag p99 ${formatMs(l.sendLag.p99Ms)}); ` +
        `HTTP ${statuses(l.statuses)}; warm-up of ${int(l.warmupTrades)} trades not counted`,
    );
    out.push(latencyHeader(`per trade owed (${int(l.owed)})`));
    out.push(latencyRow('POST → HTTP answer', l.answer, 'unanswered'));
    out.push(latencyRow('POST → exposure', l.exposure, beyond));
    out.push(latencyRow('POST → risk-metrics', l.metrics, beyond));
    if (l.breachUsers > 0) out.push(latencyRow('POST → MaxExposure alert', l.alert, beyond));
    if (l.exposureTimeline.length > 0) {
      const windows = l.exposureTimeline;
      const cells = (pick: (w: (typeof windows)[number]) => number | null) => windows.map((w) => formatMs(pick(w), beyond)).join(' · ');
      out.push(`  POST → exposure by when the trade was sent (${windows.length} slices of ${secs((windows[0]?.toSecond ?? 0) - (windows[0]?.fromSecond ?? 0))}):`);
      out.push(`    p50 ${cells((w) => w.latency.p50Ms)}`);
      out.push(`    p99 ${cells((w) => w.latency.p99Ms)}`);
    }
    out.push(`  ${l.drained ? 'everything arrived' : 'not everything arrived'} (waited ${secs(l.drainSeconds)} after the last send)${l.unanswered ? `; ${int(l.unanswered)} POSTs unanswered` : ''}`);
  }

  if (r.priceFeed) {
    const f = r.priceFeed;
    out.push('', `Price feed: ${f.tokens} tokens every ${f.intervalMs} ms in one batched POST per round, throughout the load`);
    out.push(`  ${int(f.rounds)} rounds (${f.overlappingRounds} sent while the previous was unanswered); HTTP ${statuses(f.statuses)}`);
    if (r.freshness) {
      out.push(latencyHeader(`over ${int(r.freshness.updates)} exposure updates`));
      out.push(latencyRow('valuation age (oldest price)', r.freshness.valuationAge, '–'));
      out.push(latencyRow('behind the feed (tick sent)', r.freshness.feedLag, '–'));
    }
  }

  if (r.throughput) {
    const t = r.throughput;
    out.push('', `Throughput phase: ${int(t.trades)} trades in ${int(t.posts)} POSTs of ${t.batch}, ${t.inFlight} in flight`);
    if (t.posted < t.trades) out.push(`  only ${int(t.posted)} trades posted: ingestion was too slow to take the rest before the posting deadline`);
    out.push(`  accepted ${int(t.accepted)} in ${secs(t.postSeconds)} (${int(t.acceptedPerSec)} trades/s at the door); HTTP ${statuses(t.statuses)}`);
    if (t.backlogAtStart > 0) out.push(`  started behind a backlog of ${int(t.backlogAtStart)} latency-phase trades not yet delivered`);
    out.push(delivery('through positions to the dashboards', t.exposure, t.accepted));
    out.push(delivery('through risk to the dashboards', t.metrics, t.accepted));
    if (r.limit && t.exposure.tradesPerSec !== null) {
      out.push(`  = ${pct((100 * t.exposure.tradesPerSec) / r.limit.produceConsume.msgsPerSec)} of the bare produce+consume rate (${int(r.limit.produceConsume.msgsPerSec)} msg/s)`);
    }
  }

  if (r.hops) {
    out.push('', 'Per hop, from Kafka record timestamps (CreateTime) and socket arrivals; one sample per trade');
    if (r.hops.latency) out.push(...hopTable('latency phase', r.hops.latency));
    if (r.hops.throughput) out.push(...hopTable('throughput phase', r.hops.throughput));
    if (r.hops.slowest) {
      const s = r.hops.slowest;
      out.push(`  slowest hop (${s.phase} phase): ${s.hop}, p99 ${formatMs(s.p99Ms, `beyond the wait (${int(s.missing)} never arrived)`)}`);
    }
    if (!r.hops.tapCaughtUp) out.push('  (the topic tap had not read every record when the run ended: late hops may be under-counted)');
  }

  if (r.exactness) {
    const e = r.exactness;
    out.push('', `Ledger exactness (PostgreSQL, ${int(e.users)} users, after waiting ${secs(e.waitedSeconds)}${e.settled ? '' : ' — gave up'})`);
    out.push(
      `  accepted (202) ${int(e.accepted)}, booked ${int(e.booked)}: missing ${int(e.missing)}, wrong balances ${int(e.balanceMismatches)}, ` +
        `unknown rows ${int(e.unknown)}; booked though the POST got no 202 (e.g. client timeout) ${int(e.bookedUnacknowledged)}`,
    );
    out.push(
      `  users whose count differs from their 202s: ${int(e.usersWithCountMismatch)}, ` +
        `of which not explained by those unacknowledged bookings: ${int(e.usersWithUnexplainedCountMismatch)}`,
    );
    for (const m of e.balanceMismatchSample) out.push(`    ${m}`);
  }

  if (r.cpuDuringLoad && r.cpuDuringLoad.machineBusyPct !== null) {
    const c = r.cpuDuringLoad;
    const shares = Object.entries(c.processPctOfOneCore)
      .sort(([, a], [, b]) => b - a)
      .map(([name, p]) => `${name} ${p.toFixed(0)} %`)
      .join(', ');
    out.push('', `CPU during the load: the machine's ${c.cores} cores ${pct(c.machineBusyPct ?? 0)} busy; per process, share of one core: ${shares || 'not known'}`);
    const ours = Object.values(c.processPctOfOneCore).reduce((a, b) => a + b, 0);
    const others = (c.machineBusyPct ?? 0) * c.cores - ours;
    if (others > 25) out.push(`  everything else (PostgreSQL, Redis, other work on the machine) took about ${others.toFixed(0)} % of one core`);
  }

  if (r.tcpDuringLoad) {
    const t = r.tcpDuringLoad;
    out.push(
      `TCP during the load (whole machine): ${int(t.listenOverflows)} connections dropped by a full accept queue, ${int(t.synRetransmits)} SYNs retried` +
        (t.listenOverflows > 0 ? ' (a dropped client waits 1, 3, 7 s before retrying: seconds-long tails)' : ''),
    );
  }

  if (r.sockets || r.loadGenerator) {
    out.push('', 'Load generator (this process)');
    if (r.sockets) {
      const s = r.sockets;
      out.push(`  ${int(s.connected)} sockets, ${s.disconnects} dropped; received ${int(s.received.exposure)} exposure, ${int(s.received.riskMetrics)} risk-metrics, ${int(s.received.alert)} alert events`);
    }
    if (r.loadGenerator) {
      const g = r.loadGenerator;
      out.push(
        `  ${g.cpuPctOfOneCore.toFixed(0)} % of one core during the load; event-loop delay p50 ${formatMs(g.eventLoopDelayP50Ms)}, ` +
          `p99 ${formatMs(g.eventLoopDelayP99Ms)}, max ${formatMs(g.eventLoopDelayMaxMs)} (arrivals can be stamped late by this much)`,
      );
      if (g.httpRetries) out.push(`  ${int(g.httpRetries)} POSTs resent after ingestion closed a kept-alive connection as they went out`);
    }
  }

  if (r.profiles?.length) {
    out.push('', 'CPU profiles over each process’s whole life, start-up included (self time; (idle), (program) and GC kept apart)');
    for (const p of r.profiles) {
      if (p.error || !p.top) {
        out.push(`  ${p.service}: ${p.error ?? 'no data'}`);
        continue;
      }
      out.push(
        `  ${p.service} — ${secs((p.durationMs ?? 0) / 1000)}, busy ${pct(100 - (p.idlePct ?? 0))}, GC ${pct(p.gcPct ?? 0)}, (program) ${pct(p.programPct ?? 0)} (${p.file})`,
      );
      for (const f of p.top) out.push(`    ${pct(f.selfPct).padStart(7)} ${`${int(f.selfMs)} ms`.padStart(10)}  ${f.functionName.slice(0, 48).padEnd(48)} ${f.location}`);
    }
  }

  if (r.targets?.length) {
    out.push('', 'Targets of issue 21 (reported, never asserted)');
    for (const t of r.targets) {
      const verdict = t.met === null ? 'n/a   ' : t.met ? 'met   ' : 'MISSED';
      out.push(`  ${verdict} ${t.name.padEnd(44)} target ${t.target.padEnd(36)} measured ${t.measured}`);
      if (t.note) out.push(`         (${t.note})`);
    }
  }

  if (r.problems.length) {
    out.push('', 'Problems during the run');
    for (const p of r.problems) out.push(`  ${p}`);
  }
  out.push('');
  return out.join('\n');
}
