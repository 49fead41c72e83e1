/** Annualisation for per-period return statistics. */
export interface AnnualisationOptions {
  /**
   * Return periods in a year; the ratio is scaled by √periodsPerYear. Default 365: crypto trades every day of the
   * year (equity libraries such as empyrical default to 252 trading days; pass 252 to compare).
   */
  periodsPerYear?: number;
}

export const DEFAULT_PERIODS_PER_YEAR = 365;

export function resolvePeriodsPerYear(options: AnnualisationOptions | undefined): number {
  const periods = options?.periodsPerYear ?? DEFAULT_PERIODS_PER_YEAR;
  if (!(Number.isFinite(periods) && periods > 0)) throw new Error(`periodsPerYear must be positive, got ${periods}`);
  return periods;
}

/** An annual rate as a per-period one by simple division (empyrical takes the per-period rate directly). */
export function perPeriodRate(annualRate: number | undefined, periodsPerYear: number, name: string): number {
  const rate = annualRate ?? 0;
  if (!Number.isFinite(rate)) throw new Error(`${name} must be finite, got ${rate}`);
  return rate / periodsPerYear;
}
