import type { Insertable, Kysely, Updateable } from "kysely";
import type { Tables } from "../../db/schema.js";
import type { InvitationsTable, Role, StaffSessionsTable, UsersTable } from "./table.js";

export async function insert(db: Kysely<Tables>, values: Insertable<UsersTable>): Promise<number> {
  const row = await db.insertInto("users").values(values).returning("id").executeTakeFirstOrThrow();
  return row.id;
}

export async function findByEmail(db: Kysely<Tables>, email: string) {
  return db
    .selectFrom("users")
    .select([
      "id",
      "email",
      "name",
      "slug",
      "role",
      "locale",
      "disabled_at",
      "totp_enabled_at",
      "last_sign_in_at",
    ])
    .where("email", "=", email)
    .executeTakeFirst();
}

export async function passwordHashOf(db: Kysely<Tables>, id: number) {
  return (
    await db.selectFrom("users").select("password_hash").where("id", "=", id).executeTakeFirst()
  )?.password_hash;
}

/**
 * Of these addresses, those an account holds: one with a password, that someone signs in to. An
 * imported author's account has none until an invitation gives it one: it holds nothing yet.
 */
export async function heldAddresses(
  db: Kysely<Tables>,
  emails: readonly string[],
): Promise<Set<string>> {
  if (emails.length === 0) return new Set();
  const rows = await db
    .selectFrom("users")
    .select("email")
    .where("email", "in", [...new Set(emails)])
    .where("password_hash", "!=", "")
    .execute();
  return new Set(rows.map((r) => r.email));
}

export async function findById(db: Kysely<Tables>, id: number) {
  return db
    .selectFrom("users")
    .select(["id", "email", "name", "slug", "role", "locale", "disabled_at", "totp_enabled_at"])
    .where("id", "=", id)
    .executeTakeFirst();
}

export async function namesOf(db: Kysely<Tables>, ids: readonly number[]) {
  if (ids.length === 0) return [];
  return db.selectFrom("users").select(["id", "name"]).where("id", "in", ids).execute();
}

export async function list(db: Kysely<Tables>) {
  return db
    .selectFrom("users")
    .select([
      "id",
      "email",
      "name",
      "slug",
      "role",
      "locale",
      "disabled_at",
      "totp_enabled_at",
      "last_sign_in_at",
    ])
    .orderBy("name")
    .orderBy("id")
    .execute();
}

export async function updateUser(
  db: Kysely<Tables>,
  id: number,
  values: Updateable<UsersTable>,
): Promise<number> {
  const result = await db.updateTable("users").set(values).where("id", "=", id).executeTakeFirst();
  return Number(result.numUpdatedRows);
}

export async function slugTaken(db: Kysely<Tables>, slug: string): Promise<boolean> {
  return (
    (await db.selectFrom("users").select("id").where("slug", "=", slug).executeTakeFirst()) !==
    undefined
  );
}

export async function insertSession(
  db: Kysely<Tables>,
  values: Insertable<StaffSessionsTable>,
): Promise<void> {
  await db.insertInto("staff_sessions").values(values).execute();
}

export async function sessionWithUser(db: Kysely<Tables>, idHash: string) {
  return db
    .selectFrom("staff_sessions as s")
    .innerJoin("users as u", "u.id", "s.user_id")
    .select([
      "s.user_id",
      "s.stage",
      "s.created_at",
      "s.last_seen_at",
      "s.expires_at",
      "u.email",
      "u.name",
      "u.role",
      "u.locale",
      "u.disabled_at",
      "u.totp_enabled_at",
    ])
    .where("s.id_hash", "=", idHash)
    .executeTakeFirst();
}

export async function touchSession(db: Kysely<Tables>, idHash: string, at: string): Promise<void> {
  await db
    .updateTable("staff_sessions")
    .set({ last_seen_at: at })
    .where("id_hash", "=", idHash)
    .execute();
}

export async function deleteSession(db: Kysely<Tables>, idHash: string): Promise<void> {
  await db.deleteFrom("staff_sessions").where("id_hash", "=", idHash).execute();
}

export async function deleteSessionsOf(db: Kysely<Tables>, userId: number): Promise<number> {
  const result = await db.deleteFrom("staff_sessions").where("user_id", "=", userId).execute();
  return Number(result[0]?.numDeletedRows ?? 0);
}

/** This person's sessions, the most recently used first. */
export async function sessionsOf(db: Kysely<Tables>, userId: number) {
  return db
    .selectFrom("staff_sessions")
    .select(["id_hash", "stage", "created_at", "last_seen_at", "user_agent"])
    .where("user_id", "=", userId)
    .orderBy("last_seen_at", "desc")
    .orderBy("id_hash")
    .execute();
}

/** Deletes one of this person's sessions (never someone else's): how many went. */
export async function deleteSessionOf(
  db: Kysely<Tables>,
  userId: number,
  idHash: string,
): Promise<number> {
  const result = await db
    .deleteFrom("staff_sessions")
    .where("user_id", "=", userId)
    .where("id_hash", "=", idHash)
    .execute();
  return Number(result[0]?.numDeletedRows ?? 0);
}

/** Deletes every session of this person but one (the browser that asked). */
export async function deleteOtherSessions(
  db: Kysely<Tables>,
  userId: number,
  keep: string,
): Promise<void> {
  await db
    .deleteFrom("staff_sessions")
    .where("user_id", "=", userId)
    .where("id_hash", "<>", keep)
    .execute();
}

export async function sessionRow(db: Kysely<Tables>, idHash: string) {
  return db
    .selectFrom("staff_sessions")
    .select(["user_id", "stage", "created_at"])
    .where("id_hash", "=", idHash)
    .executeTakeFirst();
}

export async function secondFactorOf(db: Kysely<Tables>, userId: number) {
  return db
    .selectFrom("users")
    .select(["totp_secret", "totp_enabled_at", "totp_last_step"])
    .where("id", "=", userId)
    .executeTakeFirst();
}

/**
 * Records `step` as the last one a code was accepted for, when it is later than the last: true
 * when it was (the code is good), false when that step or a later one was already used.
 */
export async function advanceTotpStep(
  db: Kysely<Tables>,
  userId: number,
  step: number,
): Promise<boolean> {
  const result = await db
    .updateTable("users")
    .set({ totp_last_step: step })
    .where("id", "=", userId)
    .where((eb) => eb.or([eb("totp_last_step", "is", null), eb("totp_last_step", "<", step)]))
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/**
 * Turns the authenticator on, when `secret` is still the one being set up: true when it was.
 * `step` is the step of the code that confirmed it, used now.
 */
export async function enableTotp(
  db: Kysely<Tables>,
  userId: number,
  secret: string,
  step: number,
  at: string,
): Promise<boolean> {
  const result = await db
    .updateTable("users")
    .set({ totp_enabled_at: at, totp_last_step: step })
    .where("id", "=", userId)
    .where("totp_secret", "=", secret)
    .where("totp_enabled_at", "is", null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Spends an unused recovery code: true when it was one (and is now used). */
export async function spendRecoveryCode(
  db: Kysely<Tables>,
  userId: number,
  codeHash: string,
  at: string,
): Promise<boolean> {
  const result = await db
    .updateTable("recovery_codes")
    .set({ used_at: at })
    .where("user_id", "=", userId)
    .where("code_hash", "=", codeHash)
    .where("used_at", "is", null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function replaceRecoveryCodes(
  db: Kysely<Tables>,
  userId: number,
  hashes: readonly string[],
): Promise<void> {
  await db.deleteFrom("recovery_codes").where("user_id", "=", userId).execute();
  if (hashes.length > 0)
    await db
      .insertInto("recovery_codes")
      .values(hashes.map((code_hash) => ({ user_id: userId, code_hash, used_at: null })))
      .execute();
}

export async function unusedRecoveryCodes(db: Kysely<Tables>, userId: number) {
  const row = await db
    .selectFrom("recovery_codes")
    .select((eb) => eb.fn.countAll().as("n"))
    .where("user_id", "=", userId)
    .where("used_at", "is", null)
    .executeTakeFirstOrThrow();
  return row.n;
}

/**
 * Takes the write lock of every active admin's row until the transaction ends: two admins
 * demoting or disabling each other at once on PostgreSQL (read committed) would each still count
 * the other; with the lock, the second counts after the first has committed. SQLite writes one at
 * a time.
 */
export async function lockActiveAdmins(db: Kysely<Tables>): Promise<void> {
  await db
    .updateTable("users")
    .set((eb) => ({ role: eb.ref("role") }))
    .where("role", "=", "admin")
    .where("disabled_at", "is", null)
    .execute();
}

export async function activeAdminsBesides(db: Kysely<Tables>, userId: number) {
  const row = await db
    .selectFrom("users")
    .select((eb) => eb.fn.countAll().as("n"))
    .where("role", "=", "admin")
    .where("disabled_at", "is", null)
    .where("id", "<>", userId)
    .executeTakeFirstOrThrow();
  return row.n;
}

export async function setRole(db: Kysely<Tables>, userId: number, role: Role): Promise<void> {
  await db.updateTable("users").set({ role }).where("id", "=", userId).execute();
}

export async function insertInvitation(
  db: Kysely<Tables>,
  values: Insertable<InvitationsTable>,
): Promise<number> {
  const row = await db
    .insertInto("invitations")
    .values(values)
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Invitations neither used nor past their end, the newest first. */
export async function pendingInvitations(db: Kysely<Tables>, now: string) {
  return db
    .selectFrom("invitations")
    .select(["id", "email", "role", "created_at", "expires_at"])
    .where("used_at", "is", null)
    .where("expires_at", ">", now)
    .orderBy("created_at", "desc")
    .orderBy("id", "desc")
    .execute();
}

export async function deleteInvitation(db: Kysely<Tables>, id: number): Promise<number> {
  const result = await db.deleteFrom("invitations").where("id", "=", id).execute();
  return Number(result[0]?.numDeletedRows ?? 0);
}

/** Deletes the other invitations to `email` still good; their ids, for the journal. */
export async function deleteOtherLiveInvitations(
  db: Kysely<Tables>,
  email: string,
  keptId: number,
  now: string,
): Promise<number[]> {
  const rows = await db
    .deleteFrom("invitations")
    .where("email", "=", email)
    .where("id", "!=", keptId)
    .where("used_at", "is", null)
    .where("expires_at", ">", now)
    .returning("id")
    .execute();
  return rows.map((r) => r.id);
}

/** The invitation a link's token names, while it is good: unused and not past its end. */
export async function liveInvitation(db: Kysely<Tables>, tokenHash: string, now: string) {
  return db
    .selectFrom("invitations")
    .select(["id", "email", "role", "expires_at"])
    .where("token_hash", "=", tokenHash)
    .where("used_at", "is", null)
    .where("expires_at", ">", now)
    .executeTakeFirst();
}

/**
 * Marks the invitation used, when it still was good: true for the one request that did it. Two
 * tabs accepting at once both try; one updates the row, the other finds it used.
 */
export async function consumeInvitation(
  db: Kysely<Tables>,
  id: number,
  now: string,
): Promise<boolean> {
  const result = await db
    .updateTable("invitations")
    .set({ used_at: now })
    .where("id", "=", id)
    .where("used_at", "is", null)
    .where("expires_at", ">", now)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Every account's public face and address, in id order (an export; never a password). */
export async function portablePeople(db: Kysely<Tables>) {
  return db
    .selectFrom("users")
    .select(["id", "email", "name", "slug", "bio"])
    .orderBy("id")
    .execute();
}
