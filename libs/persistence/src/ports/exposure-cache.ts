import type { ExposureUpdate } from '@hyperdex/contracts';

/**
 * The latest exposure snapshot of each user, written by positions and read by the gateway. Newest wins: a late
 * write of an older snapshot (a redelivery, a slower writer) never replaces a newer one.
 */
export abstract class ExposureCache {
  abstract put(snapshot: ExposureUpdate): Promise<void>;

  /** Many users at once; of two snapshots of one user in a call, the newer stands. */
  abstract putMany(snapshots: readonly ExposureUpdate[]): Promise<void>;

  /** Null when the user has no snapshot. */
  abstract get(userId: string): Promise<ExposureUpdate | null>;
}
