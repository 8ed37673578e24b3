import { createHash, randomBytes } from "node:crypto";
import type { Ctx } from "../../ctx.js";
import { NotFound } from "../../lib/errors.js";
import { PRIVILEGED, type Actor } from "./permissions.js";
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
  /**
   * The newsroom requires a second factor of this person (`staff.require2fa`, admins and
   * editors) and they have none: until they enrol, that is all they may do.
   */
  readonly mustEnrol: boolean;
}

/** One of a person's sessions, as their account page lists them. */
export interface SessionSummary {
  readonly idHash: string;
  readonly userAgent: string;
  readonly createdAt: string;
  readonly lastSeenAt: string;
  /** The browser asking. */
  readonly current: boolean;
}

const HOUR_MS = 3_600_000;
/**
 * A session still owing its second factor ends this soon after the password was given: the code
 * step is a moment, not a state to keep.
 */
const PENDING_MS = 10 * 60_000;
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
  await ctx.write(async (tx) => {
    // A sign-in completes when its session does: the People page shows when.
    if (stage === "complete")
      await repo.updateUser(tx.db, userId, { last_sign_in_at: now.toISOString() });
    await repo.insertSession(tx.db, {
      id_hash: hashToken(token),
      user_id: userId,
      stage,
      created_at: now.toISOString(),
      last_seen_at: now.toISOString(),
      expires_at: new Date(
        now.getTime() + settings["staff.sessionMaxDays"] * 24 * HOUR_MS,
      ).toISOString(),
      user_agent: [...userAgent].slice(0, USER_AGENT_MAX).join(""),
    });
  });
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
  const pendingTooLong = row.stage === "password" && Date.parse(row.created_at) + PENDING_MS <= now;
  if (
    row.disabled_at !== null ||
    Date.parse(row.expires_at) <= now ||
    idleUntil <= now ||
    pendingTooLong
  ) {
    await ctx.write((tx) => repo.deleteSession(tx.db, idHash));
    return undefined;
  }
  if (now - Date.parse(row.last_seen_at) >= TOUCH_EVERY_MS)
    await ctx.write((tx) => repo.touchSession(tx.db, idHash, new Date(now).toISOString()));
  const hasSecondFactor = row.totp_enabled_at !== null;
  return {
    idHash,
    stage: row.stage,
    mustEnrol: settings["staff.require2fa"] && PRIVILEGED.includes(row.role) && !hasSecondFactor,
    user: {
      id: row.user_id,
      email: row.email,
      name: row.name,
      role: row.role,
      locale: row.locale,
      hasSecondFactor,
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

/** This person's open sessions, for their account page. */
export async function listSessions(
  ctx: Ctx,
  actor: Actor,
  currentIdHash: string,
): Promise<SessionSummary[]> {
  const rows = await repo.sessionsOf(ctx.db, actor.id);
  return rows
    .filter((r) => r.stage === "complete")
    .map((r) => ({
      idHash: r.id_hash,
      userAgent: r.user_agent,
      createdAt: r.created_at,
      lastSeenAt: r.last_seen_at,
      current: r.id_hash === currentIdHash,
    }));
}

/**
 * Signs this person out of one of their sessions (another browser, a lost phone). NotFound when
 * they have no such session (closed already, or someone else's, which stays open): a person
 * told "closed" would trust a session that still runs.
 */
export async function closeSession(ctx: Ctx, actor: Actor, idHash: string): Promise<void> {
  const closed = await ctx.write((tx) => repo.deleteSessionOf(tx.db, actor.id, idHash));
  if (closed === 0) throw new NotFound("session", { user: actor.id });
}
