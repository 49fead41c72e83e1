import { Injectable } from '@nestjs/common';
import type { ExposureUpdate } from '@hyperdex/contracts';
import { ExposureCache } from '../ports/exposure-cache';

/** The exposure cache in this process's memory, for the embedded mode where positions and gateway share a process. */
@Injectable()
export class InProcessExposureCache extends ExposureCache {
  private readonly snapshots = new Map<string, ExposureUpdate>();

  async put(snapshot: ExposureUpdate): Promise<void> {
    await this.putMany([snapshot]);
  }

  async putMany(snapshots: readonly ExposureUpdate[]): Promise<void> {
    for (const snapshot of snapshots) {
      const current = this.snapshots.get(snapshot.userId);
      if (current && current.asOf > snapshot.asOf) continue;
      // A copy, so a caller mutating its object afterwards cannot change what readers see.
      this.snapshots.set(snapshot.userId, structuredClone(snapshot));
    }
  }

  async get(userId: string): Promise<ExposureUpdate | null> {
    const snapshot = this.snapshots.get(userId);
    return snapshot ? structuredClone(snapshot) : null;
  }
}
