import type { Cleanup } from "./cleanup.js";
import { spawnServer, type DatabaseLocation } from "./kiosque.js";
import { median } from "./load.js";
import { waitForStatus } from "./processes.js";

export interface ColdStart {
  /** Milliseconds from spawn to the first 200 on "/", per start. */
  samples: number[];
  median: number;
}

/** Polling step: fine enough for a figure read in hundreds of milliseconds, cheap for the CPU. */
const POLL_MS = 5;

/**
 * Starts the production server `times` times on an already migrated database (no demo seeding,
 * no migration to apply) and times spawn → first 200 on the home page: what an operator waits
 * after a deploy or a crash. Each server is stopped before the next starts.
 */
export async function measureColdStart(
  location: DatabaseLocation,
  logFile: string,
  cleanup: Cleanup,
  times = 5,
): Promise<ColdStart> {
  const samples: number[] = [];
  for (let i = 0; i < times; i++) {
    const server = await spawnServer(location, logFile, cleanup);
    try {
      const answeredAt = await waitForStatus(`${server.baseUrl}/`, server.child, {
        intervalMs: POLL_MS,
        timeoutMs: 30_000,
      });
      samples.push(answeredAt - server.spawnedAt);
    } finally {
      await server.child.stop();
    }
  }
  return { samples, median: median(samples) };
}
