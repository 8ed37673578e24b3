/**
 * At most `slots` pieces of work at once, at most `waiting` more in line: a bound on what a
 * process takes on (decoding images, which can take hundreds of MB each), so that a burst waits
 * its turn instead of exhausting memory, and a burst past the line is told at once. One per
 * process, made by whoever owns the work (no module state).
 */
export class Gate {
  private running = 0;
  private readonly line: (() => void)[] = [];

  constructor(
    private readonly slots: number,
    private readonly waiting: number,
  ) {
    if (!(Number.isInteger(slots) && slots >= 1 && Number.isInteger(waiting) && waiting >= 0))
      throw new RangeError("a gate needs at least one slot and a line of zero or more");
  }

  /** How many run now, and how many wait: for logs and tests. */
  get load(): { running: number; waiting: number } {
    return { running: this.running, waiting: this.line.length };
  }

  /**
   * Runs `work` when a slot is free. Undefined, without running it, when every slot is taken and
   * the line is full: the caller says "busy".
   */
  async run<T>(work: () => Promise<T>): Promise<{ value: T } | undefined> {
    if (this.running >= this.slots) {
      if (this.line.length >= this.waiting) return undefined;
      // The slot is handed over by the one leaving it (below): `running` never drops between.
      await new Promise<void>((resolve) => this.line.push(resolve));
    } else {
      this.running++;
    }
    try {
      return { value: await work() };
    } finally {
      const next = this.line.shift();
      if (next) next();
      else this.running--;
    }
  }
}
