import { useEffect, useRef } from 'react';
import { createChart, LineSeries, type IChartApi, type ISeriesApi, type UTCTimestamp } from 'lightweight-charts';
import type { HistoryPoint } from '@hyperdex/contracts';
import { Panel } from './panel';

/**
 * Equity (realized + unrealized PnL) and gross exposure per minute, from the history API and then live updates.
 * Chart coordinates are floats by nature; every figure shown as text elsewhere stays a decimal string.
 */
export function EquityChart({ points }: { points: HistoryPoint[] }) {
  const container = useRef<HTMLDivElement>(null);
  const chart = useRef<{ api: IChartApi; equity: ISeriesApi<'Line'>; gross: ISeriesApi<'Line'> } | null>(null);

  useEffect(() => {
    if (!container.current) return;
    const api = createChart(container.current, {
      height: 260,
      autoSize: true,
      layout: { background: { color: 'transparent' }, textColor: '#c9d1d9' },
      grid: { vertLines: { color: '#21262d' }, horzLines: { color: '#21262d' } },
      timeScale: { timeVisible: true, secondsVisible: false },
      leftPriceScale: { visible: true },
    });
    const equity = api.addSeries(LineSeries, { color: '#3fb950', lineWidth: 2, title: 'equity USD', priceScaleId: 'right' });
    const gross = api.addSeries(LineSeries, { color: '#58a6ff', lineWidth: 1, title: 'gross exposure USD', priceScaleId: 'left' });
    chart.current = { api, equity, gross };
    return () => {
      chart.current = null;
      api.remove();
    };
  }, []);

  useEffect(() => {
    if (!chart.current) return;
    const at = (p: HistoryPoint) => Math.floor(p.t / 1000) as UTCTimestamp;
    chart.current.equity.setData(points.map((p) => ({ time: at(p), value: Number(p.equityUsd) })));
    chart.current.gross.setData(points.map((p) => ({ time: at(p), value: Number(p.grossExposureUsd) })));
    if (points.length > 0) chart.current.api.timeScale().fitContent();
  }, [points]);

  return (
    <Panel title="Equity and exposure (per minute)" testId="equity-chart" wide>
      <div ref={container} className="chart" data-points={points.length} />
      {points.length === 0 && <p className="empty">No history in the last day.</p>}
    </Panel>
  );
}
