import type { ExposureCause, PriceTick, RiskAlert, TradingState } from '@hyperdex/contracts';
import { valueExposure } from '../exposure/value-exposure';
import { parsePrice } from '../money/usd-amount';
import type { LedgerEntry } from '../positions/ledger-entry';
import type { LedgerValuation } from '../positions/ledger-valuation';
import { PositionBook } from '../positions/position-book';
import { PriceBook } from '../prices/price-book';
import { MarketModel } from '../risk-model/market-model';
import type { RuleDefinition } from '../rules/rule-definition';
import { RuleEngine } from '../rules/rule-engine';
import type { StressScenario } from '../stress/stress-scenario';
import type { TokenRegistry } from '../tokens/token-registry';
import { UserRiskState } from '../user-risk/user-risk-state';
import { alertForFinding } from '../wire/alert-for-finding';
import { evaluateExposure } from '../wire/evaluate-exposure';
import { observationOf } from '../wire/exposure-observation';
import { toExposureUpdate } from '../wire/exposure-update.wire';
import { toWireOutcome } from '../wire/trade-outcome.wire';
import { drawdownLookbacksOf } from '../wire/risk-view-of';

/** One recorded fact, at the time the live services applied it: a price tick, or a booked ledger event. */
export type ReplayEvent =
  | { readonly kind: 'price'; readonly at: number; readonly tick: PriceTick }
  | { readonly kind: 'ledger'; readonly at: number; readonly userId: string; readonly entry: LedgerEntry; readonly valuation: LedgerValuation };

/** The risk service's settings that shape the figures (RISK_BAR_MS, RISK_HISTORY_POINTS, …). */
export interface ReplaySettings {
  readonly barMs: number;
  readonly historyPoints: number;
  readonly lambda: number;
  readonly tradeWindow: number;
  readonly riskFreeRate: number;
}

export interface ReplayInput {
  /** In the order the live services applied them (ties keep their given order). */
  readonly events: readonly ReplayEvent[];
  /** Alerts and trading states are reported from `from` to `to` (epoch ms); earlier events only build the state. */
  readonly from: number;
  readonly to: number;
  readonly users?: ReadonlySet<string>;
  readonly rules: readonly RuleDefinition[];
  readonly scenarios: readonly StressScenario[];
  readonly registry: TokenRegistry;
  readonly settings: ReplaySettings;
}

export interface UserReplay {
  readonly userId: string;
  /** Every level change the rules would have reported, in order, stamped with the time of the event that caused it. */
  readonly alerts: RiskAlert[];
  /** The recommended trading state after each change of it. */
  readonly tradingStates: Array<{ readonly at: number; readonly tradingState: TradingState }>;
}

interface UserTrack {
  readonly book: PositionBook;
  readonly state: UserRiskState;
  readonly replay: UserReplay;
  lastState: TradingState;
}

/**
 * Re-runs recorded history through a rule set: prices into the market model and price book in the order received,
 * each ledger event applied to its user's book at the valuation it was booked at, the book valued at the prices of
 * that moment, observed and judged exactly as the live risk service judges an exposure update (evaluateExposure).
 * Deterministic: no clock, no randomness — the same events and rules give the same report. Monte Carlo figures are
 * not recomputed (VarLimit rules on monteCarlo are not-evaluable here), and each ledger event is judged on its own,
 * where the live pipeline may fold a burst of one user's events into one update.
 */
export function replayHistory(input: ReplayInput): UserReplay[] {
  const { settings, registry } = input;
  const market = new MarketModel({ barMs: settings.barMs, historyPoints: settings.historyPoints + 1, lambda: settings.lambda });
  const prices = new PriceBook();
  const engine = new RuleEngine(input.rules);
  const lookbacks = drawdownLookbacksOf(input.rules);
  const isCash = (chainId: number, token: string): boolean => registry.get(chainId, token)?.stablecoin ?? false;
  const users = new Map<string, UserTrack>();

  for (const event of input.events) {
    if (event.at > input.to) break;
    if (event.kind === 'price') {
      const { tick } = event;
      market.observePrice(tick.chainId, tick.token, tick.timestamp, parsePrice(tick.priceUsd));
      prices.apply(tick.chainId, tick.token, tick.priceUsd, tick.timestamp, tick.source);
      continue;
    }
    if (input.users && !input.users.has(event.userId)) continue;
    let track = users.get(event.userId);
    if (!track) {
      track = {
        book: new PositionBook({ isCash }),
        state: UserRiskState.create({ tradeWindow: settings.tradeWindow, barMs: settings.barMs, window: settings.historyPoints, riskFreeRate: settings.riskFreeRate }),
        replay: { userId: event.userId, alerts: [], tradingStates: [] },
        lastState: 'ACTIVE',
      };
      users.set(event.userId, track);
    }
    const { entry } = event;
    const outcome = track.book.apply(entry, event.valuation);
    const cause: ExposureCause =
      entry.kind === 'transfer'
        ? { kind: 'transfer', transferId: entry.id }
        : { kind: 'trade', tradeId: entry.id, executedAt: entry.timestamp, outcome: toWireOutcome(outcome) };
    const eventId = `replay:${entry.id}`;
    const update = toExposureUpdate(eventId, event.userId, valueExposure(track.book, registry, prices), [cause], event.at);
    track.state.observe(observationOf(update));
    const { evaluation } = evaluateExposure({
      update,
      state: track.state,
      market,
      scenarios: input.scenarios,
      engine,
      lookbacks,
      barMs: settings.barMs,
      monteCarlo: null,
      coverage: { eventId, sourceEventIds: [eventId], tradeIds: [entry.id] },
    });
    if (event.at < input.from) {
      track.lastState = evaluation.tradingState;
      continue;
    }
    for (const finding of evaluation.findings) track.replay.alerts.push(alertForFinding(finding, update, event.at));
    if (evaluation.tradingState !== track.lastState) {
      track.replay.tradingStates.push({ at: event.at, tradingState: evaluation.tradingState });
      track.lastState = evaluation.tradingState;
    }
  }
  return [...users.values()].map((t) => t.replay).sort((a, b) => (a.userId < b.userId ? -1 : a.userId > b.userId ? 1 : 0));
}
