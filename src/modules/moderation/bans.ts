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

/** How long an ended ban stays on the list, so that people see what just ended; then it goes. */
const ENDED_SHOWN_MS = 30 * 86_400_000;

/** Bans in force and those that ended in the last 30 days, newest first. */
export async function listBans(ctx: Ctx): Promise<BanRow[]> {
  const now = ctx.clock.now();
  const rows = await repo.listBans(ctx.db, endedShownSince(now));
  return rows.map((r) => toBan(r, now));
}

const endedShownSince = (now: Date) => new Date(now.getTime() - ENDED_SHOWN_MS).toISOString();

/**
 * The retention rule's part (decision 032): a ban that ended more than 30 days ago, off the list,
 * protects nothing and goes with its hash and its note, from the rows and the database's files.
 * The journal keeps its lines (ids, kind, mode: nothing of the person's). Returns how many went.
 */
export async function forgetEnded(ctx: Ctx): Promise<number> {
  const since = endedShownSince(ctx.clock.now());
  const gone = await ctx.write((tx) => repo.deleteEndedBefore(tx.db, since));
  if (gone > 0) await ctx.engine.forgetDeleted(["bans"]);
  return gone;
}

/** What ties a ban to one commenter: their address's hashes, and their comments. */
export interface BannedPerson {
  /** The hash of the address the request names, and the `email_hash` each comment was kept with. */
  emailHashes: readonly string[];
  commentIds: readonly number[];
}

/**
 * A commenter's bans: by their address, or made from one of their comments (by client, its key).
 * The one rule behind the export and the erasure, so that the export shows what erasure treats.
 * A ban by client made from someone else's comment is that person's, even on a shared connection.
 */
export async function bansOf(ctx: Pick<Ctx, "db" | "clock">, person: BannedPerson) {
  const now = ctx.clock.now();
  const rows = await repo.bansOf(ctx.db, [...new Set(person.emailHashes)], person.commentIds);
  return rows.map((r) => toBan(r, now));
}

/** What an erasure did to the person's bans. */
export interface ErasedBans {
  /** Deleted, hash, note and all: those that ended (ran out or lifted), or every one if asked. */
  deleted: number;
  /** Still in force: kept until they end, with their hash only. */
  kept: { id: number; kind: BanKind; mode: BanMode; expiresAt: string }[];
}

/**
 * An erasure's part in bans, in the erasure's transaction (decision 032). An ended ban protects
 * nothing: it goes. A ban in force stays until its end: it still does what it was made for,
 * keeping out someone who abused the site (GDPR art. 6(1)(f)), and the right to erasure does not
 * reach it while overriding legitimate grounds remain (art. 17(1)(c) with 21(1)); an erasure
 * must not be a way round a ban. But it keeps nothing else of the person: the newsroom's note
 * (free text, which may name them) and the comment it was made from go. When the newsroom judged
 * the request outweighs the ban (`inForceToo`), it goes as well.
 */
export async function eraseBansOf(
  tx: TxCtx,
  person: BannedPerson,
  inForceToo: boolean,
): Promise<ErasedBans> {
  const found = await bansOf(tx, person);
  const kept = inForceToo ? [] : found.filter((b) => b.active);
  const gone = found.filter((b) => !kept.includes(b)).map((b) => b.id);
  await repo.deleteBans(tx.db, gone);
  await repo.unlinkBans(
    tx.db,
    kept.map((b) => b.id),
  );
  return {
    deleted: gone.length,
    kept: kept.map((b) => ({ id: b.id, kind: b.kind, mode: b.mode, expiresAt: b.expiresAt })),
  };
}
