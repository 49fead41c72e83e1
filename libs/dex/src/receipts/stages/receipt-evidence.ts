import type { Address } from 'viem';
import type { RawLog } from '../../core/raw-log';
import type { Erc20Transfer } from '../erc20-transfers';
import type { NormalizedReceipt } from '../normalized-receipt';
import type { UserOperation } from '../user-operations';
import type { AccountExecution } from './account-executions';

/** What the adjusters may read of the receipt besides the drafts: read once, shared by every adjuster. */
export interface ReceiptEvidence {
  readonly receipt: NormalizedReceipt;
  /** The logs the drafts come from (the live ones, or the removed ones when a reorg retracts them). */
  readonly logs: readonly RawLog[];
  readonly transfers: readonly Erc20Transfer[];
  readonly operations: readonly UserOperation[];
  readonly executions: readonly AccountExecution[];
  /** Every pool and settlement contract of the receipt's resolved swaps. */
  readonly venues: ReadonlySet<Address>;
  /** Every address that emitted a log. */
  readonly emitters: ReadonlySet<Address>;
  /** A route summary from an unregistered router was set aside: only the wallet's own transfers can confirm a trade. */
  readonly unverifiedSummary: boolean;
}
