import type { RiskMetrics } from '@hyperdex/contracts';
import { percent, time, usd } from '../format';
import { Panel } from './panel';

const METHODS = ['historical', 'parametric', 'monteCarlo'] as const;

export function RiskPanel({ metrics }: { metrics: RiskMetrics | null }) {
  return (
    <Panel title="VaR, ES and drawdown" testId="risk">
      {!metrics ? (
        <p className="empty">No risk metrics yet.</p>
      ) : (
        <>
          <table>
            <thead>
              <tr>
                <th>Method</th>
                <th>VaR 95</th>
                <th>VaR 99</th>
                <th>ES 95</th>
                <th>ES 99</th>
              </tr>
            </thead>
            <tbody>
              {METHODS.map((method) => {
                const v = metrics.valueAtRisk[method];
                return (
                  <tr key={method}>
                    <td>{method === 'monteCarlo' ? 'Monte Carlo' : method}</td>
                    {v ? (
                      [v.var95Usd, v.var99Usd, v.es95Usd, v.es99Usd].map((x, i) => (
                        <td key={i} className="num">
                          {usd(x)}
                        </td>
                      ))
                    ) : (
                      <td colSpan={4} className="empty">
                        not enough data ({metrics.valueAtRisk.returnPoints} return points)
                      </td>
                    )}
                  </tr>
                );
              })}
            </tbody>
          </table>
          <dl>
            <dt>Drawdown now / max</dt>
            <dd data-testid="drawdown">
              {percent(metrics.drawdown.current)} / {percent(metrics.drawdown.max)}
              <small> ({metrics.drawdown.equityPoints} equity points)</small>
            </dd>
            <dt>Daily PnL</dt>
            <dd>{usd(metrics.dailyPnlUsd)}</dd>
            <dt>Sharpe / Sortino</dt>
            <dd>
              {metrics.performance.sharpe ?? '—'} / {metrics.performance.sortino ?? '—'}
            </dd>
            <dt>Win rate</dt>
            <dd>
              {percent(metrics.trades.winRate)} <small>({metrics.trades.closedTrades} closed trades)</small>
            </dd>
            <dt>As of</dt>
            <dd>{time(metrics.asOf)}</dd>
          </dl>
        </>
      )}
    </Panel>
  );
}
