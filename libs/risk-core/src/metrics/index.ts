/**
 * Risk metrics for risk-core.
 *
 * Number types: USD amounts (position values, VaR/ES in USD, trade notionals, concentration inputs) cross this API as
 * `Usd` (Decimal) or decimal strings, never as JS numbers. Returns, volatilities, covariances, correlations and ratios
 * (Sharpe, Sortino, drawdown fractions, VaR as a fraction of value) are dimensionless statistics and are computed in
 * float64 (`number` / `Float64Array`): they are estimates with sampling error far above 1e-15, and float64 keeps the
 * full metric set for 20 tokens × 500 points inside a sub-millisecond budget. USD values become floats once at the
 * boundary and USD results become Decimal once on the way out (15 significant digits).
 *
 * Conventions: VaR and ES are positive losses; historical quantiles use numpy's linear rule and ES empyrical's tail
 * mean; ratios are annualised by √periodsPerYear (default 365); undefined statistics are null, never NaN/Infinity.
 */
export * from './numeric-series';
export * from './sample-moments';
export * from './sorted-quantile';
export * from './inverse-normal';
export * from './drawdown';
export * from './performance-options';
export * from './sharpe-ratio';
export * from './sortino-ratio';
export * from './historical-var';
export * from './parametric-var';
export * from './expected-shortfall';
export * from './concentration';
export * from './win-rate';
export * from './consecutive-losses';
export * from './average-trade-size';
export * from './ring-buffer';
export * from './ewma-covariance';
export * from './cholesky';
export * from './seeded-normal-generator';
export * from './price-history';
export * from './var-figures';
export * from './risk-workspace';
export * from './tail-figures';
export * from './historical-portfolio-var';
export * from './parametric-portfolio-var';
export * from './monte-carlo-portfolio-var';
export * from './portfolio-risk';
