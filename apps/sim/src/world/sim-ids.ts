import crypto from 'node:crypto';
import type { SimRandom } from './sim-random';

type Uuid = ReturnType<typeof crypto.randomUUID>;

/**
 * The services name events with crypto.randomUUID (exposure updates, risk metrics). While a seed runs, ids come from
 * the seed's own generator instead, so the same seed publishes the same bytes.
 */
export class SimIds {
  private original: typeof crypto.randomUUID | null = null;

  constructor(private readonly random: SimRandom) {}

  install(): void {
    if (this.original) return;
    this.original = crypto.randomUUID;
    crypto.randomUUID = () => this.next();
  }

  uninstall(): void {
    if (this.original) crypto.randomUUID = this.original;
    this.original = null;
  }

  private next(): Uuid {
    const hex = Array.from({ length: 32 }, () => Math.floor(this.random.next() * 16).toString(16)).join('');
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}` as Uuid;
  }
}
