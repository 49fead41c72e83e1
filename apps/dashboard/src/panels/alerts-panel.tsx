import { useState } from 'react';
import type { AlertRow } from '../dashboard-store';
import { time } from '../format';
import { Panel } from './panel';

export function AlertsPanel({ alerts, onAcknowledge }: { alerts: AlertRow[]; onAcknowledge: (alertId: string) => Promise<void> }) {
  const [pending, setPending] = useState<ReadonlySet<string>>(new Set());
  const acknowledge = async (alertId: string) => {
    setPending((p) => new Set(p).add(alertId));
    await onAcknowledge(alertId);
    setPending((p) => {
      const next = new Set(p);
      next.delete(alertId);
      return next;
    });
  };
  return (
    <Panel title="Alerts" testId="alerts" wide>
      {alerts.length === 0 ? (
        <p className="empty">No alerts.</p>
      ) : (
        <ul className="alerts">
          {alerts.map((a) => (
            <li key={a.alertId} className={`alert ${a.severity} ${a.state}`} data-alert-id={a.alertId} data-rule={a.ruleId} data-state={a.state}>
              <span className="severity">{a.severity}</span>
              <span className="message">{a.message}</span>
              <span className="meta">
                {a.ruleId} · {a.level ?? ''} · {time(a.triggeredAt)} · <span className="state">{a.state}</span>
              </span>
              {a.state === 'open' && (
                <button type="button" disabled={pending.has(a.alertId)} onClick={() => void acknowledge(a.alertId)}>
                  Acknowledge
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
    </Panel>
  );
}
