import type { UsdAmount } from '../money/usd-amount';

const DAY_MS = 24 * 3600 * 1000;

export interface DailyPnlSnapshot {
  readonly day: number | null;
  readonly dayOpenPnl: string;
  readonly lastPnl: string;
}

/**
 * Today's PnL (UTC day): total PnL (realized + unrealized) now minus at the day's first update. A user's PnL starts
 * at zero, so a new user's first day counts from zero.
 */
export class DailyPnl {
  private day: number | null = null;
  private dayOpenPnl: UsdAmount = 0n;
  private lastPnl: UsdAmount = 0n;

  update(asOf: number, pnlUsd: UsdAmount): void {
    const day = Math.floor(asOf / DAY_MS);
    if (this.day !== null && day > this.day) this.dayOpenPnl = this.lastPnl;
    if (this.day === null || day > this.day) this.day = day;
    this.lastPnl = pnlUsd;
  }

  get valueUsd(): UsdAmount {
    return this.lastPnl - this.dayOpenPnl;
  }

  snapshot(): DailyPnlSnapshot {
    return { day: this.day, dayOpenPnl: this.dayOpenPnl.toString(), lastPnl: this.lastPnl.toString() };
  }

  static restore(s: DailyPnlSnapshot): DailyPnl {
    const d = new DailyPnl();
    d.day = s.day;
    d.dayOpenPnl = BigInt(s.dayOpenPnl);
    d.lastPnl = BigInt(s.lastPnl);
    return d;
  }
}
