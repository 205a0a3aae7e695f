// Work a process runs outside any request (an import job): graceful shutdown waits for it to end,
// after telling it to stop through the shutdown signal, before the database closes under it.
export class BackgroundWork {
  private readonly running = new Set<Promise<unknown>>();

  /** Counts `work` until it settles; returns it. */
  track<T>(work: Promise<T>): Promise<T> {
    this.running.add(work);
    void work.then(
      () => this.running.delete(work),
      () => this.running.delete(work),
    );
    return work;
  }

  /** Resolves once every tracked piece of work (including any started meanwhile) has settled. */
  async settled(): Promise<void> {
    while (this.running.size > 0) await Promise.allSettled([...this.running]);
  }
}
