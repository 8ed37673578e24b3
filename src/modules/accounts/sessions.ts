import { createHash, randomBytes } from "node:crypto";
import type { Ctx } from "../../ctx.js";
import type { Actor } from "./permissions.js";
import * as repo from "./repo.js";
import type { Role, SessionStage } from "./table.js";
import type { Locale } from "../../web/i18n/index.js";

/** A signed-in person, as routes and services see them. */
export interface StaffUser extends Actor {
  readonly email: string;
  readonly name: string;
  readonly role: Role;
  readonly locale: Locale;
  readonly hasSecondFactor: boolean;
}

export interface StaffSession {
  readonly user: StaffUser;
  readonly stage: SessionStage;
  /** Hash of the token: what sign-out and the session list name a session by. */
  readonly idHash: string;
}

const HOUR_MS = 3_600_000;
/** last_seen_at is written at most this often: a page view is not a database write. */
const TOUCH_EVERY_MS = 60_000;
/** Longer than any user agent a browser sends; what is past it says nothing to a person. */
const USER_AGENT_MAX = 200;

export const hashToken = (token: string): string =>
  createHash("sha256").update(token).digest("base64url");

/**
 * Opens a session for this person and returns its token (the cookie's value, never stored).
 * `stage` is "password" while a second factor is still owed.
 */
export async function openSession(
  ctx: Ctx,
  userId: number,
  stage: SessionStage,
  userAgent: string,
): Promise<string> {
  const token = randomBytes(32).toString("base64url");
  const now = ctx.clock.now();
  const settings = await ctx.settings();
  await ctx.write((tx) =>
    repo.insertSession(tx.db, {
      id_hash: hashToken(token),
      user_id: userId,
      stage,
      created_at: now.toISOString(),
      last_seen_at: now.toISOString(),
      expires_at: new Date(
        now.getTime() + settings["staff.sessionMaxDays"] * 24 * HOUR_MS,
      ).toISOString(),
      user_agent: [...userAgent].slice(0, USER_AGENT_MAX).join(""),
    }),
  );
  return token;
}

/**
 * The session a cookie's token names, when it is still alive: not past its absolute end, not
 * idle too long, its person not disabled. Undefined otherwise (and a dead one is deleted).
 */
export async function findSession(
  ctx: Ctx,
  token: string | undefined,
): Promise<StaffSession | undefined> {
  if (!token || token.length > 100) return undefined;
  const idHash = hashToken(token);
  const row = await repo.sessionWithUser(ctx.db, idHash);
  if (!row) return undefined;
  const now = ctx.clock.now().getTime();
  const settings = await ctx.settings();
  const idleUntil = Date.parse(row.last_seen_at) + settings["staff.sessionIdleHours"] * HOUR_MS;
  if (row.disabled_at !== null || Date.parse(row.expires_at) <= now || idleUntil <= now) {
    await ctx.write((tx) => repo.deleteSession(tx.db, idHash));
    return undefined;
  }
  if (now - Date.parse(row.last_seen_at) >= TOUCH_EVERY_MS)
    await ctx.write((tx) => repo.touchSession(tx.db, idHash, new Date(now).toISOString()));
  return {
    idHash,
    stage: row.stage,
    user: {
      id: row.user_id,
      email: row.email,
      name: row.name,
      role: row.role,
      locale: row.locale,
      hasSecondFactor: row.totp_enabled_at !== null,
    },
  };
}

export async function closeSessionByToken(ctx: Ctx, token: string): Promise<void> {
  await ctx.write((tx) => repo.deleteSession(tx.db, hashToken(token)));
}

/** Signs this person out everywhere: every browser, every instance, at their next request. */
export async function closeAllSessions(ctx: Ctx, userId: number): Promise<number> {
  return ctx.write((tx) => repo.deleteSessionsOf(tx.db, userId));
}
