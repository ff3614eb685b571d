interface Waiter {
  priority: number;
  seq: number;
  resolve: () => void;
}

/**
 * Shares the event loop between the handlers of several partitions. Handler work is cut into
 * slices; a slice runs only while holding the turn. Slices run back to back until `budgetMs` has
 * passed since the loop last got a chance to run I/O; then the next slice waits for the next loop
 * iteration, so that network callbacks (a produce response, the next step of a transaction) are
 * never held up for longer than about one budget.
 *
 * The waiter with the lowest `priority` goes first: the transport passes the batch's arrival
 * order, so the batch that started first also finishes its CPU work first and its transaction
 * reaches the broker while later batches are still being handled. Round-robin would have every
 * batch finish at the same moment and leave the broker idle until then.
 */
export class EventLoopTurns {
  private readonly waiting: Waiter[] = [];
  private held = false;
  private scheduled = false;
  private seq = 0;
  // when the current run of slices began, right after the loop last ran I/O
  private runStarted = -Infinity;

  constructor(private readonly budgetMs: number) {}

  /** Resolves when the caller holds the turn; it must `release()` it after its slice. */
  acquire(priority: number): Promise<void> {
    if (!this.held && this.waiting.length === 0 && !this.overBudget()) {
      this.held = true;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      this.waiting.push({ priority, seq: this.seq++, resolve });
      this.schedule();
    });
  }

  release(): void {
    this.held = false;
    if (this.waiting.length > 0 && !this.overBudget()) {
      this.grant();
    } else {
      this.schedule();
    }
  }

  private overBudget(): boolean {
    return performance.now() - this.runStarted >= this.budgetMs;
  }

  private schedule(): void {
    if (this.scheduled || this.held || this.waiting.length === 0) {
      return;
    }
    this.scheduled = true;
    // An immediate queued from inside an immediate or from I/O runs on the next loop iteration,
    // after the poll phase has delivered pending I/O: that is the point of the turn.
    setImmediate(() => {
      this.scheduled = false;
      if (!this.held && this.waiting.length > 0) {
        this.runStarted = performance.now();
        this.grant();
      }
    });
  }

  // A handful of waiters at most (one per partition processed concurrently): a scan is enough.
  private grant(): void {
    let best = 0;
    for (let i = 1; i < this.waiting.length; i++) {
      const a = this.waiting[i];
      const b = this.waiting[best];
      if (a.priority < b.priority || (a.priority === b.priority && a.seq < b.seq)) {
        best = i;
      }
    }
    this.held = true;
    this.waiting.splice(best, 1)[0].resolve();
  }
}
