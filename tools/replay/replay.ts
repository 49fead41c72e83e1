/**
 * `npm run replay -- --from <ISO|ms> --to <ISO|ms> --rules <file> [--scenarios <file>] [--users a,b] [--json <file>]`
 *
 * Re-runs the recorded ledger (positions' `trades` table) and the recorded prices (`price_ticks`, every tick the risk
 * service received) through a rule set, and prints per user and rule the alerts that would have fired and when, the
 * trading states over time, and the difference against the alerts that did fire (alerting's `alerts` table). Reads
 * PostgreSQL only (DATABASE_* as the services); never writes, never touches a topic. Deterministic: the same
 * database, rules and arguments give the same report byte for byte. `--format json` prints the JSON instead of the table.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { Client } from 'pg';
import { TokenRegistryFileSchema } from '@hyperdex/contracts';
import {
  PostgresPriceHistoryRepository,
  PostgresTradeLedgerRepository,
  type SqlDatabase,
  type SqlQuerier,
} from '@hyperdex/persistence';
import {
  TokenRegistry,
  compareAlerts,
  parseRules,
  parseStressScenario,
  replayHistory,
  type LiveAlert,
  type ReplayEvent,
  type StressScenario,
} from '@hyperdex/risk-core';

interface Arguments {
  from: number;
  to: number;
  rulesFile: string;
  scenariosFile: string | null;
  users: string[] | null;
  json: string | null;
  format: 'table' | 'json';
}

const USAGE = 'npm run replay -- --from <ISO|ms> --to <ISO|ms> --rules <file> [--scenarios <file>] [--users a,b] [--json <file>] [--format table|json]';
// The risk service's defaults (see libs/risk-feature/src/risk-policy.ts): what a run without --scenarios stresses.
const DEFAULT_SCENARIOS: StressScenario[] = [
  { id: 'volatile-30', kind: 'volatile-shock', shockPct: -30 },
  { id: 'stablecoin-depeg-10', kind: 'stablecoin-depeg', depegPct: 10 },
  { id: 'correlation-one-99', kind: 'correlation-one', confidence: 0.99 },
];

function fail(message: string): never {
  process.stderr.write(`replay: ${message}\n${USAGE}\n`);
  process.exit(2);
}

function time(name: string, value: string | undefined): number {
  if (value === undefined) fail(`${name} is required`);
  const ms = /^\d+$/.test(value) ? Number(value) : Date.parse(value);
  if (!Number.isFinite(ms)) fail(`${name}: "${value}" is neither an ISO date nor epoch milliseconds`);
  return ms;
}

function parseArguments(argv: readonly string[]): Arguments {
  const named = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string;
    if (a === '--help') {
      process.stdout.write(`${USAGE}\n`);
      process.exit(0);
    }
    if (!['--from', '--to', '--rules', '--scenarios', '--users', '--json', '--format'].includes(a)) fail(`${a} is not an option`);
    const v = argv[++i];
    if (v === undefined) fail(`${a} needs a value`);
    named.set(a, v);
  }
  const from = time('--from', named.get('--from'));
  const to = time('--to', named.get('--to'));
  if (to < from) fail('--to must not be before --from');
  const rulesFile = named.get('--rules') ?? fail('--rules is required');
  const format = named.get('--format') ?? 'table';
  if (format !== 'table' && format !== 'json') fail('--format must be table or json');
  return {
    from,
    to,
    rulesFile,
    scenariosFile: named.get('--scenarios') ?? null,
    users: named.get('--users')?.split(',').map((u) => u.trim()).filter(Boolean) ?? null,
    json: named.get('--json') ?? null,
    format,
  };
}

function readJson(what: string, file: string): unknown {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    fail(`${what} ${file}: ${(error as Error).message}`);
  }
}

/** node-postgres behind the repositories' SQL port: this tool only reads. */
class PgDatabase implements SqlDatabase {
  constructor(private readonly client: Client) {}
  async query<R>(sql: string, params?: readonly unknown[]): Promise<R[]> {
    return (await this.client.query(sql, params as unknown[])).rows as R[];
  }
  transaction<T>(work: (tx: SqlQuerier) => Promise<T>): Promise<T> {
    return work(this);
  }
}

const envInt = (name: string, fallback: number): number => (process.env[name] ? Number(process.env[name]) : fallback);
const iso = (ms: number): string => new Date(ms).toISOString();

async function main(): Promise<void> {
  const args = parseArguments(process.argv.slice(2));
  let rules;
  try {
    rules = parseRules(readJson('--rules', args.rulesFile));
  } catch (error) {
    fail(`--rules ${args.rulesFile}: ${(error as Error).message}`);
  }
  const scenariosJson = args.scenariosFile ? readJson('--scenarios', args.scenariosFile) : DEFAULT_SCENARIOS;
  if (!Array.isArray(scenariosJson)) fail('--scenarios must hold a JSON array');
  const scenarios = scenariosJson.map((s, i) => parseStressScenario(s, `scenarios[${i}]`));
  const tokenFile = process.env['TOKEN_REGISTRY_FILE'];
  const registry = TokenRegistry.withExtras(tokenFile ? TokenRegistryFileSchema.parse(readJson('TOKEN_REGISTRY_FILE', tokenFile)) : []);

  const client = new Client({
    host: process.env['DATABASE_HOST'] ?? '127.0.0.1',
    port: envInt('DATABASE_PORT', 5432),
    user: process.env['DATABASE_USER'] ?? 'postgres',
    password: process.env['DATABASE_PASSWORD'],
    database: process.env['DATABASE_NAME'] ?? 'hyperdex',
  });
  await client.connect();
  try {
    const db = new PgDatabase(client);
    // A user's rule states depend on everything before `from`: replay each user from their first event.
    const ledger = await new PostgresTradeLedgerRepository(db).loadHistory(args.to, args.users ?? undefined);
    const ticks = await new PostgresPriceHistoryRepository(db).loadUntil(args.to);
    const events: ReplayEvent[] = [
      ...ticks.map((t) => ({ kind: 'price' as const, at: t.receivedAt, tick: t.tick })),
      ...ledger.map((e) => ({ kind: 'ledger' as const, at: e.recordedAt, userId: e.userId, entry: e.entry, valuation: e.valuation })),
    ].sort((a, b) => a.at - b.at || (a.kind === b.kind ? 0 : a.kind === 'price' ? -1 : 1));
    const replayed = replayHistory({
      events,
      from: args.from,
      to: args.to,
      ...(args.users ? { users: new Set(args.users) } : {}),
      rules,
      scenarios,
      registry,
      settings: {
        barMs: envInt('RISK_BAR_MS', 60_000),
        historyPoints: envInt('RISK_HISTORY_POINTS', 500),
        lambda: process.env['RISK_EWMA_LAMBDA'] ? Number(process.env['RISK_EWMA_LAMBDA']) : 0.94,
        tradeWindow: envInt('RISK_TRADE_WINDOW', 500),
        riskFreeRate: process.env['RISK_RISK_FREE_RATE'] ? Number(process.env['RISK_RISK_FREE_RATE']) : 0,
      },
    });
    const liveRows = await db.query<{ alert_id: string; user_id: string; rule_id: string; severity: string; observed_value: string; triggered_at: Date; message: string }>(
      `SELECT alert_id, user_id, rule_id, severity, observed_value::text AS observed_value, triggered_at, message FROM alerts
        WHERE triggered_at >= $1 AND triggered_at <= $2 AND ($3::text[] IS NULL OR user_id = ANY($3::text[]))
        ORDER BY user_id, triggered_at, alert_id`,
      [iso(args.from), iso(args.to), args.users],
    );
    const live: LiveAlert[] = liveRows.map((r) => ({
      alertId: r.alert_id,
      userId: r.user_id,
      ruleId: r.rule_id,
      severity: r.severity,
      observedValue: r.observed_value,
      triggeredAt: new Date(r.triggered_at).getTime(),
      message: r.message,
    }));
    const users = [...new Set([...replayed.map((u) => u.userId), ...live.map((a) => a.userId)])].sort();
    const report = {
      from: iso(args.from),
      to: iso(args.to),
      rules: rules.map((r) => r.id),
      scenarios: scenarios.map((s) => s.id ?? s.kind),
      events: { ledger: ledger.length, prices: ticks.length },
      users: users.map((userId) => {
        const r = replayed.find((u) => u.userId === userId);
        const alerts = r?.alerts ?? [];
        const diff = compareAlerts(alerts, live.filter((a) => a.userId === userId));
        return {
          userId,
          alerts: alerts.map((a) => ({ alertId: a.alertId, ruleId: a.ruleId, change: a.change, level: a.level, observedValue: a.observedValue, threshold: a.threshold, tradingState: a.tradingState, at: iso(a.triggeredAt) })),
          tradingStates: (r?.tradingStates ?? []).map((s) => ({ at: iso(s.at), tradingState: s.tradingState })),
          difference: {
            matched: diff.matched,
            differing: diff.differing.map((d) => ({ alertId: d.replayed.alertId, replayedObserved: d.replayed.observedValue, liveObserved: d.live.observedValue })),
            onlyReplayed: diff.onlyReplayed.map((a) => a.alertId),
            onlyLive: diff.onlyLive.map((a) => ({ alertId: a.alertId, observedValue: a.observedValue, at: iso(a.triggeredAt) })),
          },
        };
      }),
    };
    const json = `${JSON.stringify(report, null, 2)}\n`;
    if (args.json) writeFileSync(args.json, json);
    process.stdout.write(args.format === 'json' ? json : table(report));
  } finally {
    await client.end();
  }
}

type Report = {
  from: string;
  to: string;
  rules: string[];
  events: { ledger: number; prices: number };
  users: Array<{
    userId: string;
    alerts: Array<{ alertId: string; ruleId: string; change?: string | undefined; level?: string | undefined; observedValue: string; threshold: string; at: string }>;
    tradingStates: Array<{ at: string; tradingState: string }>;
    difference: { matched: string[]; differing: Array<{ alertId: string }>; onlyReplayed: string[]; onlyLive: Array<{ alertId: string }> };
  }>;
};

function table(report: Report): string {
  const lines = [`replay ${report.from} → ${report.to}: rules ${report.rules.join(', ')}; ${report.events.ledger} ledger events, ${report.events.prices} price ticks`];
  for (const u of report.users) {
    const d = u.difference;
    lines.push('', `${u.userId}: ${u.alerts.length} alerts replayed; vs live: ${d.matched.length} same, ${d.differing.length} at other values, ${d.onlyReplayed.length} only replayed, ${d.onlyLive.length} only live`);
    for (const a of u.alerts) {
      const mark = d.matched.includes(a.alertId) ? '=' : d.onlyReplayed.includes(a.alertId) ? '+' : '~';
      lines.push(`  ${mark} ${a.at}  ${a.ruleId.padEnd(20)} ${(a.change ?? '').padEnd(9)} ${(a.level ?? '').padEnd(7)} observed ${a.observedValue} (limit ${a.threshold})`);
    }
    for (const a of d.onlyLive) lines.push(`  - ${a.alertId} fired live only`);
    for (const s of u.tradingStates) lines.push(`    ${s.at}  trading state → ${s.tradingState}`);
  }
  lines.push('', '= fired live too   + would fire, did not   ~ fired live at another value   - fired live, would not fire');
  return `${lines.join('\n')}\n`;
}

main().catch((error: unknown) => {
  process.stderr.write(`replay: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
