import type { Ctx } from "../ctx.js";
import { editing } from "../modules/articles/index.js";

/**
 * How often each process looks for scheduled articles whose time has come: an article goes out
 * within this long of its time. The look is one indexed read that mostly finds nothing.
 */
export const PUBLISH_EVERY_MS = 5_000;

/**
 * Publishes the scheduled articles that are due, each exactly once however many processes and
 * instances run this at the same moment (an article readers never saw is first published at its
 * date, which keeps its addresses once renamed), and announces their change keys so every
 * instance's page cache drops the pages that now show them. Returns their ids.
 */
export async function publishDue(ctx: Ctx): Promise<number[]> {
  return editing.publishDue(ctx);
}

/**
 * Runs at start (what came due while no process ran, such as across a restart, goes out at
 * once) and then every few seconds; returns how to stop it.
 */
export function schedulePublishScheduled(ctx: Ctx): () => void {
  let running = false;
  const run = () => {
    // One look at a time in a process: a slow database never piles them up.
    if (running) return;
    running = true;
    publishDue(ctx)
      .then(
        (ids) => {
          if (ids.length > 0) ctx.log.info({ articles: ids }, "scheduled articles published");
        },
        (error: unknown) => ctx.log.warn({ err: error }, "publishing scheduled articles failed"),
      )
      .finally(() => {
        running = false;
      });
  };
  run();
  const timer = setInterval(run, PUBLISH_EVERY_MS);
  timer.unref();
  return () => clearInterval(timer);
}
