import type { ExposureUpdate, UnpricedReasonSchema } from '../events/exposure-update.event';
import type { RiskMetrics, TradingState } from '../events/risk-metrics.event';
import type { z } from 'zod';

export type CheckVerdict = 'allow' | 'reduce-only' | 'deny';

/** What decided a verdict other than allow: a rule's level after the trades, or something the check cannot value. */
export type CheckDecider =
  | { kind: 'rule'; ruleId: string; ruleKind: string; level: 'breach' | 'not-evaluable'; action: TradingState; observed: string | null; threshold: string }
  | { kind: 'unknown'; chainId: number; token: string; reason: z.infer<typeof UnpricedReasonSchema>; trades: number[] };

/** Each rule's level before and after the trades, with the value observed after them and the threshold. */
export interface CheckRuleStatus {
  ruleId: string;
  kind: string;
  levelBefore: 'ok' | 'warning' | 'breach';
  level: 'ok' | 'warning' | 'breach' | 'not-evaluable';
  observed: string | null;
  threshold: string;
  /** The trading state the rule recommends at this level (its action in breach, ACTIVE otherwise). */
  action: TradingState;
}

/** What one checked trade would book: its USD value, the PnL it would realize, whether it reduces the book. */
export interface CheckedTrade {
  index: number;
  tradeId: string;
  valueUsd: string | null;
  realizedPnlUsd: string | null;
  feesUsd: string | null;
  closesPosition: boolean;
}

/** How old the figures of a check are, so a caller can judge whether to trust them. */
export interface CheckFreshness {
  /** When the check ran (epoch ms). */
  asOf: number;
  /** Oldest price used to value the book after the trades; null when nothing was priced. */
  oldestPriceAt: number | null;
  oldestPriceAgeMs: number | null;
  /** asOf of the last exposure update the user's risk state evaluated; null when the state was loaded from storage. */
  stateAsOf: number | null;
  /** `memory`: this instance holds the user; `storage`: state and book were loaded for this check. */
  stateSource: 'memory' | 'storage';
  /** Monte Carlo figures come from the last scheduled run for the user's current book (never for the hypothetical one). */
  monteCarlo: 'last-scheduled-run' | 'none';
  monteCarloAsOf: number | null;
}

/** `POST /v1/risk/check` → 200. Nothing was booked and nothing was published. */
export interface RiskCheckResponse {
  userId: string;
  verdict: CheckVerdict;
  /** Why the verdict is not `allow` (empty when it is). */
  decidedBy: CheckDecider[];
  /** True when no volatile position grows in size or flips side: the trades only reduce risk-bearing positions. */
  reducesPositions: boolean;
  tradingState: { current: TradingState; recommended: TradingState };
  trades: CheckedTrade[];
  /** The exposure the trades would leave, as positions would publish it once they are booked. */
  exposure: Omit<ExposureUpdate, 'eventId' | 'cause' | 'causes'>;
  /** Every figure the risk service would publish for that exposure (rules included). */
  metrics: Omit<RiskMetrics, 'eventId' | 'sourceEventId' | 'sourceEventIds' | 'tradeIds'>;
  rules: CheckRuleStatus[];
  /** Tokens of the trades or of the resulting book that cannot be valued: never a silent allow. */
  unknown: Array<{ chainId: number; token: string; reason: z.infer<typeof UnpricedReasonSchema> }>;
  freshness: CheckFreshness;
  booked: false;
  published: false;
}
