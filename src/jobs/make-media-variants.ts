import { changeKeys } from "../lib/change-keys.js";
import { processPending } from "../modules/media/index.js";
import type { Runtime } from "../runtime.js";

/**
 * A look now and then even when nothing announced an upload: a claim left by a process that died
 * lapses unannounced (after five minutes, media/variants.ts), and a store that failed is tried
 * again.
 */
const EVERY_MS = 30_000;
/** Images per call: between two calls the process may stop (a shutdown waits for one call). */
const BATCH = 5;

/**
 * Makes images' variants off the request path, in every server process: at start, whenever any
 * process announces a change to the media library (an upload, through the change feed every
 * instance hears), and every 30 s. Each image is claimed by exactly one process (the claim is in
 * the database), so several processes and instances share the work and a restart loses none.
 * One image at a time per process: decoding is what takes memory. Returns how to stop it, which
 * waits for the image in hand.
 */
export function scheduleMediaVariants(
  runtime: Pick<Runtime, "ctx" | "changes">,
): () => Promise<void> {
  const { ctx } = runtime;
  let running: Promise<void> | undefined;
  let again = false;
  let stopped = false;

  const work = async () => {
    do {
      again = false;
      try {
        while (!stopped) {
          const done = await processPending(ctx, BATCH);
          if (done.ready.length + done.failed.length > 0) ctx.log.info(done, "image variants made");
          if (done.ready.length + done.failed.length < BATCH) break;
        }
      } catch (error) {
        ctx.log.warn({ err: error }, "making image variants failed; trying again later");
      }
    } while (again && !stopped);
  };
  const run = () => {
    if (stopped) return;
    // One run at a time; a wake-up during it makes it look once more at the end.
    if (running) {
      again = true;
      return;
    }
    running = work().finally(() => (running = undefined));
  };

  runtime.changes.subscribe((keys) => {
    if (keys.includes(changeKeys.media) || keys.includes(changeKeys.all)) run();
  });
  run();
  const timer = setInterval(run, EVERY_MS);
  timer.unref();
  return async () => {
    stopped = true;
    clearInterval(timer);
    await running;
  };
}
