import type { RiskMetrics } from '@hyperdex/contracts';
import { usd } from '../format';
import { Panel } from './panel';

export function StressPanel({ metrics }: { metrics: RiskMetrics | null }) {
  return (
    <Panel title="Stress losses" testId="stress">
      {!metrics || metrics.stress.length === 0 ? (
        <p className="empty">No stress scenarios evaluated yet.</p>
      ) : (
        <table>
          <tbody>
            {metrics.stress.map((s) => (
              <tr key={s.scenarioId}>
                <td>{s.scenarioId}</td>
                <td className="num loss">{usd(s.lossUsd)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Panel>
  );
}
