import type { ExposureCause, ExposureUpdate, RiskMetrics, TradingState } from '@hyperdex/contracts';
import type { ExposureSnapshot } from '../exposure/exposure-snapshot';
import { valueExposure } from '../exposure/value-exposure';
import type { RiskWorkspace } from '../metrics/risk-workspace';
import type { SwapEntry } from '../positions/ledger-entry';
import { PositionBook } from '../positions/position-book';
import type { TradeOutcome } from '../positions/trade-outcome';
import { valueLedgerEntry } from '../positions/value-ledger-entry';
import type { PriceBook } from '../prices/price-book';
import type { MarketModel } from '../risk-model/market-model';
import type { RuleDefinition } from '../rules/rule-definition';
import { RuleEngine, type RuleState, type RuleStatus } from '../rules/rule-engine';
import type { StressScenario } from '../stress/stress-scenario';
import type { TokenRegistry } from '../tokens/token-registry';
import type { UserRiskState } from '../user-risk/user-risk-state';
import { evaluateExposure, type KeptMonteCarlo } from '../wire/evaluate-exposure';
import { observationOf } from '../wire/exposure-observation';
import { toExposureUpdate } from '../wire/exposure-update.wire';
import { toWireOutcome } from '../wire/trade-outcome.wire';
import { decideVerdict, type CheckVerdict, type VerdictDecider } from './check-verdict';
import { reducesPositions } from './reduces-positions';
import { unknownTokensOf, type UnknownToken } from './unknown-tokens';

export interface TradeCheckInput {
  readonly userId: string;
  /** When the check runs (epoch ms): the hypothetical trades are valued and judged at this moment. */
  readonly asOf: number;
  /** The user's current book; left untouched (the check works on a copy). */
  readonly book: PositionBook;
  readonly registry: TokenRegistry;
  readonly prices: PriceBook;
  /** The trades, applied in order. */
  readonly trades: readonly SwapEntry[];
  /** A copy of the user's risk state: the check observes the hypothetical update on it. */
  readonly state: UserRiskState;
  /** The user's rule states as the live engine holds them (copied into an engine of the check's own). */
  readonly ruleStates: ReadonlyArray<{ ruleId: string; state: RuleState }>;
  readonly rules: readonly RuleDefinition[];
  readonly market: MarketModel;
  readonly scenarios: readonly StressScenario[];
  readonly lookbacks: readonly number[];
  readonly barMs: number;
  /** The last scheduled Monte Carlo run for the current book, reused as is (never run for a hypothetical book). */
  readonly monteCarlo: KeptMonteCarlo | null;
  readonly workspace?: RiskWorkspace;
}

export interface TradeCheck {
  readonly verdict: CheckVerdict;
  readonly decidedBy: VerdictDecider[];
  readonly reduces: boolean;
  readonly currentState: TradingState;
  readonly recommendedState: TradingState;
  readonly outcomes: TradeOutcome[];
  readonly snapshot: ExposureSnapshot;
  /** The exposure update positions would publish once the trades are booked (event id `check`). */
  readonly update: ExposureUpdate;
  readonly metrics: RiskMetrics;
  /** Every rule in scope for the user, in rule-set order: its level before the trades and its status after them. */
  readonly rules: Array<{ readonly rule: RuleDefinition; readonly levelBefore: RuleState['level']; readonly status: RuleStatus }>;
  readonly unknown: UnknownToken[];
}

const CHECK_EVENT_ID = 'check';

/**
 * What the trades would do to the user, computed the way the pipeline would once they are booked: each trade valued
 * at the latest prices and applied to (a copy of) the book, the resulting exposure written as positions would
 * publish it, observed by (a copy of) the user's risk state, assessed and judged by the rule set from the user's
 * current rule states. Nothing given is changed: the same inputs give the same answer, and the live state is never
 * moved by a question. O(tokens held + trades) plus one assessment (O(k²) for k priced tokens).
 */
export function checkTrades(input: TradeCheckInput): TradeCheck {
  const { userId, registry, prices } = input;
  const isCash = (chainId: number, token: string): boolean => registry.get(chainId, token)?.stablecoin ?? false;
  const book = PositionBook.restore(input.book.entries(), { isCash });
  const unknown = unknownTokensOf(input.trades, registry, prices);

  const outcomes: TradeOutcome[] = [];
  const causes: ExposureCause[] = [];
  for (const trade of input.trades) {
    const outcome = book.apply(trade, valueLedgerEntry(trade, registry, prices));
    outcomes.push(outcome);
    causes.push({ kind: 'trade', tradeId: trade.id, executedAt: trade.timestamp, outcome: toWireOutcome(outcome) });
  }
  const snapshot = valueExposure(book, registry, prices);
  const update = toExposureUpdate(CHECK_EVENT_ID, userId, snapshot, causes, input.asOf);

  const engine = new RuleEngine(input.rules);
  engine.restore(userId, input.ruleStates);
  const currentState = engine.tradingStateOf(userId);
  const levelsBefore = new Map(input.ruleStates.map(({ ruleId, state }) => [ruleId, state.level]));
  const ruleById = new Map(input.rules.map((r) => [r.id, r]));

  input.state.observe(observationOf(update));
  const { evaluation, metrics } = evaluateExposure({
    update,
    state: input.state,
    market: input.market,
    scenarios: input.scenarios,
    engine,
    lookbacks: input.lookbacks,
    barMs: input.barMs,
    monteCarlo: input.monteCarlo,
    coverage: { eventId: CHECK_EVENT_ID, sourceEventIds: [CHECK_EVENT_ID], tradeIds: input.trades.map((t) => t.id) },
    ...(input.workspace ? { workspace: input.workspace } : {}),
  });

  const reduces = reducesPositions(input.book, book, input.trades, registry);
  const statesAfter = new Map(engine.snapshot(userId).map(({ ruleId, state }) => [ruleId, state]));
  const { verdict, decidedBy } = decideVerdict({
    rules: input.rules,
    statuses: evaluation.statuses,
    statesAfter,
    recommended: evaluation.tradingState,
    reduces,
    unknown,
  });
  return {
    verdict,
    decidedBy,
    reduces,
    currentState,
    recommendedState: evaluation.tradingState,
    outcomes,
    snapshot,
    update,
    metrics,
    rules: evaluation.statuses.map((status) => ({
      rule: ruleById.get(status.ruleId) as RuleDefinition,
      levelBefore: levelsBefore.get(status.ruleId) ?? 'ok',
      status,
    })),
    unknown,
  };
}
