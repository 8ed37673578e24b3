import type { Selectable } from "kysely";
import type { Ctx, TxCtx } from "../../ctx.js";
import { clientGroup } from "../../lib/client-group.js";
import { keyedHash } from "../../lib/crypto.js";
import { NotFound } from "../../lib/errors.js";
import * as repo from "./repo.js";
import type { BanKind, BanMode, BansTable } from "./table.js";

/**
 * A client as bans know it: its address's group (an IPv6 /64, as the rate limit counts it)
 * hashed with the site secret under a key of its own. Unlike the daily-salted `ip_hash`, it is
 * the same tomorrow, which is what lets a ban last: see decision 016 for what that costs.
 */
export function clientKey(ctx: Pick<Ctx, "secret">, address: string): string {
  return keyedHash(ctx.secret, "ban-client", clientGroup(address));
}

/** What a post is checked against: its address's hash and its client's key. */
export interface BanProbe {
  emailHash: string;
  clientKey: string | null;
}

export interface ActiveBan {
  id: number;
  kind: BanKind;
  mode: BanMode;
}

/**
 * The ban in force on this post, if any; "refuse" wins over "hold". Read from the database on
 * every post, so a ban made on one instance applies on all of them at once.
 */
export async function activeBan(
  ctx: Ctx,
  probe: BanProbe,
  now: Date,
): Promise<ActiveBan | undefined> {
  const hashes = probe.clientKey ? [probe.emailHash, probe.clientKey] : [probe.emailHash];
  const rows = await repo.bansMatching(ctx.db, hashes, now.toISOString());
  return rows.find((r) => r.mode === "refuse") ?? rows[0];
}

export interface NewBan {
  kind: BanKind;
  /** The comment's `email_hash` or `client_key`. */
  valueHash: string;
  mode: BanMode;
  reason: string;
  expiresAt: Date;
  createdBy: number;
  commentId: number | null;
}

/** Writes a ban, in the caller's transaction (which records the staff action with it). */
export async function createBan(tx: TxCtx, ban: NewBan): Promise<number> {
  return repo.insertBan(tx.db, {
    kind: ban.kind,
    value_hash: ban.valueHash,
    mode: ban.mode,
    reason: ban.reason,
    comment_id: ban.commentId,
    created_by: ban.createdBy,
    created_at: tx.clock.now().toISOString(),
    expires_at: ban.expiresAt.toISOString(),
    lifted_at: null,
    lifted_by: null,
  });
}

/**
 * Ends a ban now; the row stays, with who lifted it. Returns the ban as it was: `active` says
 * whether this call ended it (an ended or lifted ban stays as it is).
 */
export async function liftBan(tx: TxCtx, id: number, by: number): Promise<BanRow> {
  const ban = await repo.findBan(tx.db, id);
  if (!ban) throw new NotFound("ban", { id });
  await repo.liftBan(tx.db, id, by, tx.clock.now().toISOString());
  return toBan(ban, tx.clock.now());
}

/** A ban as the bans page lists it: never the hash. */
export interface BanRow {
  id: number;
  kind: BanKind;
  mode: BanMode;
  reason: string;
  commentId: number | null;
  createdBy: number;
  createdAt: string;
  expiresAt: string;
  liftedAt: string | null;
  liftedBy: number | null;
  active: boolean;
}

const toBan = (r: Selectable<BansTable>, now: Date): BanRow => ({
  id: r.id,
  kind: r.kind,
  mode: r.mode,
  reason: r.reason,
  commentId: r.comment_id,
  createdBy: r.created_by,
  createdAt: r.created_at,
  expiresAt: r.expires_at,
  liftedAt: r.lifted_at,
  liftedBy: r.lifted_by,
  active: r.lifted_at === null && r.expires_at > now.toISOString(),
});

/** How long an ended ban stays on the list, so that people see what just ended. */
const ENDED_SHOWN_MS = 30 * 86_400_000;

/** Bans in force and those that ended in the last 30 days, newest first. */
export async function listBans(ctx: Ctx): Promise<BanRow[]> {
  const now = ctx.clock.now();
  const rows = await repo.listBans(ctx.db, new Date(now.getTime() - ENDED_SHOWN_MS).toISOString());
  return rows.map((r) => toBan(r, now));
}
