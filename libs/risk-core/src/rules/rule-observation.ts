import { Usd } from '../money/usd';
import type { RuleDefinition } from './rule-definition';
import type { UserRiskView } from './user-risk-view';

const ZERO = new Usd(0);

/** The value a rule compares with its threshold; null when the data is missing (the rule is then not evaluable). */
export function observedValue(rule: RuleDefinition, view: UserRiskView): Usd | null {
  switch (rule.kind) {
    case 'MaxExposure':
      return view.grossExposureUsd;
    case 'ConcentrationLimit':
      return view.largestShare;
    case 'DrawdownLimit':
      return rule.lookbackMs === undefined ? view.drawdown : (view.drawdownWithin?.get(rule.lookbackMs) ?? null);
    case 'VarLimit': {
      const method = rule.params?.method ?? 'historical';
      const confidence = rule.params?.confidence ?? 99;
      return view.valueAtRisk[`${method}${confidence}`];
    }
    case 'ConsecutiveLosses':
      return new Usd(view.consecutiveLosses);
    case 'DailyLossLimit':
      // A loss is a negative PnL; a gain observes as a negative loss, which never exceeds a positive limit.
      return view.dailyPnlUsd.isZero() ? ZERO : view.dailyPnlUsd.neg();
    case 'StressLossLimit':
      return view.stressLossUsd.get(rule.params?.scenarioId ?? '') ?? null;
    case 'UnpricedExposure':
      return rule.params?.measure === 'share' ? view.unpricedShareOfPositions : new Usd(view.unpricedCount);
    case 'StalePrice':
      return view.oldestPriceAt === null ? null : new Usd(Math.max(0, view.asOf - view.oldestPriceAt));
  }
}

/** Default minimum sample by kind: figures from too few points are noise, not risk. */
const DEFAULT_MIN_SAMPLE: Partial<Record<RuleDefinition['kind'], number>> = { DrawdownLimit: 2, VarLimit: 20 };

/** Whether the data behind the rule's figure is large enough to act on. */
export function hasEnoughSample(rule: RuleDefinition, view: UserRiskView): boolean {
  const required = rule.minSample ?? DEFAULT_MIN_SAMPLE[rule.kind] ?? 0;
  if (required === 0) return true;
  switch (rule.kind) {
    case 'DrawdownLimit':
      return view.equityPoints >= required;
    case 'VarLimit':
      return view.returnPoints >= required;
    default:
      return view.tradeCount >= required;
  }
}

const money = (v: Usd) => `${v.toFixed(2)} USD`;
const percent = (v: Usd) => `${v.mul(100).toDecimalPlaces(2).toString()}%`;

/** A sentence for the alert, in the unit of the rule. */
export function describe(rule: RuleDefinition, observed: Usd, level: 'warning' | 'breach'): string {
  const limit = level === 'breach' ? rule.threshold : (rule.warningAt ?? rule.threshold);
  const verb = level === 'breach' ? 'exceeds the limit of' : 'passed the warning level of';
  switch (rule.kind) {
    case 'MaxExposure':
      return `Gross exposure ${money(observed)} ${verb} ${money(limit)}`;
    case 'ConcentrationLimit':
      return `Largest position ${percent(observed)} of the book ${verb} ${percent(limit)}`;
    case 'DrawdownLimit':
      return `Drawdown ${percent(observed)} ${verb} ${percent(limit)}`;
    case 'VarLimit':
      return `${rule.params?.confidence ?? 99}% ${rule.params?.method ?? 'historical'} VaR ${money(observed)} ${verb} ${money(limit)}`;
    case 'ConsecutiveLosses':
      return `${observed.toString()} consecutive losing trades ${verb} ${limit.toString()}`;
    case 'DailyLossLimit':
      return `Today's loss ${money(observed)} ${verb} ${money(limit)}`;
    case 'StressLossLimit':
      return `Stress loss (${rule.params?.scenarioId}) ${money(observed)} ${verb} ${money(limit)}`;
    case 'UnpricedExposure':
      return rule.params?.measure === 'share'
        ? `Unpriced positions ${percent(observed)} ${verb} ${percent(limit)}`
        : `${observed.toString()} unpriced tokens ${verb} ${limit.toString()}`;
    case 'StalePrice':
      return `Oldest price is ${observed.div(1000).toDecimalPlaces(1).toString()} s old, ${verb} ${limit.div(1000).toString()} s`;
  }
}
