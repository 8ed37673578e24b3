import type { Insertable, Kysely } from "kysely";
import type { Tables } from "../../db/schema.js";
import type { BansTable } from "./table.js";

export async function appendLog(
  db: Kysely<Tables>,
  entry: { comment_id: number; actor: string; status: string; reasons: string; created_at: string },
): Promise<void> {
  await db.insertInto("moderation_log").values(entry).execute();
}

export async function logFor(db: Kysely<Tables>, commentId: number) {
  return db
    .selectFrom("moderation_log")
    .selectAll()
    .where("comment_id", "=", commentId)
    .orderBy("id")
    .execute();
}

/**
 * The bans that name any of these hashes and have not ended at `now`: served by bans_value (a
 * post asks with its address's and its client's hash).
 */
export async function bansMatching(db: Kysely<Tables>, hashes: readonly string[], now: string) {
  if (hashes.length === 0) return [];
  return db
    .selectFrom("bans")
    .select(["id", "kind", "mode"])
    .where("value_hash", "in", hashes)
    .where("lifted_at", "is", null)
    .where("expires_at", ">", now)
    .orderBy("id", "desc")
    .execute();
}

export async function insertBan(db: Kysely<Tables>, values: Insertable<BansTable>) {
  const row = await db.insertInto("bans").values(values).returning("id").executeTakeFirstOrThrow();
  return row.id;
}

export async function findBan(db: Kysely<Tables>, id: number) {
  return db.selectFrom("bans").selectAll().where("id", "=", id).executeTakeFirst();
}

export async function liftBan(db: Kysely<Tables>, id: number, by: number, at: string) {
  await db
    .updateTable("bans")
    .set({ lifted_at: at, lifted_by: by })
    .where("id", "=", id)
    .where("lifted_at", "is", null)
    // An ended ban stays ended: it is not "lifted" after the fact.
    .where("expires_at", ">", at)
    .execute();
}

/**
 * Bans in force and those that ended since `endedSince`, newest first, for the bans page. A ban
 * is lifted only while in force, so both kinds end after `endedSince`: the index on expires_at
 * finds them (bans_expires), however many ended long ago.
 */
export async function listBans(db: Kysely<Tables>, endedSince: string) {
  return db
    .selectFrom("bans")
    .selectAll()
    .where("expires_at", ">", endedSince)
    .where((eb) => eb.or([eb("lifted_at", "is", null), eb("lifted_at", ">", endedSince)]))
    .orderBy("created_at", "desc")
    .orderBy("id", "desc")
    .limit(500)
    .execute();
}

/** Rows per INSERT into the log: six parameters each, far under either engine's bound. */
const LOG_ROWS_PER_INSERT = 500;

export async function appendLogs(
  db: Kysely<Tables>,
  entries: readonly {
    comment_id: number;
    actor: string;
    status: string;
    reasons: string;
    created_at: string;
  }[],
): Promise<void> {
  for (let i = 0; i < entries.length; i += LOG_ROWS_PER_INSERT)
    await db
      .insertInto("moderation_log")
      .values(entries.slice(i, i + LOG_ROWS_PER_INSERT))
      .execute();
}

/** The log lines of several comments, oldest first (moderation_log_comment). */
export async function logsFor(db: Kysely<Tables>, commentIds: readonly number[]) {
  if (commentIds.length === 0) return [];
  return db
    .selectFrom("moderation_log")
    .selectAll()
    .where("comment_id", "in", commentIds)
    .orderBy("id")
    .execute();
}

/**
 * The bans naming any of these hashes or made from any of these comments: one commenter's, for
 * a request under the GDPR. The comment test reads the whole table (no index on comment_id):
 * fine for a table of bans, run by hand.
 */
export async function bansOf(
  db: Kysely<Tables>,
  hashes: readonly string[],
  commentIds: readonly number[],
) {
  if (hashes.length === 0 && commentIds.length === 0) return [];
  return db
    .selectFrom("bans")
    .selectAll()
    .where((eb) =>
      eb.or([
        ...(hashes.length > 0 ? [eb("value_hash", "in", hashes)] : []),
        ...(commentIds.length > 0 ? [eb("comment_id", "in", commentIds)] : []),
      ]),
    )
    .orderBy("id")
    .execute();
}

export async function deleteBans(db: Kysely<Tables>, ids: readonly number[]): Promise<void> {
  if (ids.length === 0) return;
  await db.deleteFrom("bans").where("id", "in", ids).execute();
}

/** Leaves these bans in force with their hash only: no note of the newsroom's, no comment. */
export async function unlinkBans(db: Kysely<Tables>, ids: readonly number[]): Promise<void> {
  if (ids.length === 0) return;
  await db
    .updateTable("bans")
    .set({ reason: "", comment_id: null })
    .where("id", "in", ids)
    .execute();
}

/** Deletes the bans that ended (ran out or were lifted) before `before`; returns how many. */
export async function deleteEndedBefore(db: Kysely<Tables>, before: string): Promise<number> {
  const result = await db
    .deleteFrom("bans")
    .where((eb) => eb.or([eb("expires_at", "<=", before), eb("lifted_at", "<=", before)]))
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
