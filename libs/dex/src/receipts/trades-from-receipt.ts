import type { Address } from 'viem';
import type { Trade, TradeFee, TradeRetraction } from '@hyperdex/contracts';
import type { DecodedSwap } from '../core/decoded-swap';
import type { DexFamilyId } from '../core/family-id';
import type { RawLog } from '../core/raw-log';
import { NATIVE_TOKEN } from '../families/shared/swap-result';
import type { PoolTokenDirectory } from '../pools/pool-token-directory';
import type { LogClassifier } from '../registry/log-classifier';
import { erc20TransfersOf, netFlowsOf, type Erc20Transfer } from './erc20-transfers';
import { cutBeforeUnwrap, feesBesideRoute, type Participants } from './fees-beside-route';
import { isNativeLeg, nativeWrapsOf, sum, type NativeWraps } from './native-legs';
import { safeExecutionsOf, type SafeExecution } from './safe-executions';
import { userOperationsOf, type UserOperation } from './user-operations';
import type { NormalizedReceipt } from './normalized-receipt';

/** A swap with its tokens resolved and its trader attributed: one leg of what the user did in the transaction. */
export interface ResolvedSwap {
  readonly logIndex: number;
  readonly dexId: string;
  readonly level: 'pool' | 'aggregator';
  readonly user: Address;
  readonly venue: Address;
  readonly tokenIn: Address;
  readonly amountIn: bigint;
  readonly tokenOut: Address;
  readonly amountOut: bigint;
  readonly eventSender?: Address;
  readonly eventRecipient?: Address;
  /** A fee the event reports inside `amountIn` (CoW `feeAmount`), with its token resolved. */
  readonly fee?: { readonly token: Address; readonly amount: bigint };
}

export interface ReceiptRejection {
  readonly logIndex: number;
  readonly reason: string;
}

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
 * Turns one receipt into the user's trades.
 *
 * - Every swap log is classified and decoded; what cannot be (impostor emitters, bad layouts, pools whose tokens are
 *   unknown) is rejected with its reason — nothing is dropped silently.
 * - The trader is the one the event names (CoW owner, 0x taker, aggregator sender), else the Safe or the ERC-4337
 *   UserOperation's account whose execution emitted the swap, else tx.from. A self-paying UserOperation account's
 *   `actualGasCost` is a gas fee of its first trade.
 * - Per trader: when the transaction carries aggregator summaries, they are the trades and the pool hops are not
 *   counted again; otherwise the pool hops are netted so intermediate tokens cancel and one route is one trade, with
 *   id `chainId:txHash:<first hop logIndex>` and every hop in `origin.logIndexes`. Routes that do not net to one token
 *   in and one out (two independent swaps, fee-on-transfer residue) stay one trade per hop. A summary traded by
 *   another summary's venue (an aggregator called by the CoW settlement) is that summary's execution: not counted.
 * - A user's single route whose hops never reach the user (an undecoded venue swapped a leg) takes the side the user's
 *   own ERC-20 transfers show, when exactly one token outside the route explains it (`origin.completedFromTransfers`).
 * - The sender's route that starts (ends) with the wrapped native coin a router wrapped (unwrapped) for them, exactly,
 *   books the native coin: that is what left (reached) their wallet.
 * - A pool classified by its topic0 alone is attributed to the registered factory that places it (CREATE2), once its
 *   tokens are known; otherwise its trades carry the family's unattributed dex id.
 * - Gas (gasUsed × effectiveGasPrice, native coin) is a fee of the sender's first trade.
 * - Logs marked `removed` (a reorg) produce retractions of the trades the same logs produced when they were live.
 * - A receipt is all or nothing: when a swap log is rejected and no aggregator summary stands for the route, none of
 *   the receipt's trades are produced (they are listed as withheld); resent once the cause is fixed, it produces them
 *   complete under the same ids.
 */
export function tradesFromReceipt(receipt: NormalizedReceipt, context: ReceiptContext): ReceiptTrades {
  if (!receipt.succeeded) return { trades: [], retractions: [], rejected: [], withheld: [], swaps: [] };
  const live = receipt.logs.filter((l) => !l.removed);
  const removed = receipt.logs.filter((l) => l.removed);
  const fromLive = buildTrades(receipt, live, context);
  const fromRemoved = removed.length > 0 ? buildTrades(receipt, removed, context) : undefined;
  const retractions: TradeRetraction[] = (fromRemoved && fromRemoved.withheld.length === 0 ? fromRemoved.trades : []).map((t) => ({
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

function buildTrades(receipt: NormalizedReceipt, logs: readonly RawLog[], { classifier, pools }: ReceiptContext) {
  const rejected: ReceiptRejection[] = [];
  const decoded: Array<{ swap: DecodedSwap; dexId: string; family: DexFamilyId; byTopicOnly: boolean }> = [];
  for (const log of logs) {
    const { classification, result } = classifier.decode(receipt.chainId, log);
    if (classification.kind === 'ignored') continue;
    if (classification.kind === 'rejected') {
      rejected.push({ logIndex: log.logIndex, reason: classification.reason });
      continue;
    }
    if (!result) continue;
    if (result.kind === 'rejected') rejected.push({ logIndex: log.logIndex, reason: result.reason });
    else if (result.kind === 'pool-tokens') pools.learn({ ...result.pool, tokens: result.tokens, source: 'initialize' });
    else decoded.push({ swap: result, dexId: classification.dexId, family: classification.family, byTopicOnly: classification.source === 'topic0' });
  }

  const transfers = erc20TransfersOf(logs);
  const operations = userOperationsOf(logs);
  const executions = accountExecutions(operations, safeExecutionsOf(logs));
  const resolved: ResolvedSwap[] = [];
  for (const { swap, dexId: classifiedAs, family, byTopicOnly } of decoded) {
    learnFromTransfers(swap, transfers, pools);
    const dexId = (byTopicOnly && attributeByFactory(swap, family, classifier, pools)) || classifiedAs;
    const tokenIn = pools.resolve(swap.pool, swap.tokenIn);
    const tokenOut = pools.resolve(swap.pool, swap.tokenOut);
    const feeToken = swap.fee ? pools.resolve(swap.pool, swap.fee.token) : undefined;
    if (!tokenIn || !tokenOut || (swap.fee && !feeToken)) {
      rejected.push({
        logIndex: swap.logIndex,
        reason: `unknown pool ${swap.pool.address}${swap.pool.poolId ? ` (${swap.pool.poolId})` : ''} on chain ${receipt.chainId}: its tokens are neither registered nor proven by this receipt's transfers`,
      });
      continue;
    }
    resolved.push({
      logIndex: swap.logIndex,
      dexId,
      level: swap.level,
      // A Safe's or a bundled UserOperation's swaps are that account's, not those of whoever sent the transaction.
      user: (swap.trader ?? executingAccountAt(executions, swap.logIndex) ?? receipt.from).toLowerCase() as Address,
      venue: swap.settledBy ?? swap.pool.address,
      tokenIn: nativeAsConvention(tokenIn),
      amountIn: swap.amountIn,
      tokenOut: nativeAsConvention(tokenOut),
      amountOut: swap.amountOut,
      ...(swap.eventSender ? { eventSender: swap.eventSender.toLowerCase() as Address } : {}),
      ...(swap.eventRecipient ? { eventRecipient: swap.eventRecipient.toLowerCase() as Address } : {}),
      ...(swap.fee && feeToken ? { fee: { token: nativeAsConvention(feeToken), amount: swap.fee.amount } } : {}),
    });
  }

  const trades: Trade[] = [];
  // Aggregator summaries (0x, 1inch/Kyber, CoW) describe the route their pool hops executed, often for another user
  // than tx.from (taker, owner): when a transaction has them, they are its trades and the hops are not counted again.
  const summaries = outerSummaries(resolved.filter((s) => s.level === 'aggregator'));
  const counted = summaries.length > 0 ? summaries : resolved;
  const users = [...new Set(counted.map((s) => s.user))];
  const venues = new Set(resolved.map((s) => s.venue));
  const emitters = new Set(logs.map((log) => log.address));
  for (const user of users) {
    const mine = counted.filter((s) => s.user === user);
    const legs = summaries.length > 0 ? mine.map((s) => [s]) : routesOf(mine);
    // Only a user's one route can be checked against their transfers: two routes' flows would mix.
    const flows = summaries.length === 0 && legs.length === 1 ? netFlowsOf(user, transfers) : undefined;
    // Native coin only moves with the transaction's sender or a UserOperation's account; summaries already name it.
    const native = summaries.length === 0 ? senderNative(receipt, user, logs, transfers, executions, { user, venues, emitters }) : undefined;
    for (const route of legs) {
      const trade = tradeOf(receipt, user, route, flows, native);
      if (trade === null) {
        rejected.push({ logIndex: route[0]?.logIndex ?? -1, reason: 'the route nets to nothing (every token in came back out)' });
        continue;
      }
      // One trade's sides can be compared with the user's wallet; two trades' flows would mix.
      if (legs.length === 1) attachFeesBesideRoute(trade, transfers, venues, emitters);
      trades.push(trade);
    }
  }
  attachGas(receipt, trades);
  attachOperationGas(operations, trades);
  // With summaries present the hops are not counted, so a rejected hop cannot distort a trade; without them it can.
  if (rejected.length > 0 && summaries.length === 0) return { trades: [], withheld: trades.map((t) => t.tradeId), rejected, swaps: resolved };
  return { trades, withheld: [], rejected, swaps: resolved };
}

/**
 * Pool hops as routes: a chain (each hop pays in what the previous one paid out) is one route from the first hop's
 * input to the last hop's output — a fee-on-transfer token taxed between hops is lost to the user, not a position;
 * hops that net to one token in and one out (split routes) are one route; anything else is one route per hop.
 */
function routesOf(hops: readonly ResolvedSwap[]): ResolvedSwap[][] {
  if (hops.length <= 1) return hops.map((h) => [h]);
  const ordered = [...hops].sort((a, b) => a.logIndex - b.logIndex);
  if (ordered.every((h, i) => i === 0 || ordered[i - 1]?.tokenOut === h.tokenIn) && ordered[0]?.tokenIn !== ordered[ordered.length - 1]?.tokenOut) {
    return [ordered];
  }
  const net = netDeltas(hops);
  const ins = [...net].filter(([, d]) => d < 0n);
  const outs = [...net].filter(([, d]) => d > 0n);
  if (ins.length === 1 && outs.length === 1) return [[...hops]];
  return hops.map((h) => [h]);
}

function netDeltas(hops: readonly ResolvedSwap[]): Map<Address, bigint> {
  const net = new Map<Address, bigint>();
  for (const h of hops) {
    net.set(h.tokenIn, (net.get(h.tokenIn) ?? 0n) - h.amountIn);
    net.set(h.tokenOut, (net.get(h.tokenOut) ?? 0n) + h.amountOut);
  }
  return net;
}

/**
 * A summary whose trader is another summary's venue — a CoW settlement calling an aggregator router for its solver —
 * is how that summary was executed, not a trade of the settlement contract.
 */
function outerSummaries(summaries: readonly ResolvedSwap[]): ResolvedSwap[] {
  const venues = new Set(summaries.map((s) => s.venue));
  return summaries.filter((s) => !venues.has(s.user));
}

type Side = readonly [Address, bigint];

/**
 * When a route's decoded hops are not the whole route — an RFQ maker or an undecoded venue swapped the last (first)
 * leg — the user never receives (pays) the token the hops end (start) with; what they did receive (pay) instead is in
 * their transfers. The side is replaced only when that is unambiguous: the hop token never reached (left) the user and
 * exactly one token outside the route did. Native coin moves leave no Transfer log, so they never trigger this.
 */
function completeFromTransfers(route: readonly ResolvedSwap[], tokenIn: Side, tokenOut: Side, flows: Map<Address, bigint>) {
  const routeTokens = new Set(route.flatMap((h) => [h.tokenIn, h.tokenOut]));
  const outside = [...flows].filter(([token]) => !routeTokens.has(token));
  const received = outside.filter(([, flow]) => flow > 0n);
  const paid = outside.filter(([, flow]) => flow < 0n);
  const outSide: Side | undefined = (flows.get(tokenOut[0]) ?? 0n) <= 0n && received.length === 1 ? received[0] : undefined;
  const inSide = (flows.get(tokenIn[0]) ?? 0n) >= 0n && paid.length === 1 ? paid[0] : undefined;
  return {
    tokenIn: inSide ?? tokenIn,
    tokenOut: outSide ?? tokenOut,
    completed: outSide !== undefined || inSide !== undefined,
  };
}

/** The sender's wrapped-native flow beside the receipt's wraps: what decides whether a route's WETH leg was their ETH. */
interface SenderNative {
  readonly wraps: NativeWraps;
  readonly senderFlow: bigint;
  /** The cut a router kept in the wrapper before unwrapping the rest of `delivered` (paid out by `venue`) for the user. */
  readonly cutBeforeUnwrap: (delivered: bigint, venue: Address) => bigint | undefined;
}

function tradeOf(receipt: NormalizedReceipt, user: Address, route: readonly ResolvedSwap[], flows?: Map<Address, bigint>, native?: SenderNative): Trade | null {
  const first = route.reduce((a, b) => (b.logIndex < a.logIndex ? b : a));
  const last = route.reduce((a, b) => (b.logIndex > a.logIndex ? b : a));
  const chained = route.length > 1 && route.every((h, i) => i === 0 || route[i - 1]?.tokenOut === h.tokenIn);
  const net = chained
    ? new Map<Address, bigint>([[first.tokenIn, -first.amountIn], [last.tokenOut, last.amountOut]])
    : netDeltas(route);
  const hopIn = [...net].find(([, d]) => d < 0n);
  const hopOut = [...net].find(([, d]) => d > 0n);
  if (!hopIn || !hopOut) return null;
  const completion = flows ? completeFromTransfers(route, hopIn, hopOut, flows) : undefined;
  // Flows and hop deltas share a sign convention (negative = paid), so either side can stand in for the other.
  const [routeIn, paid] = completion?.tokenIn ?? hopIn;
  const [routeOut, received] = completion?.tokenOut ?? hopOut;
  // A router that wrapped the sender's coin (unwrapped it for them) leaves WETH in the hops; the sender moved the coin.
  const asNative = (token: Address, side: 'in' | 'out', amount: bigint): Address =>
    native && token === native.wraps.wrapped && isNativeLeg(side, amount, native.senderFlow, native.wraps) ? (NATIVE_TOKEN as Address) : token;
  const tokenIn: Side = [asNative(routeIn, 'in', -paid), paid];
  // What the router unwrapped for the sender after keeping its cut in WETH reached them as the coin, less that cut.
  const cut = native && routeOut === native.wraps.wrapped && native.senderFlow <= 0n && asNative(routeOut, 'out', received) === routeOut
    ? native.cutBeforeUnwrap(received, last.venue)
    : undefined;
  const tokenOut: Side = [cut === undefined ? asNative(routeOut, 'out', received) : (NATIVE_TOKEN as Address), received];
  // A fee the event counts inside amountIn (CoW) is not exchanged: the trade contract wants it on top of amountIn.
  const fee = route.length === 1 ? first.fee : undefined;
  const feeInside = fee !== undefined && fee.token === tokenIn[0] && fee.amount > 0n && fee.amount < -tokenIn[1] ? fee.amount : 0n;
  // A fee the event could not have taken out of amountIn (another token) is still paid on top; one that would empty
  // amountIn is left inside it rather than counted twice.
  const fees: TradeFee[] = [
    ...(fee && (feeInside > 0n || (fee.amount > 0n && fee.token !== tokenIn[0])) ? [{ kind: 'protocol' as const, token: fee.token, amount: fee.amount.toString() }] : []),
    ...(cut !== undefined ? [{ kind: 'other' as const, token: NATIVE_TOKEN, amount: cut.toString() }] : []),
  ];
  return {
    kind: 'swap',
    tradeId: `${receipt.chainId}:${receipt.transactionHash}:${first.logIndex}`,
    userId: user,
    chainId: receipt.chainId,
    dex: first.dexId,
    tokenIn: tokenIn[0],
    tokenOut: tokenOut[0],
    amountIn: (-tokenIn[1] - feeInside).toString(),
    amountOut: tokenOut[1].toString(),
    ...(fees.length > 0 ? { fees } : {}),
    timestamp: receipt.timestampMs,
    origin: {
      txHash: receipt.transactionHash,
      blockNumber: receipt.blockNumber,
      logIndexes: route.map((s) => s.logIndex).sort((a, b) => a - b),
      txFrom: receipt.from,
      ...(first.eventSender ? { eventSender: first.eventSender } : {}),
      ...(last.eventRecipient ? { eventRecipient: last.eventRecipient } : {}),
      venues: [...new Set(route.map((s) => s.venue))],
      ...(completion?.completed ? { completedFromTransfers: true } : {}),
    },
  };
}

/**
 * What decides whether a route's wrapped-native leg was the user's own coin: the wraps the user's execution made (the
 * whole receipt for tx.from, the operation's own logs for a bundled account) and the user's wrapper flow.
 */
function senderNative(
  receipt: NormalizedReceipt,
  user: Address,
  logs: readonly RawLog[],
  transfers: readonly Erc20Transfer[],
  executions: readonly AccountExecution[],
  participants: Participants,
): SenderNative | undefined {
  const own = executions.filter((run) => run.account === user);
  if (own.length === 0 && user !== receipt.from) return undefined;
  const scope = own.length === 0 ? logs : logs.filter((log) => own.some((run) => log.logIndex > run.after && log.logIndex < run.at));
  const inScope = new Set(scope.map((log) => log.logIndex));
  const wraps = nativeWrapsOf(receipt.chainId, scope, transfers.filter((t) => inScope.has(t.logIndex)));
  if (!wraps) return undefined;
  const unwrapped = sum(wraps.unwraps);
  return {
    wraps,
    senderFlow: netFlowsOf(user, transfers).get(wraps.wrapped) ?? 0n,
    cutBeforeUnwrap: (delivered, venue) => {
      const receivers = new Set(transfers.filter((t) => t.token === wraps.wrapped && t.from === venue).map((t) => t.to));
      return cutBeforeUnwrap(wraps.wrapped, delivered, unwrapped, receivers, participants, transfers);
    },
  };
}

/** A span of the receipt a smart account (a Safe, a UserOperation's account) executed itself. */
interface AccountExecution {
  readonly account: Address;
  readonly after: number;
  readonly at: number;
}

const accountExecutions = (operations: readonly UserOperation[], safes: readonly SafeExecution[]): AccountExecution[] => [
  ...safes.map((run) => ({ account: run.safe, after: run.after, at: run.at })),
  ...operations.map((op) => ({ account: op.sender, after: op.after, at: op.at })),
];

/** The innermost account executing at `logIndex`: a Safe's run nests inside an operation, so it is tried first. */
const executingAccountAt = (executions: readonly AccountExecution[], logIndex: number): Address | undefined =>
  executions.find((run) => logIndex > run.after && logIndex < run.at)?.account;

/** A bundled account that paid its own gas (no paymaster) paid `actualGasCost`: a fee of its first trade. */
function attachOperationGas(operations: readonly UserOperation[], trades: Trade[]): void {
  const owed = new Map<Address, bigint>();
  for (const op of operations) if (op.selfPaid && op.actualGasCost > 0n) owed.set(op.sender, (owed.get(op.sender) ?? 0n) + op.actualGasCost);
  for (const [sender, amount] of owed) {
    const first = trades.find((t) => t.userId === sender);
    if (first) first.fees = [...(first.fees ?? []), { kind: 'gas', token: NATIVE_TOKEN, amount: amount.toString() }];
  }
}

/** What a router, interface or relayer took beside the route is the user's cost too (see `feesBesideRoute`). */
function attachFeesBesideRoute(trade: Trade, transfers: readonly Erc20Transfer[], venues: ReadonlySet<Address>, emitters: ReadonlySet<Address>): void {
  const feesInTokenIn = (trade.fees ?? []).filter((f) => f.token === trade.tokenIn).reduce((sum, f) => sum + BigInt(f.amount), 0n);
  const beside = feesBesideRoute(
    {
      user: trade.userId as Address,
      tokenIn: trade.tokenIn as Address,
      spentIn: BigInt(trade.amountIn) + feesInTokenIn,
      tokenOut: trade.tokenOut as Address,
      deliveredOut: BigInt(trade.amountOut),
      venues,
      emitters,
    },
    transfers,
  );
  if (beside.length === 0) return;
  trade.fees = [...(trade.fees ?? []), ...beside.map((fee) => ({ kind: 'other' as const, token: fee.token, amount: fee.amount.toString() }))];
}

/** The sender paid the gas: it is a fee of their first trade in the transaction (once per transaction). */
function attachGas(receipt: NormalizedReceipt, trades: Trade[]): void {
  if (receipt.gasFeeWei === null || receipt.gasFeeWei <= 0n) return;
  const first = trades.find((t) => t.userId === receipt.from);
  if (first) first.fees = [...(first.fees ?? []), { kind: 'gas', token: NATIVE_TOKEN, amount: receipt.gasFeeWei.toString() }];
}

/**
 * A pool names its tokens by slot; the receipt's ERC-20 transfers prove them: the token that reached the pool with
 * exactly `amountIn`, and the one that left it with exactly `amountOut`. Singleton pools (V4, Balancer) are skipped:
 * their transfers mix every pool they hold. A Balancer V3 buffer's asset is proven by one transfer of exactly the
 * amount into (out of) the Vault.
 */
function learnFromTransfers(swap: DecodedSwap, transfers: readonly Erc20Transfer[], pools: PoolTokenDirectory): void {
  if (swap.pool.poolId !== undefined) return;
  const counterparty = swap.settledBy ?? swap.pool.address;
  const slots: Array<{ slot: number; underlying: boolean; token: Address }> = [];
  // A token proves a slot when its transfers into (out of) the pool sum to exactly the swap's amount: a single
  // transfer, or several when a fee-on-transfer token splits one payment (part burnt, part forwarded).
  const prove = (ref: DecodedSwap['tokenIn'], amount: bigint, side: (t: Erc20Transfer) => boolean) => {
    if ('address' in ref || pools.resolve(swap.pool, ref)) return;
    const sums = new Map<Address, bigint>();
    // A pool's own token (LP share, ERC-4626 wrapper) is never one of its swap slots.
    const candidates = transfers.filter((t) => side(t) && t.token !== swap.pool.address);
    for (const t of candidates) sums.set(t.token, (sums.get(t.token) ?? 0n) + t.value);
    const singles = new Set(candidates.filter((t) => t.value === amount).map((t) => t.token));
    // Through a Vault the transfers of many hops mix: only one transfer of exactly the amount is proof there.
    const sumsProve = swap.settledBy === undefined;
    const matching = singles.size > 0 || !sumsProve ? [...singles] : [...sums].filter(([, sum]) => sum === amount).map(([token]) => token);
    const [token] = matching;
    if (token !== undefined && matching.length === 1) slots.push({ slot: ref.slot, underlying: ref.underlying === true, token });
  };
  prove(swap.tokenIn, swap.amountIn, (t) => t.to === counterparty);
  prove(swap.tokenOut, swap.amountOut, (t) => t.from === counterparty);
  if (slots.length === 0) return;
  const tokens: (Address | null)[] = [];
  const underlying: (Address | null)[] = [];
  for (const s of slots) (s.underlying ? underlying : tokens)[s.slot] = s.token;
  pools.learn({
    chainId: swap.pool.chainId,
    address: swap.pool.address,
    tokens: Array.from(tokens, (t) => t ?? null),
    underlying: Array.from(underlying, (t) => t ?? null),
    source: 'receipt-transfers',
  });
}

/**
 * A pool known only by its topic0 whose tokens are now known: the registered factory that places it at this address
 * (CREATE2) names its DEX, and the pool is remembered so its next logs classify as that DEX from the start.
 */
function attributeByFactory(swap: DecodedSwap, family: DexFamilyId, classifier: LogClassifier, pools: PoolTokenDirectory): string | undefined {
  if (swap.pool.poolId !== undefined) return undefined;
  const known = pools.get(swap.pool);
  if (!known) return undefined;
  if (known.dexId) return known.dexId;
  const dexId = classifier.attributePool(swap.pool.chainId, family, swap.pool.address, known.tokens);
  if (dexId) pools.learn({ chainId: swap.pool.chainId, address: swap.pool.address, dexId, tokens: [], source: 'create2' });
  return dexId;
}

/** V4 reports the native coin as address(0); the trades contract, like Curve, 0x and CoW, writes 0xEeee…EEeE. */
const nativeAsConvention = (token: Address): Address =>
  token === '0x0000000000000000000000000000000000000000' ? (NATIVE_TOKEN as Address) : token;
