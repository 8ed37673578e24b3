import type { Ctx } from "../../ctx.js";
import { gifs, type CommentGif } from "../gifs/index.js";
import { BytesRemain } from "../../lib/bytes-remain.js";
import { changeKeys } from "../../lib/change-keys.js";
import { nextTurn } from "../../lib/next-turn.js";
import { articles } from "../articles/index.js";
import {
  bans,
  histories,
  record,
  type BanKind,
  type BanMode,
  type BannedPerson,
  type ErasedBans,
  type Reason,
} from "../moderation/index.js";
import * as repo from "./repo.js";
import * as queueRepo from "./queue-repo.js";
import { recountComments } from "./comment-count.js";
import { emailHash } from "./email-hash.js";
import { forgetRefusedFormsOf, refusedFormsOf } from "./refused-form.js";
import type { CommentFormValues } from "./validation.js";

const DAY_MS = 86_400_000;

/**
 * What Kiosque holds about one commenter: every comment written with their address, with all
 * that is kept with it (the texts the newsroom's edits replaced, its GIF, why it was held or
 * published, what is kept of the client it came from), the bans tied to them, and every comment
 * form they had refused minutes ago that is still kept (decision 022). Decision 032.
 */
export interface CommenterExport {
  email: string;
  exportedAt: string;
  comments: {
    id: number;
    article: { slug: string; title: string } | null;
    inReplyTo: number | null;
    name: string;
    email: string;
    website: string | null;
    text: string;
    status: string;
    postedAt: string;
    /**
     * Whether a hash of the client's address is still kept with it (the address itself never
     * is). Salted with its day's salt, thrown away when the day ended: it no longer tells the
     * address, even to someone holding the site secret.
     */
    clientAddressHashKept: boolean;
    /**
     * Whether the client's key for bans is still kept with it: a hash of the address (an IPv6
     * address's /64) with the site secret and no daily salt. Someone holding the secret can tell
     * whether it came from a given address, and find an IPv4 address by trying them all.
     */
    clientKeyKept: boolean;
    /** When the two above are forgotten (`privacy.ipRetentionDays` after posting); null: already. */
    clientHashesKeptUntil: string | null;
    /** The GIF shown with it, kept by the site: its title and the address of its files. */
    gif: CommentGif | null;
    /** What the comment said before each edit by the newsroom, oldest first: each is kept. */
    replacedByEdits: { editedAt: string; name: string; website: string | null; text: string }[];
    /** Every decision on it, oldest first: by the automatic rules or the newsroom, and why. */
    moderation: { at: string; status: string; by: "rules" | "newsroom"; reasons: Reason[] }[];
  }[];
  /**
   * The bans tied to them: on their address, or made from one of their comments (by client:
   * the key of the connection that comment came from), with the newsroom's note.
   */
  bans: {
    id: number;
    kind: BanKind;
    mode: BanMode;
    reason: string;
    madeFromComment: number | null;
    madeAt: string;
    endsAt: string;
    liftedAt: string | null;
    inForce: boolean;
  }[];
  refusedForms: {
    article: { slug: string; title: string } | null;
    /** The form as it was typed and is kept, e-mail included. */
    typed: CommentFormValues;
    refusedAt: string;
    keptUntil: string;
  }[];
}

/** A commenter's data, for a request under the GDPR's right of access (article 15). */
export async function exportByEmail(ctx: Ctx, email: string): Promise<CommenterExport> {
  const rows = await repo.allByEmail(ctx.db, emailHash(ctx, email), email);
  const ids = rows.map((r) => r.id);
  const [refused, edits, shown, logs, banned, settings] = await Promise.all([
    refusedFormsOf(ctx, email),
    queueRepo.editsOf(ctx.db, ids),
    gifs.gifsOf(ctx, ids),
    histories(ctx.db, ids),
    bans.bansOf(ctx, bannedPerson(ctx, email, rows)),
    ctx.settings(),
  ]);
  const articleIds = [...rows.map((r) => r.article_id), ...refused.map((f) => f.articleId)];
  const titles = await articles.slugsAndTitles(ctx, [...new Set(articleIds)]);
  const retentionMs = settings["privacy.ipRetentionDays"] * DAY_MS;
  return {
    email,
    exportedAt: ctx.clock.now().toISOString(),
    comments: rows.map((r) => ({
      id: r.id,
      article: titles.get(r.article_id) ?? null,
      inReplyTo: r.parent_id,
      name: r.author_name,
      email: r.author_email,
      website: r.author_website,
      text: r.body,
      status: r.status,
      postedAt: r.created_at,
      clientAddressHashKept: r.ip_hash !== null,
      clientKeyKept: r.client_key !== null,
      clientHashesKeptUntil:
        r.ip_hash === null && r.client_key === null
          ? null
          : new Date(Date.parse(r.created_at) + retentionMs).toISOString(),
      gif: shown.get(r.id) ?? null,
      replacedByEdits: edits
        .filter((e) => e.comment_id === r.id)
        .map((e) => ({
          editedAt: e.edited_at,
          name: e.author_name,
          website: e.author_website,
          text: e.body,
        })),
      // Who in the newsroom decided is theirs to know, not the commenter's (GDPR art. 15(4)).
      moderation: (logs.get(r.id) ?? []).map((l) => ({
        at: l.at,
        status: l.status,
        by: l.actor === "pipeline" ? "rules" : "newsroom",
        reasons: l.reasons,
      })),
    })),
    bans: banned.map((b) => ({
      id: b.id,
      kind: b.kind,
      mode: b.mode,
      reason: b.reason,
      madeFromComment: b.commentId,
      madeAt: b.createdAt,
      endsAt: b.expiresAt,
      liftedAt: b.liftedAt,
      inForce: b.active,
    })),
    refusedForms: refused.map((f) => ({
      article: titles.get(f.articleId) ?? null,
      typed: f.values,
      refusedAt: f.refusedAt,
      keptUntil: f.keptUntil,
    })),
  };
}

/**
 * What ties a ban to the person: the hash of the address the request names (under today's
 * secret) and the hash each of their comments was kept with (under the secret of its day, which
 * may have changed since), and their comments' ids. Export and erasure both ask with it.
 */
function bannedPerson(
  ctx: Ctx,
  email: string,
  rows: readonly { id: number; email_hash: string }[],
): BannedPerson {
  return {
    emailHashes: [emailHash(ctx, email), ...rows.map((r) => r.email_hash)],
    commentIds: rows.map((r) => r.id),
  };
}

export interface Erased {
  /** Comments removed with their moderation log lines. */
  deleted: number;
  /** Comments others answered: emptied in place so the answers keep their thread. */
  blanked: number;
  /** Comment forms refused minutes ago and kept for their page (decision 022), typed with it. */
  refusedForms: number;
  /** Their bans: ended ones deleted, those in force kept until they end, unlinked (decision 032). */
  bans: ErasedBans;
  /**
   * Set when the rows are gone but their bytes are not yet out of the database's files, as
   * another session still reads them: what the operator runs once it ends (BytesRemain).
   */
  bytesRemain?: string;
}

/**
 * Erasure (GDPR article 17): every comment written with the address goes; one that others
 * answered stays as an empty "comment removed" so the answers keep their place. Their bans go,
 * but those in force, which stay until they end without their note or their comment, unless
 * `bansInForceToo` (moderation's bans.ts, decision 032). One transaction: on failure nothing is
 * erased. Pages showing them are dropped from every cache.
 * Then the erased bytes leave the database's files too (free pages, WAL, dead rows), also when
 * nothing was found: a run after an interrupted one finishes that part.
 */
export async function eraseByEmail(
  ctx: Ctx,
  email: string,
  actor: string,
  options: { bansInForceToo?: boolean } = {},
): Promise<Erased> {
  const erased = await eraseRows(ctx, email, actor, options.bansInForceToo ?? false);
  try {
    await ctx.engine.forgetDeleted(ERASED_FROM);
  } catch (error) {
    // The erasure is committed and stays: its report is due, with what is left to do.
    if (!(error instanceof BytesRemain)) throw error;
    return { ...erased, bytesRemain: error.message };
  }
  return erased;
}

/**
 * Where an erasure deletes or overwrites: comments, their moderation log lines, the texts the
 * newsroom's edits replaced, their GIFs (rows and kept files), refused forms, and bans.
 */
const ERASED_FROM = [
  "comments",
  "moderation_log",
  "comment_edits",
  "comment_gifs",
  "media_blobs",
  "refused_comment_forms",
  "bans",
] as const;

async function eraseRows(
  ctx: Ctx,
  email: string,
  actor: string,
  bansInForceToo: boolean,
): Promise<Erased> {
  const now = ctx.clock.now();
  return ctx.write(async (tx, changed) => {
    const rows = await repo.allByEmail(tx.db, emailHash(ctx, email), email);
    const erased: Erased = {
      deleted: 0,
      blanked: 0,
      refusedForms: await forgetRefusedFormsOf(tx, email),
      bans: await bans.eraseBansOf(tx, bannedPerson(tx, email, rows), bansInForceToo),
    };
    // Newest first: a reply of the same person's goes before the comment it answers.
    for (const row of [...rows].reverse()) {
      // The GIF the person attached is theirs too: its row and its kept files go.
      await gifs.detach(tx, row.id);
      if (await repo.hasReplies(tx.db, row.id, row.root_id ?? row.id)) {
        await repo.blankOut(tx.db, row.id);
        await record(tx.db, row.id, actor, row.status, [{ rule: "erased" }], now);
        erased.blanked++;
      } else {
        await repo.deleteOne(tx.db, row.id);
        erased.deleted++;
      }
    }
    for (const articleId of new Set(rows.map((r) => r.article_id))) {
      await recountComments(tx, articleId);
      changed(changeKeys.article(articleId));
    }
    return erased;
  });
}

/** Spam is kept this long for a moderator to rescue a good comment from it (Akismet: 15 days). */
export const SPAM_RETENTION_DAYS = 30;
/** Spam deleted per transaction: a run never holds the database long. */
const SPAM_BATCH = 200;

/**
 * Spam written before `before` goes for good, with its GIF's files, from the rows and from the
 * database's files: a spammer's name, address and text are nobody's to keep, and a bot's posts
 * (each with a GIF of up to 2 MB) would grow the database without end. A spam comment that
 * others answered is emptied instead, as an erasure does. Returns how many went.
 */
export async function forgetSpamBefore(ctx: Ctx, before: Date): Promise<number> {
  let gone = 0;
  for (;;) {
    const done = await ctx.write(async (tx) => {
      const rows = await repo.spamBefore(tx.db, before.toISOString(), SPAM_BATCH);
      for (const row of rows) {
        await gifs.detach(tx, row.id);
        if (await repo.hasReplies(tx.db, row.id, row.root_id ?? row.id))
          await repo.blankOut(tx.db, row.id);
        else await repo.deleteOne(tx.db, row.id);
      }
      return rows.length;
    });
    gone += done;
    if (done < SPAM_BATCH) break;
    await nextTurn();
  }
  if (gone > 0) await ctx.engine.forgetDeleted(ERASED_FROM);
  return gone;
}

/** Addresses forgotten per transaction: one update of this many rows is a matter of milliseconds. */
export const ADDRESS_BATCH = 1000;

/**
 * The retention rule's work: hashed client addresses of comments older than `before` go, from
 * the rows and from the database's files. A batch at a time, giving way between batches: after
 * the retention is shortened on a large site (or at the first start after an import), one
 * statement over every row held the worker, and on SQLite every writer, for seconds.
 */
export async function forgetAddressesBefore(ctx: Ctx, before: Date): Promise<number> {
  let cleared = 0;
  for (;;) {
    const done = await ctx.write((tx) =>
      repo.clearIpHashesBefore(tx.db, before.toISOString(), ADDRESS_BATCH),
    );
    cleared += done;
    if (done < ADDRESS_BATCH) break;
    await nextTurn();
  }
  if (cleared > 0) await ctx.engine.forgetDeleted(["comments"]);
  return cleared;
}
