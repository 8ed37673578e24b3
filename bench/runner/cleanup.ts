/**
 * What the run must undo, whatever happens: processes it started, temporary folders, bench
 * databases. Steps run once, newest first (a server stops before its database is dropped).
 */
export class Cleanup {
  private readonly steps: { label: string; run: () => Promise<void> | void }[] = [];
  private running: Promise<void> | undefined;

  defer(label: string, run: () => Promise<void> | void): void {
    this.steps.push({ label, run });
  }

  /** Runs every step still pending; a failing step is reported and the others still run. */
  runAll(): Promise<void> {
    this.running ??= (async () => {
      for (let step = this.steps.pop(); step; step = this.steps.pop()) {
        try {
          await step.run();
        } catch (error) {
          console.error(
            `cleanup: ${step.label}: ${error instanceof Error ? error.message : error}`,
          );
        }
      }
    })().finally(() => {
      this.running = undefined;
    });
    return this.running;
  }
}

/** Ctrl-C or a supervisor's SIGTERM: clean up, then leave with the conventional status. */
export function cleanUpOnSignals(cleanup: Cleanup): void {
  for (const [signal, code] of [
    ["SIGINT", 130],
    ["SIGTERM", 143],
  ] as const) {
    process.once(signal, () => {
      console.error(`\n${signal}: stopping what the bench started…`);
      void cleanup.runAll().finally(() => process.exit(code));
    });
  }
}
