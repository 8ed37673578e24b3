import type { FastifyBaseLogger } from "fastify";
import type { EngineAdapter } from "../db/storage.js";

/** How often the planner statistics are refreshed: cheap when little changed, so hourly is plenty. */
const EVERY_MS = 3_600_000;

/** Refreshes the query planner's statistics now and then; returns how to stop it. */
export function scheduleOptimize(
  engine: Pick<EngineAdapter, "optimize">,
  log: FastifyBaseLogger,
): () => void {
  const timer = setInterval(() => {
    engine.optimize().catch((error: unknown) => log.warn({ err: error }, "optimize failed"));
  }, EVERY_MS);
  timer.unref();
  return () => clearInterval(timer);
}
