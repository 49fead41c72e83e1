import type { TokenPosition, TradeView } from '@hyperdex/contracts';
import { shortAddress, time, tokenAmount } from '../format';
import { Panel } from './panel';

/** Amounts in whole tokens when the user's positions name the token's decimals; raw base units otherwise. */
function leg(chainId: number, token: string | null, amount: string | null, known: readonly TokenPosition[]): string {
  if (!token || amount === null) return '—';
  const info = known.find((p) => p.chainId === chainId && p.token === token);
  if (!info || info.decimals === null) return `${amount} of ${shortAddress(token)}`;
  return `${tokenAmount(amount, info.decimals)} ${info.symbol ?? shortAddress(token)}`;
}

export function TradesPanel({ trades, positions }: { trades: TradeView[]; positions: readonly TokenPosition[] }) {
  return (
    <Panel title="Recent trades" testId="trades" wide>
      {trades.length === 0 ? (
        <p className="empty">No trades booked yet.</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th>Trade</th>
              <th>Kind</th>
              <th>DEX</th>
              <th>In</th>
              <th>Out</th>
              <th>Executed</th>
            </tr>
          </thead>
          <tbody>
            {trades.map((t) => (
              <tr key={t.tradeId} data-trade-id={t.tradeId} className={t.retractedAt ? 'retracted' : ''}>
                <td>{t.tradeId}</td>
                <td>{t.retractedAt ? `${t.kind} (retracted)` : t.kind}</td>
                <td>{t.dex}</td>
                <td className="num">{leg(t.chainId, t.tokenIn, t.amountIn, positions)}</td>
                <td className="num">{leg(t.chainId, t.tokenOut, t.amountOut, positions)}</td>
                <td>{time(t.executedAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Panel>
  );
}
