import type { Trade, TradeRetraction } from '@hyperdex/contracts';
import type { RawLog } from '../core/raw-log';
import type { PoolTokenDirectory } from '../pools/pool-token-directory';
import type { LogClassifier } from '../registry/log-classifier';
import { TRADE_ADJUSTERS } from './adjusters/trade-adjusters';
import { erc20TransfersOf } from './erc20-transfers';
import type { NormalizedReceipt } from './normalized-receipt';
import { safeExecutionsOf } from './safe-executions';
import { accountExecutions } from './stages/account-executions';
import { attributeTraders } from './stages/attribute-traders';
import { decodeSwaps } from './stages/decode-swaps';
import { firstHop, tradeOfDraft, type DraftTrade } from './stages/draft-trade';
import { groupRoutes } from './stages/group-routes';
import type { ReceiptRejection } from './stages/receipt-rejection';
import type { ReceiptEvidence } from './stages/receipt-evidence';
import { resolvePools } from './stages/resolve-pools';
import type { ResolvedSwap } from './stages/resolved-swap';
import { userOperationsOf } from './user-operations';

export type { ResolvedSwap } from './stages/resolved-swap';
export type { ReceiptRejection } from './stages/receipt-rejection';

export interface ReceiptTrades {
  readonly trades: Trade[];
  readonly retractions: TradeRetraction[];
  readonly rejected: ReceiptRejection[];
  /**
   * Ids of trades held back because a log they may depend on was rejected: published, a partial route would stand
   * for good (the complete one, once the pool is known, has the same id and would be dropped as a duplicate).
   */
  readonly withheld: string[];
  /** Every swap decoded and resolved (each pool hop is a market price, even when a summary is the trade). */
  readonly swaps: ResolvedSwap[];
}

export interface ReceiptContext {
  readonly classifier: LogClassifier;
  readonly pools: PoolTokenDirectory;
}

/**
 * Turns one receipt into the user's trades, in stages that each return new values:
 * decode (`stages/decode-swaps`) → resolve pools (`stages/resolve-pools`) → attribute the trader
 * (`stages/attribute-traders`) → group routes (`stages/group-routes`) → adjusters (`adjusters/trade-adjusters`:
 * the wallet's own flows, native legs, fees beside the route, gas).
 *
 * - Logs marked `removed` (a reorg) produce retractions of the trades the same logs produced when they were live.
 * - A receipt is all or nothing: when a swap log is rejected and no aggregator summary stands for the route, none of
 *   the receipt's trades are produced (they are listed as withheld); resent once the cause is fixed, it produces them
 *   complete under the same ids.
 */
export function tradesFromReceipt(receipt: NormalizedReceipt, context: ReceiptContext): ReceiptTrades {
  if (!receipt.succeeded) return { trades: [], retractions: [], rejected: [], withheld: [], swaps: [] };
  const live = receipt.logs.filter((l) => !l.removed);
  const removed = receipt.logs.filter((l) => l.removed);
  const fromLive = tradesOfLogs(receipt, live, context);
  const fromRemoved = removed.length > 0 ? tradesOfLogs(receipt, removed, context) : undefined;
  const retracted = fromRemoved && fromRemoved.withheld.length === 0 ? fromRemoved.trades : [];
  const retractions: TradeRetraction[] = retracted.map((t) => ({
    kind: 'retraction',
    tradeId: t.tradeId,
    userId: t.userId,
    chainId: t.chainId,
    reason: 'log removed by a chain reorganisation',
    timestamp: t.timestamp,
  }));
  return {
    trades: fromLive.trades,
    retractions,
    rejected: [...fromLive.rejected, ...(fromRemoved?.rejected ?? [])],
    withheld: [...fromLive.withheld, ...(fromRemoved?.withheld ?? [])],
    swaps: fromLive.swaps,
  };
}

function tradesOfLogs(receipt: NormalizedReceipt, logs: readonly RawLog[], context: ReceiptContext) {
  const decoded = decodeSwaps(receipt.chainId, logs, context.classifier, context.pools);
  const transfers = erc20TransfersOf(logs);
  const resolved = resolvePools(receipt.chainId, decoded.swaps, transfers, context);
  const operations = userOperationsOf(logs);
  const executions = accountExecutions(operations, safeExecutionsOf(logs));
  const swaps = attributeTraders(resolved.swaps, executions, receipt.from);
  const grouped = groupRoutes(swaps);
  const evidence: ReceiptEvidence = {
    receipt,
    logs,
    transfers,
    operations,
    executions,
    venues: new Set(swaps.map((s) => s.venue)),
    emitters: new Set(logs.map((log) => log.address)),
    unverifiedSummary: decoded.unverifiedSummaries.length > 0,
  };
  const drafts = TRADE_ADJUSTERS.reduce<readonly DraftTrade[]>((current, adjuster) => adjuster.adjust(current, evidence), grouped.drafts);
  const kept = drafts.filter((draft) => draft.withheldReason === undefined).map((draft) => tradeOfDraft(receipt, draft));
  const heldBack = drafts.filter((draft) => draft.withheldReason !== undefined);
  const rejected = [
    ...decoded.rejected,
    ...resolved.rejected,
    ...grouped.rejected,
    ...heldBack.map((draft) => ({ logIndex: firstHop(draft.route).logIndex, reason: draft.withheldReason ?? '' })),
  ];
  const withheld = heldBack.map((draft) => tradeOfDraft(receipt, draft).tradeId);
  // With summaries present the hops are not counted, so a rejected hop cannot distort a trade; without them it can.
  // An unregistered router's summary is no hop: the wallet's transfers have already confirmed (or held back) the route.
  const blocking = rejected.length - decoded.unverifiedSummaries.length;
  if (blocking > 0 && !grouped.viaSummary) return { trades: [], withheld: drafts.map((draft) => tradeOfDraft(receipt, draft).tradeId), rejected, swaps };
  return { trades: kept, withheld, rejected, swaps };
}
