import { parseUsd } from '../money/usd-amount';
import { UserRiskState } from './user-risk-state';

const T0 = Date.UTC(2026, 0, 1);
const fresh = () => UserRiskState.create({ tradeWindow: 100, barMs: 60_000, window: 500, riskFreeRate: 0 });
const closed = (pnl: string, notional: string) => ({ realizedPnlUsd: parseUsd(pnl), notionalUsd: parseUsd(notional) });

describe('UserRiskState.observe with an update that closed several trades', () => {
  it('records every closed trade in order, as if each had come alone', () => {
    const folded = fresh();
    folded.observe({ asOf: T0, pnlUsd: parseUsd('-30'), grossUsd: parseUsd('1000'), closedTrades: [closed('10', '100'), closed('-20', '200'), closed('-20', '300')] });
    const oneByOne = fresh();
    for (const trade of [closed('10', '100'), closed('-20', '200'), closed('-20', '300')]) {
      oneByOne.observe({ asOf: T0, pnlUsd: parseUsd('-30'), grossUsd: parseUsd('1000'), closedTrade: trade });
    }
    expect(folded.trades.snapshot()).toEqual(oneByOne.trades.snapshot());
    expect(folded.trades).toMatchObject({ closedTrades: 3, consecutiveLosses: 2, maxConsecutiveLosses: 2 });
  });

  it('records the single-trade form first, then the list', () => {
    const state = fresh();
    state.observe({ asOf: T0, pnlUsd: 0n, grossUsd: parseUsd('1000'), closedTrade: closed('-5', '50'), closedTrades: [closed('7', '70')] });
    expect(state.trades.consecutiveLosses).toBe(0);
    expect(state.trades.snapshot().pnls.slice(0, 2)).toEqual([parseUsd('-5').toString(), parseUsd('7').toString()]);
  });

  it('records nothing for an update that closed no trade, but still moves equity and daily PnL', () => {
    const state = fresh();
    state.observe({ asOf: T0, pnlUsd: parseUsd('12'), grossUsd: parseUsd('1000'), closedTrades: [] });
    expect(state.trades.closedTrades).toBe(0);
    expect(state.daily.valueUsd).toBe(parseUsd('12'));
  });
});
