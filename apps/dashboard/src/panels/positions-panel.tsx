import type { ExposureUpdate } from '@hyperdex/contracts';
import { percent, shortAddress, tokenAmount, usd } from '../format';
import { Panel } from './panel';

export function PositionsPanel({ exposure }: { exposure: ExposureUpdate | null }) {
  return (
    <Panel title="Positions" testId="positions" wide>
      {!exposure || exposure.positions.length === 0 ? (
        <p className="empty">No open positions.</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th>Token</th>
              <th>Chain</th>
              <th>Balance</th>
              <th>Price</th>
              <th>Value</th>
              <th>Share</th>
              <th>Avg cost</th>
              <th>Unrealized PnL</th>
              <th>Realized PnL</th>
            </tr>
          </thead>
          <tbody>
            {exposure.positions.map((p) => (
              <tr key={`${p.chainId}:${p.token}`} data-token={p.token}>
                <td title={p.token}>{p.symbol ?? shortAddress(p.token)}</td>
                <td>{p.chainId}</td>
                <td className="num">{tokenAmount(p.balance, p.decimals)}</td>
                <td className="num">{usd(p.priceUsd)}</td>
                <td className="num">{usd(p.valueUsd)}</td>
                <td className="num">{percent(p.share)}</td>
                <td className="num">{usd(p.averageCostUsd)}</td>
                <td className={`num ${pnlClass(p.unrealizedPnlUsd)}`}>{usd(p.unrealizedPnlUsd)}</td>
                <td className={`num ${pnlClass(p.realizedPnlUsd)}`}>{usd(p.realizedPnlUsd)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {exposure && exposure.unpriced.length > 0 && (
        <p className="warning">
          Unpriced (not valued): {exposure.unpriced.map((u) => `${shortAddress(u.token)} on ${u.chainId} (${u.reason})`).join(', ')}
        </p>
      )}
    </Panel>
  );
}

const pnlClass = (s: string | null): string => (s === null ? '' : s.startsWith('-') ? 'loss' : /[1-9]/.test(s) ? 'gain' : '');
