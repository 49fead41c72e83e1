/**
 * Fixed-capacity float history: push is O(1) and allocation-free; once full, each push evicts the oldest point.
 * Index 0 is the oldest kept point, `length − 1` the newest.
 */
export class Float64RingBuffer {
  private readonly data: Float64Array;
  private start = 0;
  private count = 0;

  constructor(readonly capacity: number) {
    if (!(Number.isInteger(capacity) && capacity > 0)) throw new Error(`capacity must be a positive integer, got ${capacity}`);
    this.data = new Float64Array(capacity);
  }

  get length(): number {
    return this.count;
  }

  push(value: number): void {
    const end = this.start + this.count;
    this.data[end >= this.capacity ? end - this.capacity : end] = value;
    if (this.count < this.capacity) {
      this.count++;
    } else {
      this.start = this.start + 1 === this.capacity ? 0 : this.start + 1;
    }
  }

  /** The i-th kept point, oldest first; Error outside [0, length). */
  at(index: number): number {
    if (!(index >= 0 && index < this.count)) throw new RangeError(`index ${index} outside [0, ${this.count})`);
    const physical = this.start + index;
    return this.data[physical >= this.capacity ? physical - this.capacity : physical] as number;
  }

  /** The newest point; Error when empty. */
  last(): number {
    return this.at(this.count - 1);
  }

  /** Replaces the newest point (an open bar's close moving tick by tick). */
  replaceLast(value: number): void {
    if (this.count === 0) throw new RangeError('ring buffer is empty');
    const physical = this.start + this.count - 1;
    this.data[physical >= this.capacity ? physical - this.capacity : physical] = value;
  }

  /**
   * Copies the newest `count` points (default all), oldest first, into `out` from offset 0 and returns how many were
   * copied. Two block copies, no per-element branching.
   */
  copyLatestInto(out: Float64Array, count = this.count): number {
    const n = Math.min(count, this.count, out.length);
    const firstLogical = this.count - n;
    let physical = this.start + firstLogical;
    if (physical >= this.capacity) physical -= this.capacity;
    const firstRun = Math.min(n, this.capacity - physical);
    out.set(this.data.subarray(physical, physical + firstRun), 0);
    if (firstRun < n) out.set(this.data.subarray(0, n - firstRun), firstRun);
    return n;
  }

  toArray(): number[] {
    const out = new Float64Array(this.count);
    this.copyLatestInto(out);
    return Array.from(out);
  }

  clear(): void {
    this.start = 0;
    this.count = 0;
  }
}
