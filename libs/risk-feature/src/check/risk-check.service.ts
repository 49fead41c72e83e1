import { Inject, Injectable } from '@nestjs/common';
import type { Histogram } from 'prom-client';
import type { CheckTrade, RiskCheckResponse } from '@hyperdex/contracts';
import { ServiceMetrics } from '@hyperdex/observability';
import { RiskWorkspace, checkTrades, formatDecimal, formatUsd, type SwapEntry, type TradeCheck } from '@hyperdex/risk-core';
import { RiskEngineService } from '../risk-engine.service';
import { LedgerBookCache } from './ledger-book-cache';

/** A checked trade's book entry: ids and times a check may leave out are filled in (nothing is booked under them). */
export function toCheckEntry(trade: CheckTrade, index: number, asOf: number): SwapEntry {
  return {
    kind: 'swap',
    id: trade.tradeId ?? `check-${index}`,
    chainId: trade.chainId,
    tokenIn: trade.tokenIn,
    amountIn: BigInt(trade.amountIn),
    tokenOut: trade.tokenOut,
    amountOut: BigInt(trade.amountOut),
    fees: (trade.fees ?? []).map((f) => ({ token: f.token, amount: BigInt(f.amount) })),
    timestamp: trade.timestamp ?? asOf,
  };
}

/**
 * `POST /v1/risk/check`: what trades would do to a user, on the user's current state (this instance's memory, or
 * PostgreSQL when another instance holds the user), at the latest prices. Reads only: the book, risk state and rule
 * states are copies, nothing is saved and nothing is published.
 */
@Injectable()
export class RiskCheckService {
  private readonly workspace = new RiskWorkspace();
  private readonly seconds: Histogram<'verdict'>;

  constructor(
    @Inject(RiskEngineService) private readonly engine: RiskEngineService,
    @Inject(LedgerBookCache) private readonly books: LedgerBookCache,
    metrics: ServiceMetrics,
  ) {
    this.seconds = metrics.histogram('hyperdex_risk_check_seconds', 'Pre-trade checks, from request to answer, by verdict', [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.1], ['verdict']);
  }

  async check(trades: readonly CheckTrade[]): Promise<RiskCheckResponse> {
    const started = process.hrtime.bigint();
    const asOf = Date.now();
    const userId = (trades[0] as CheckTrade).userId;
    const context = await this.engine.checkContextOf(userId);
    const book = await this.books.bookOf(userId, context.holder, context.bookVersion, this.engine.tokens);
    const settings = this.engine.checkSettings;
    const result = checkTrades({
      userId,
      asOf,
      book,
      registry: this.engine.tokens,
      prices: this.engine.prices,
      trades: trades.map((t, i) => toCheckEntry(t, i, asOf)),
      state: context.state,
      ruleStates: context.rules,
      rules: settings.rules,
      market: settings.market,
      scenarios: settings.scenarios,
      lookbacks: settings.lookbacks,
      barMs: settings.barMs,
      monteCarlo: context.monteCarlo,
      workspace: this.workspace,
    });
    const response = toCheckResponse(userId, asOf, result, context.inMemory, context.lastUpdate?.asOf ?? null);
    this.seconds.observe({ verdict: response.verdict }, Number(process.hrtime.bigint() - started) / 1e9);
    return response;
  }
}

/** The check on the wire: the same figures the pipeline would publish, with the verdict and what decided it. */
export function toCheckResponse(userId: string, asOf: number, r: TradeCheck, inMemory: boolean, stateAsOf: number | null): RiskCheckResponse {
  const { eventId: _e, cause: _c, causes: _cs, ...exposure } = r.update;
  const { eventId: _m, sourceEventId: _s, sourceEventIds: _ss, tradeIds: _t, ...metrics } = r.metrics;
  const rules = r.rules.map(({ rule, levelBefore, status }) => ({
    ruleId: rule.id,
    kind: rule.kind,
    levelBefore,
    level: status.level,
    observed: status.observed === null ? null : formatDecimal(status.observed, 10),
    threshold: formatDecimal(status.threshold, 10),
    action: status.level === 'breach' ? rule.action : ('ACTIVE' as const),
  }));
  return {
    userId,
    verdict: r.verdict,
    decidedBy: r.decidedBy.map((d) =>
      d.kind === 'unknown'
        ? { kind: 'unknown' as const, chainId: d.unknown.chainId, token: d.unknown.token, reason: d.unknown.reason, trades: [...d.unknown.trades] }
        : {
            kind: 'rule' as const,
            ruleId: d.rule.id,
            ruleKind: d.rule.kind,
            level: d.status.level === 'not-evaluable' ? ('not-evaluable' as const) : ('breach' as const),
            action: d.rule.action,
            observed: d.status.observed === null ? null : formatDecimal(d.status.observed, 10),
            threshold: formatDecimal(d.status.threshold, 10),
          },
    ),
    reducesPositions: r.reduces,
    tradingState: { current: r.currentState, recommended: r.recommendedState },
    trades: r.outcomes.map((o, index) => ({
      index,
      tradeId: o.id,
      valueUsd: o.notionalUsd === null ? null : formatUsd(o.notionalUsd),
      realizedPnlUsd: o.realizedPnlUsd === null ? null : formatUsd(o.realizedPnlUsd),
      feesUsd: o.feesUsd === null ? null : formatUsd(o.feesUsd),
      closesPosition: o.closesPosition,
    })),
    exposure,
    metrics,
    rules,
    unknown: r.unknown.map((u) => ({ chainId: u.chainId, token: u.token, reason: u.reason })),
    freshness: {
      asOf,
      oldestPriceAt: r.update.oldestPriceAt,
      oldestPriceAgeMs: r.update.oldestPriceAt === null ? null : asOf - r.update.oldestPriceAt,
      stateAsOf,
      stateSource: inMemory ? 'memory' : 'storage',
      monteCarlo: r.metrics.valueAtRisk.monteCarlo === null ? 'none' : 'last-scheduled-run',
      monteCarloAsOf: r.metrics.valueAtRisk.monteCarloAsOf ?? null,
    },
    booked: false,
    published: false,
  };
}
