/** Records bound for one topic, as one produce request carries them. */
export interface TopicBatch<M> {
  topic: string;
  messages: M[];
}

export interface SendCoalescerOptions {
  /** Produce requests allowed in flight at once; further records wait and leave together in the next one. */
  maxInFlight: number;
  /** How long the first waiting record may wait for company when nothing is in flight (0: leave at once). */
  lingerMs: number;
  /** Records per request at most; a larger queue leaves in several requests. */
  maxRecords: number;
}

interface Waiting<M> {
  batches: ReadonlyArray<TopicBatch<M>>;
  count: number;
  resolve: () => void;
  reject: (error: unknown) => void;
}

/**
 * Merges concurrent publishes into few produce requests, Nagle-style: while `maxInFlight` requests are out, new
 * records queue, and everything queued leaves together when one comes back. Under light load a record leaves at
 * once; under heavy load requests grow instead of multiplying. Each caller resolves when the request carrying its
 * records is acknowledged, or rejects with that request's error (nothing of a rejected request may be assumed sent).
 * Callers that need order between their records await one publish before the next, so requests in flight at once
 * never carry two records whose order matters.
 */
export class SendCoalescer<M> {
  private queue: Array<Waiting<M>> = [];
  private queued = 0;
  private inFlight = 0;
  private lingerTimer: NodeJS.Timeout | null = null;
  private scheduled = false;

  constructor(
    private readonly send: (batches: Array<TopicBatch<M>>) => Promise<void>,
    private readonly options: SendCoalescerOptions,
  ) {
    if (!(Number.isInteger(options.maxInFlight) && options.maxInFlight >= 1)) throw new RangeError('maxInFlight must be a positive integer');
    if (!(Number.isInteger(options.maxRecords) && options.maxRecords >= 1)) throw new RangeError('maxRecords must be a positive integer');
  }

  enqueue(batches: ReadonlyArray<TopicBatch<M>>): Promise<void> {
    const count = batches.reduce((n, b) => n + b.messages.length, 0);
    if (count === 0) return Promise.resolve();
    return new Promise<void>((resolve, reject) => {
      this.queue.push({ batches, count, resolve, reject });
      this.queued += count;
      this.schedule();
    });
  }

  /** Records waiting for a request (a gauge for operators). */
  get pending(): number {
    return this.queued;
  }

  private schedule(): void {
    if (this.queued >= this.options.maxRecords) return this.pump();
    if (this.options.lingerMs > 0 && this.inFlight === 0) {
      this.lingerTimer ??= setTimeout(() => {
        this.lingerTimer = null;
        this.pump();
      }, this.options.lingerMs);
      return;
    }
    // Publishes made in the same tick (several partitions finishing together) share one request.
    if (this.scheduled) return;
    this.scheduled = true;
    queueMicrotask(() => {
      this.scheduled = false;
      this.pump();
    });
  }

  private pump(): void {
    while (this.inFlight < this.options.maxInFlight && this.queue.length > 0) {
      if (this.lingerTimer) {
        clearTimeout(this.lingerTimer);
        this.lingerTimer = null;
      }
      const taken = this.take();
      this.inFlight++;
      void this.dispatch(taken);
    }
  }

  /** Takes whole publishes from the head of the queue up to maxRecords (a single larger publish goes alone). */
  private take(): Array<Waiting<M>> {
    const taken: Array<Waiting<M>> = [];
    let count = 0;
    while (this.queue.length > 0) {
      const next = this.queue[0] as Waiting<M>;
      if (taken.length > 0 && count + next.count > this.options.maxRecords) break;
      taken.push(next);
      this.queue.shift();
      count += next.count;
    }
    this.queued -= count;
    return taken;
  }

  private async dispatch(taken: Array<Waiting<M>>): Promise<void> {
    const byTopic = new Map<string, M[]>();
    for (const waiting of taken) {
      for (const batch of waiting.batches) {
        let messages = byTopic.get(batch.topic);
        if (!messages) byTopic.set(batch.topic, (messages = []));
        for (const m of batch.messages) messages.push(m);
      }
    }
    try {
      await this.send([...byTopic].map(([topic, messages]) => ({ topic, messages })));
      for (const w of taken) w.resolve();
    } catch (error) {
      for (const w of taken) w.reject(error);
    } finally {
      this.inFlight--;
      if (this.queue.length > 0) this.pump();
    }
  }
}
