import { absAmount as abs, prorate, type UsdAmount } from '../money/usd-amount';
import { tokenKey, type TokenKey } from '../tokens/token-key';
import type { LedgerEntry, SwapEntry, TransferEntry } from './ledger-entry';
import type { LedgerValuation } from './ledger-valuation';
import type { TokenPosition } from './token-position';
import type { TradeOutcome } from './trade-outcome';

/** How a quantity change is booked against an opposite position: a sale realizes PnL, a transfer out does not. */
type Reduction = 'realize' | 'at-cost';

interface ChangeResult {
  /** PnL realized by the change; null when it closed quantity but a price or the cost was unknown. */
  realized: UsdAmount | null;
  closed: boolean;
}


/**
 * One user's positions under the average-cost method, in O(tokens touched) per event.
 *
 * Method (the one most portfolio trackers use, e.g. ghostfolio's ROAI calculator and Nautilus' netting positions):
 * - A swap of A for B is worth V = the USD value of A given (B received when A has no price).
 * - A is disposed of at proceeds V: PnL = V − A's average cost of the quantity sold is realized.
 * - B is acquired at cost V, raising its average cost.
 * - Selling more than is held opens a short whose cost is the (negative) proceeds; buying it back realizes PnL.
 * - A fee of F tokens is a disposal of F at its value Vf (realizing Vf − cost) plus an expense of Vf: realized PnL
 *   falls by F's average cost and `feesUsd` rises by Vf. Fee amounts are always positive = paid by the user.
 * - A transfer in acquires at the value of the moment (settling a short first, which realizes its PnL); a transfer
 *   out removes quantity at average cost and realizes nothing.
 * Invariant (checked by property tests): Σ realized + Σ unrealized = Σ value − Σ net cost contributed.
 */
export interface PositionBookOptions {
  /**
   * Tokens that are cash (stablecoins): spending them opens a position rather than closing one, so a buy paid in
   * USDC is not counted as a closed trade in win rate and streaks.
   */
  readonly isCash?: (chainId: number, token: string) => boolean;
}

export class PositionBook {
  private readonly positions = new Map<TokenKey, TokenPosition>();

  constructor(private readonly options: PositionBookOptions = {}) {}

  /** Applies one event at the valuation it was booked at, returning what it did to PnL. */
  apply(entry: LedgerEntry, valuation: LedgerValuation): TradeOutcome {
    return entry.kind === 'swap' ? this.applySwap(entry, valuation) : this.applyTransfer(entry, valuation);
  }

  get(chainId: number, token: string): TokenPosition | undefined {
    return this.positions.get(tokenKey(chainId, token));
  }

  holds(chainId: number, token: string): boolean {
    return this.positions.has(tokenKey(chainId, token));
  }

  /** Every token ever touched, closed positions included (they carry realized PnL). */
  all(): IterableIterator<TokenPosition> {
    return this.positions.values();
  }

  get size(): number {
    return this.positions.size;
  }

  /** Plain copies for persistence and snapshots. */
  entries(): TokenPosition[] {
    return [...this.positions.values()].map((p) => ({ ...p }));
  }

  static restore(positions: Iterable<TokenPosition>, options: PositionBookOptions = {}): PositionBook {
    const book = new PositionBook(options);
    for (const p of positions) book.positions.set(tokenKey(p.chainId, p.token), { ...p });
    return book;
  }

  private applySwap(swap: SwapEntry, valuation: LedgerValuation): TradeOutcome {
    const { valueUsd } = valuation;
    const sold = this.change(swap.chainId, swap.tokenIn, -swap.amountIn, valueUsd, 'realize');
    const bought = this.change(swap.chainId, swap.tokenOut, swap.amountOut, valueUsd, 'realize');

    let realized: UsdAmount | null = sold.realized === null || bought.realized === null ? null : sold.realized + bought.realized;
    let feesUsd: UsdAmount | null = 0n;
    for (const [i, fee] of swap.fees.entries()) {
      const feeValue = valuation.feesUsd[i] ?? null;
      const disposal = this.change(swap.chainId, fee.token, -fee.amount, feeValue, 'realize');
      if (feeValue === null) {
        // The disposal above already marked the position unvalued; the trade's PnL is unknown.
        feesUsd = null;
        realized = null;
        continue;
      }
      const position = this.position(swap.chainId, fee.token);
      position.feesUsd += feeValue;
      position.realizedPnlUsd -= feeValue;
      if (feesUsd !== null) feesUsd += feeValue;
      realized = disposal.realized === null || realized === null ? null : realized + disposal.realized - feeValue;
    }

    return {
      id: swap.id,
      timestamp: swap.timestamp,
      closesPosition: (sold.closed && !this.isCash(swap.chainId, swap.tokenIn)) || (bought.closed && !this.isCash(swap.chainId, swap.tokenOut)),
      realizedPnlUsd: realized,
      notionalUsd: valueUsd,
      feesUsd,
    };
  }

  private applyTransfer(transfer: TransferEntry, valuation: LedgerValuation): TradeOutcome {
    const delta = transfer.direction === 'in' ? transfer.amount : -transfer.amount;
    // Tokens arriving to settle a short close it at their value (the short's PnL is realized); tokens leaving a long
    // are a withdrawal at average cost (nothing realized).
    const closing = this.change(transfer.chainId, transfer.token, delta, valuation.valueUsd, transfer.direction === 'in' ? 'realize' : 'at-cost');
    return {
      id: transfer.id,
      timestamp: transfer.timestamp,
      closesPosition: false,
      realizedPnlUsd: closing.realized,
      notionalUsd: valuation.valueUsd,
      feesUsd: 0n,
    };
  }

  /**
   * Moves `delta` base units (signed) worth `valueUsd` (unsigned, for |delta|) into the position. The part that
   * reduces an opposite position closes at average cost; the rest opens or extends at `valueUsd`.
   */
  private change(chainId: number, token: string, delta: bigint, valueUsd: UsdAmount | null, reduction: Reduction): ChangeResult {
    const p = this.position(chainId, token);
    const size = abs(delta);
    if (size === 0n) return { realized: 0n, closed: false };
    const direction = delta > 0n ? 1n : -1n;

    let realized: UsdAmount | null = 0n;
    let closed = false;
    let opening = size;
    if (p.quantity !== 0n && (p.quantity > 0n) !== (delta > 0n)) {
      const held = abs(p.quantity);
      const closing = size < held ? size : held;
      closed = true;
      opening = size - closing;
      const costClosed = p.costKnown ? prorate(p.costUsd, closing, held) : null;
      if (reduction === 'realize') {
        if (valueUsd !== null && costClosed !== null) {
          const proceeds = prorate(valueUsd, closing, size);
          // Long sold: proceeds − cost. Short bought back: −spent − (negative) cost.
          realized = (p.quantity > 0n ? proceeds : -proceeds) - costClosed;
          p.realizedPnlUsd += realized;
        } else {
          realized = null;
          p.unvaluedEvents++;
        }
      }
      if (costClosed !== null) p.costUsd -= costClosed;
      p.quantity += direction * closing;
      if (p.quantity === 0n) {
        p.costUsd = 0n;
        p.costKnown = true;
      }
    }
    if (opening > 0n) {
      if (valueUsd === null) p.costKnown = false;
      else {
        const openingValue = opening === size ? valueUsd : prorate(valueUsd, opening, size);
        p.costUsd += direction > 0n ? openingValue : -openingValue;
      }
      p.quantity += direction * opening;
    }
    return { realized, closed };
  }

  private isCash(chainId: number, token: string): boolean {
    return this.options.isCash?.(chainId, token) ?? false;
  }

  private position(chainId: number, token: string): TokenPosition {
    const key = tokenKey(chainId, token);
    let p = this.positions.get(key);
    if (!p) {
      p = {
        chainId,
        token: token.toLowerCase(),
        quantity: 0n,
        costUsd: 0n,
        costKnown: true,
        realizedPnlUsd: 0n,
        feesUsd: 0n,
        unvaluedEvents: 0,
      };
      this.positions.set(key, p);
    }
    return p;
  }
}
