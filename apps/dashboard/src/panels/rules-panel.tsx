import type { RiskMetrics } from '@hyperdex/contracts';
import { formatDecimal } from '../format';
import { Panel } from './panel';

export function RulesPanel({ metrics }: { metrics: RiskMetrics | null }) {
  return (
    <Panel title="Rules" testId="rules">
      {!metrics ? (
        <p className="empty">No rule has been evaluated yet.</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th>Rule</th>
              <th>Level</th>
              <th>Observed</th>
              <th>Threshold</th>
            </tr>
          </thead>
          <tbody>
            {metrics.rules.map((r) => (
              <tr key={r.ruleId} data-rule={r.ruleId} data-level={r.level}>
                <td title={r.kind}>{r.ruleId}</td>
                <td>
                  <span className={`level ${r.level}`}>{r.level}</span>
                </td>
                <td className="num">{r.observed === null ? '—' : formatDecimal(r.observed, 4)}</td>
                <td className="num">{formatDecimal(r.threshold, 4)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Panel>
  );
}
