import { randomBytes } from "node:crypto";
import type { Ctx } from "../../ctx.js";
import { clientGroup } from "../../lib/client-group.js";
import { keyedHash } from "../../lib/crypto.js";
import * as repo from "./repo.js";

/** Salts rotate with the UTC day: a hash links a client's comments of one day, no further. */
export function saltPeriod(at: Date): string {
  return at.toISOString().slice(0, 10);
}

/**
 * The keyed hash of a client under today's salt, made (and yesterday's dropped) by the first post
 * of the day. The client is its address's group (an IPv6 /64), as the rate limit counts it, so
 * the burst rule sees a household switching addresses as one. The address itself is never
 * stored; once a day's salt is gone, no one can test an address against that day's hashes, not
 * even with the site secret.
 */
export async function hashClientAddress(ctx: Ctx, address: string, at: Date): Promise<string> {
  const period = saltPeriod(at);
  let row = await repo.saltFor(ctx.db, period);
  if (!row) {
    const dropped = await ctx.write(async (tx) => {
      await repo.insertSalt(tx.db, period, randomBytes(32).toString("base64url"));
      return repo.deleteSaltsBefore(tx.db, period);
    });
    // Not awaited: a reader's post must not wait on a VACUUM (nor fail with it). The hourly
    // retention job does it again, whatever happens here.
    if (dropped > 0)
      ctx.engine
        .forgetDeleted(["ip_salts"])
        .catch((error: unknown) => ctx.log.warn({ err: error }, "a dropped salt may linger"));
    row = await repo.saltFor(ctx.db, period);
    if (!row) throw new Error(`no address salt for ${period}`);
  }
  return keyedHash(ctx.secret, `ip:${row.salt}`, clientGroup(address));
}

/**
 * Drops salts of past days (the retention job runs it too, for days without a post), and their
 * bytes from the database's files: a salt read back from a free page would tie that day's hashes
 * to addresses again.
 */
export async function dropPastSalts(ctx: Ctx, at: Date): Promise<number> {
  const dropped = await ctx.write((tx) => repo.deleteSaltsBefore(tx.db, saltPeriod(at)));
  // Every time, not only when this run dropped one: a post may have dropped the last one.
  await ctx.engine.forgetDeleted(["ip_salts"]);
  return dropped;
}
