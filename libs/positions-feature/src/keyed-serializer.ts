/**
 * Runs tasks for the same key one after another (a user's trade and a price revaluation never interleave),
 * while different keys proceed in parallel.
 */
export class KeyedSerializer {
  private readonly tails = new Map<string, Promise<void>>();

  run<T>(key: string, task: () => Promise<T>): Promise<T> {
    return this.runAll([key], task);
  }

  /**
   * Runs a task once every earlier task of any of its keys has finished, and holds all those keys until it ends
   * (a chunk of many users' events, a revaluation of many users). Never deadlocks: the task is chained after the
   * current tails, which are all registered at once, so no two tasks can wait for each other.
   */
  runAll<T>(keys: readonly string[], task: () => Promise<T>): Promise<T> {
    const unique = [...new Set(keys)];
    const previous = Promise.all(unique.map((key) => this.tails.get(key)));
    const next = previous.then(task);
    const tail = next.then(
      () => undefined,
      () => undefined,
    );
    for (const key of unique) this.tails.set(key, tail);
    void tail.then(() => {
      for (const key of unique) if (this.tails.get(key) === tail) this.tails.delete(key);
    });
    return next;
  }
}
