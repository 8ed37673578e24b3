import type { Insertable } from "kysely";
import type { Ctx } from "../../ctx.js";
import { changeKeys } from "../../lib/change-keys.js";
import { makeVariants } from "./image.js";
import { itemOf, objectKey } from "./keys.js";
import { articleKeys } from "./model.js";
import * as repo from "./repo.js";
import { formatTypes } from "./sniff.js";
import { mediaStore } from "./storage/index.js";
import type { MediaVariantsTable } from "./table.js";

/**
 * How long a claim holds. Variants of a 50-megapixel image take seconds; a claim still held
 * after this belonged to a process that died (or froze), and another process takes the image up.
 */
const CLAIM_MS = 5 * 60_000;
/**
 * Claims an image gets. Processing that kills its process (the memory killer, a crash in a
 * decoder) would otherwise be tried forever, by every process in turn.
 */
const MAX_ATTEMPTS = 3;
/** Candidates read per look: others' claims may take some of them first. */
const CANDIDATES = 5;

export interface Processed {
  ready: number[];
  failed: number[];
}

/**
 * Makes the variants of up to `limit` images waiting for them, one at a time, and returns which
 * ended ready or failed. Any number of processes, on any number of instances, may run it at once:
 * each image is claimed by exactly one (state in the database, an UPDATE that only one wins), and
 * a claim left by a process that stopped lapses after CLAIM_MS. A store that fails (a bucket
 * unreachable) throws, leaving the claim to lapse and the image to be tried again.
 */
export async function processPending(ctx: Ctx, limit = 10): Promise<Processed> {
  const done: Processed = { ready: [], failed: [] };
  while (done.ready.length + done.failed.length < limit) {
    const claim = await claimNext(ctx);
    if (!claim) break;
    const outcome = await processClaimed(ctx, claim);
    if (outcome) done[outcome].push(claim.id);
  }
  return done;
}

interface Claim {
  id: number;
  /** The claim's end: also its mark, which only this claim's finish matches. */
  until: string;
}

async function claimNext(ctx: Ctx): Promise<Claim | undefined> {
  const now = ctx.clock.now();
  const at = now.toISOString();
  const until = new Date(now.getTime() + CLAIM_MS).toISOString();
  for (const { id } of await repo.claimable(ctx.db, at, CANDIDATES)) {
    if (await ctx.write((tx) => repo.claim(tx.db, id, at, until))) return { id, until };
  }
  return undefined;
}

async function processClaimed(ctx: Ctx, claim: Claim): Promise<"ready" | "failed" | undefined> {
  const row = await repo.find(ctx.db, claim.id);
  if (!row) return undefined;
  if (row.attempts > MAX_ATTEMPTS)
    return fail(ctx, claim, `gave up after ${MAX_ATTEMPTS} attempts`);
  const store = mediaStore(ctx);
  const master = await store.get(row.master_key);
  if (!master) return fail(ctx, claim, `master ${row.master_key} is missing from the store`);
  let variants;
  try {
    // The master's own pixel count: it passed the limit when uploaded, whatever the setting says now.
    variants = await makeVariants(master.bytes, row.width * row.height);
  } catch (error) {
    return fail(ctx, claim, error instanceof Error ? error.message : String(error));
  }
  const item = itemOf(row.master_key);
  const rows: Insertable<MediaVariantsTable>[] = [];
  for (const v of variants) {
    const { type, extension } = formatTypes[v.format];
    const key = objectKey(item, String(v.width), v.bytes, extension);
    await store.put(key, v.bytes, type);
    rows.push({
      media_id: row.id,
      format: v.format,
      width: v.width,
      height: v.height,
      bytes: v.bytes.length,
      key,
    });
  }
  const kept = await ctx.write(async (tx, changed) => {
    const at = ctx.clock.now().toISOString();
    if (!(await repo.finish(tx.db, row.id, claim.until, { status: "ready", failure: null, at })))
      return false;
    await repo.insertVariants(tx.db, rows);
    // Pages that show the image may now offer its variants.
    changed(changeKeys.media, ...articleKeys(await repo.articlesUsing(tx.db, row.id)));
    return true;
  });
  if (!kept) {
    // Another process took the image up after this claim lapsed: its variants are the ones kept
    // (the same bytes under the same keys, as keys name their content).
    ctx.log.warn({ media: row.id }, "claim on an image lapsed while its variants were made");
    return undefined;
  }
  return "ready";
}

async function fail(ctx: Ctx, claim: Claim, failure: string): Promise<"failed" | undefined> {
  ctx.log.warn({ media: claim.id, failure }, "image variants could not be made");
  const kept = await ctx.write(async (tx, changed) => {
    changed(changeKeys.media);
    return repo.finish(tx.db, claim.id, claim.until, {
      status: "failed",
      failure,
      at: ctx.clock.now().toISOString(),
    });
  });
  return kept ? "failed" : undefined;
}
