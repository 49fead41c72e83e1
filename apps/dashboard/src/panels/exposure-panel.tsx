import type { ExposureUpdate, RiskMetrics } from '@hyperdex/contracts';
import { percent, time, usd } from '../format';
import { Panel } from './panel';

export function ExposurePanel({ exposure, metrics }: { exposure: ExposureUpdate | null; metrics: RiskMetrics | null }) {
  return (
    <Panel title="Exposure and concentration" testId="exposure">
      {!exposure ? (
        <p className="empty">No exposure yet: no trade has been booked for this user.</p>
      ) : (
        <dl>
          <dt>Gross</dt>
          <dd data-testid="gross-exposure">{usd(exposure.grossExposureUsd)}</dd>
          <dt>Net</dt>
          <dd>{usd(exposure.netExposureUsd)}</dd>
          <dt>Volatile / stablecoin</dt>
          <dd>
            {usd(exposure.volatileExposureUsd)} / {usd(exposure.stablecoinExposureUsd)}
          </dd>
          <dt>Realized / unrealized PnL</dt>
          <dd>
            {usd(exposure.realizedPnlUsd)} / {usd(exposure.unrealizedPnlUsd)}
            {!exposure.pnlComplete && <small> (incomplete: a leg is unpriced)</small>}
          </dd>
          <dt>Fees</dt>
          <dd>{usd(exposure.feesUsd)}</dd>
          <dt>Largest position share</dt>
          <dd>{percent(metrics?.concentration.largestShare)}</dd>
          <dt>Herfindahl index</dt>
          <dd>{metrics?.concentration.herfindahl ?? '—'}</dd>
          <dt>As of</dt>
          <dd>{time(exposure.asOf)}</dd>
        </dl>
      )}
    </Panel>
  );
}
