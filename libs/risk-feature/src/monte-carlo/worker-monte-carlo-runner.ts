import { Worker } from 'node:worker_threads';
import type { VarFiguresFloat } from '@hyperdex/risk-core';
import type { MonteCarloReply, MonteCarloRequest } from './monte-carlo-messages';
import type { MonteCarloJob, MonteCarloRunner } from './monte-carlo-runner';

export interface WorkerMonteCarloRunnerOptions {
  /** Threads in the pool (≥ 1). */
  readonly workers: number;
  /** The worker script: the bundled monte-carlo.worker.js, or the .ts source with a TypeScript loader in execArgv. */
  readonly file: string | URL;
  readonly execArgv?: string[];
}

const MAX_CONSECUTIVE_LOSSES = 3;

interface Pending {
  readonly request: MonteCarloRequest;
  readonly resolve: (figures: VarFiguresFloat) => void;
  readonly reject: (error: Error) => void;
}

/**
 * A small pool of node:worker_threads running Monte Carlo, so 10,000 paths never block the consumer's event loop.
 * Each thread takes one job at a time from a FIFO queue (the caller bounds the queue). A thread that dies rejects its
 * job and is replaced, so one bad run never shrinks the pool.
 */
export class WorkerMonteCarloRunner implements MonteCarloRunner {
  private readonly idle: Worker[] = [];
  private readonly busy = new Map<Worker, Pending>();
  private readonly queue: Pending[] = [];
  private nextId = 1;
  private closed = false;
  /** Threads lost in a row without a run completing; past a few, the script itself is broken (bad path, load error). */
  private consecutiveLosses = 0;
  private broken: Error | null = null;

  constructor(private readonly options: WorkerMonteCarloRunnerOptions) {
    if (!Number.isInteger(options.workers) || options.workers < 1) throw new RangeError('workers must be a positive integer');
    for (let i = 0; i < options.workers; i++) this.spawn();
  }

  run(job: MonteCarloJob): Promise<VarFiguresFloat> {
    if (this.closed) return Promise.reject(new Error('Monte Carlo runner closed'));
    if (this.broken) return Promise.reject(this.broken);
    return new Promise((resolve, reject) => {
      this.queue.push({ request: { id: this.nextId++, job }, resolve, reject });
      this.dispatch();
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    const stopped = new Error('Monte Carlo runner closed');
    for (const pending of this.queue.splice(0)) pending.reject(stopped);
    for (const pending of this.busy.values()) pending.reject(stopped);
    const workers = [...this.idle.splice(0), ...this.busy.keys()];
    this.busy.clear();
    await Promise.all(workers.map((w) => w.terminate()));
  }

  private spawn(): void {
    const worker = new Worker(this.options.file, this.options.execArgv ? { execArgv: this.options.execArgv } : {});
    worker.on('message', (reply: MonteCarloReply) => this.settle(worker, reply));
    worker.on('error', (error) => this.lose(worker, error));
    worker.on('exit', (code) => this.lose(worker, new Error(`Monte Carlo worker exited with code ${code}`)));
    this.idle.push(worker);
    this.dispatch();
  }

  private dispatch(): void {
    while (this.idle.length > 0 && this.queue.length > 0) {
      const worker = this.idle.pop() as Worker;
      const pending = this.queue.shift() as Pending;
      this.busy.set(worker, pending);
      worker.postMessage(pending.request);
    }
  }

  private settle(worker: Worker, reply: MonteCarloReply): void {
    const pending = this.busy.get(worker);
    if (!pending || pending.request.id !== reply.id) return;
    this.busy.delete(worker);
    this.idle.push(worker);
    this.consecutiveLosses = 0;
    if ('error' in reply) pending.reject(new Error(reply.error));
    else pending.resolve(reply.figures);
    this.dispatch();
  }

  /** 'error' and 'exit' both fire for a crashed thread: the first one rejects its job and replaces it. */
  private lose(worker: Worker, error: Error): void {
    if (this.closed) return;
    const pending = this.busy.get(worker);
    const idleAt = this.idle.indexOf(worker);
    if (!pending && idleAt < 0) return;
    this.busy.delete(worker);
    if (idleAt >= 0) this.idle.splice(idleAt, 1);
    pending?.reject(error);
    void worker.terminate();
    if (++this.consecutiveLosses >= MAX_CONSECUTIVE_LOSSES) {
      // Respawning a thread that cannot start would spin forever: fail every run instead, loudly, with the cause.
      this.broken = new Error(`Monte Carlo workers keep failing: ${error.message}`);
      for (const queued of this.queue.splice(0)) queued.reject(this.broken);
      return;
    }
    this.spawn();
  }
}
