import { useEffect, useState, useSyncExternalStore } from 'react';
import { DashboardStore } from './dashboard-store';
import { AlertsPanel } from './panels/alerts-panel';
import { EquityChart } from './panels/equity-chart';
import { ExposurePanel } from './panels/exposure-panel';
import { PositionsPanel } from './panels/positions-panel';
import { RiskPanel } from './panels/risk-panel';
import { RulesPanel } from './panels/rules-panel';
import { StressPanel } from './panels/stress-panel';
import { TradesPanel } from './panels/trades-panel';
import { TradingStateBanner } from './panels/trading-state-banner';
import type { Session } from './session';

export function Dashboard({ session, onSignOut }: { session: Session; onSignOut: () => void }) {
  const [store] = useState(() => new DashboardStore(window.location.origin, session.token, session.userId));
  useEffect(() => {
    void store.start();
    return () => store.close();
  }, [store]);
  const state = useSyncExternalStore(store.subscribe, () => store.snapshot);

  useEffect(() => {
    // The first-render figure the Chromium test prints: navigation start → the first complete render with data.
    if (state.loaded && performance.getEntriesByName('dashboard-ready').length === 0) performance.mark('dashboard-ready');
  }, [state.loaded]);

  return (
    <div className="dashboard" data-loaded={state.loaded} data-connection={state.connection}>
      <header>
        <h1>HyperDEX Risk</h1>
        <span className="user" data-testid="user">
          {session.userId}
          {session.claims.role ? ` (${session.claims.role})` : ''}
        </span>
        <span className={`connection ${state.connection}`} title={state.connectionReason ?? ''}>
          {state.connection}
        </span>
        <button type="button" onClick={onSignOut}>
          Sign out
        </button>
      </header>
      <TradingStateBanner metrics={state.metrics} />
      {state.error && (
        <p role="alert" className="error">
          {state.error}
        </p>
      )}
      {!state.loaded ? (
        <p className="loading">Loading…</p>
      ) : (
        <div className="grid">
          <ExposurePanel exposure={state.exposure} metrics={state.metrics} />
          <RiskPanel metrics={state.metrics} />
          <EquityChart points={state.history} />
          <PositionsPanel exposure={state.exposure} />
          <RulesPanel metrics={state.metrics} />
          <StressPanel metrics={state.metrics} />
          <AlertsPanel alerts={state.alerts} onAcknowledge={(id) => store.acknowledge(id)} />
          <TradesPanel trades={state.trades} positions={state.exposure?.positions ?? []} />
        </div>
      )}
    </div>
  );
}
