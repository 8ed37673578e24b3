import type { Ctx } from "../ctx.js";
import { commenterData, comments } from "../modules/comments/index.js";
import { bans } from "../modules/moderation/index.js";
import { privacy } from "../modules/privacy/index.js";

/** Hourly: a retention of N days is then kept to the hour, and each run touches an hour's rows. */
const EVERY_MS = 3_600_000;
const DAY_MS = 86_400_000;

/**
 * Clears hashed client addresses older than `privacy.ipRetentionDays`, drops past days' salts (a
 * day without any post would otherwise keep its salt), refused comment forms past their minutes
 * (decision 022), spam past its days (personal-data.ts) and bans ended 30 days ago, with their
 * hashes (decision 032). Returns what it did.
 */
export async function forgetClientAddresses(
  ctx: Ctx,
): Promise<{ cleared: number; salts: number; refusedForms: number; spam: number; bans: number }> {
  const now = ctx.clock.now();
  const days = (await ctx.settings())["privacy.ipRetentionDays"];
  const cleared = await commenterData.forgetAddressesBefore(
    ctx,
    new Date(now.getTime() - days * DAY_MS),
  );
  const salts = await privacy.dropPastSalts(ctx, now);
  const refusedForms = await comments.forgetExpiredRefused(ctx);
  const spam = await commenterData.forgetSpamBefore(
    ctx,
    new Date(now.getTime() - commenterData.SPAM_RETENTION_DAYS * DAY_MS),
  );
  return { cleared, salts, refusedForms, spam, bans: await bans.forgetEnded(ctx) };
}

/** Runs the job at start and then every hour; returns how to stop it. */
export function scheduleForgetClientAddresses(ctx: Ctx): () => void {
  const run = () => {
    forgetClientAddresses(ctx).then(
      (done) => {
        if (Object.values(done).some((n) => n > 0))
          ctx.log.info(done, "client addresses forgotten");
      },
      (error: unknown) => ctx.log.warn({ err: error }, "forgetting client addresses failed"),
    );
  };
  run();
  const timer = setInterval(run, EVERY_MS);
  timer.unref();
  return () => clearInterval(timer);
}
