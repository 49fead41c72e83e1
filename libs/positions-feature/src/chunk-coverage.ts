import type { ExposureCause } from '@hyperdex/contracts';
import type { MessageContext } from '@hyperdex/messaging';

export interface UserCoverage {
  /** Every event of the user in the chunk, in order applied (duplicates included). */
  readonly causes: ExposureCause[];
  /** The record of the user's last event: the update continues its trace. */
  lastContext: MessageContext;
}

/** What each user's one update for a chunk covers, users in order of first appearance. */
export class ChunkCoverage {
  private readonly byUser = new Map<string, UserCoverage>();

  add(userId: string, cause: ExposureCause, context: MessageContext): void {
    const covered = this.byUser.get(userId);
    if (!covered) {
      this.byUser.set(userId, { causes: [cause], lastContext: context });
      return;
    }
    covered.causes.push(cause);
    covered.lastContext = context;
  }

  entries(): IterableIterator<[string, UserCoverage]> {
    return this.byUser.entries();
  }
}
