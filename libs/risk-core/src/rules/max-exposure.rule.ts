import { Usd } from '../money/usd';

export interface RuleBreach {
  ruleId: string;
  kind: 'MaxExposure';
  observed: Usd;
  threshold: Usd;
  message: string;
}

/** Fires when a user's gross exposure (Σ |value| of priced positions) exceeds a USD limit. */
export class MaxExposureRule {
  readonly kind = 'MaxExposure' as const;
  readonly limitUsd: Usd;

  constructor(
    readonly id: string,
    limitUsd: string | Usd,
  ) {
    this.limitUsd = new Usd(limitUsd);
    if (!this.limitUsd.isFinite() || this.limitUsd.lte(0)) throw new RangeError(`rule ${id}: limit must be a positive amount`);
  }

  evaluate(snapshot: { grossUsd: Usd }): RuleBreach | null {
    if (snapshot.grossUsd.lte(this.limitUsd)) return null;
    return {
      ruleId: this.id,
      kind: this.kind,
      observed: snapshot.grossUsd,
      threshold: this.limitUsd,
      message: `Gross exposure ${snapshot.grossUsd.toFixed(2)} USD exceeds the limit of ${this.limitUsd.toFixed(2)} USD`,
    };
  }
}
