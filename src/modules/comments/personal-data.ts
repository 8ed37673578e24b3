import type { Ctx } from "../../ctx.js";
import { gifs } from "../gifs/index.js";
import { changeKeys } from "../../lib/change-keys.js";
import { articles } from "../articles/index.js";
import { record } from "../moderation/index.js";
import * as repo from "./repo.js";
import { recountComments } from "./comment-count.js";
import { emailHash } from "./email-hash.js";
import { forgetRefusedFormsOf, refusedFormsOf } from "./refused-form.js";
import type { CommentFormValues } from "./validation.js";

/**
 * What Kiosque holds about one commenter: every comment written with their address, and every
 * comment form they had refused minutes ago that is still kept (decision 022).
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
    /** Whether a hashed client address is still kept with it (the address itself never is). */
    clientAddressHashKept: boolean;
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
  const refused = await refusedFormsOf(ctx, email);
  const articleIds = [...rows.map((r) => r.article_id), ...refused.map((f) => f.articleId)];
  const titles = await articles.slugsAndTitles(ctx, [...new Set(articleIds)]);
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
    })),
    refusedForms: refused.map((f) => ({
      article: titles.get(f.articleId) ?? null,
      typed: f.values,
      refusedAt: f.refusedAt,
      keptUntil: f.keptUntil,
    })),
  };
}

export interface Erased {
  /** Comments removed with their moderation log lines. */
  deleted: number;
  /** Comments others answered: emptied in place so the answers keep their thread. */
  blanked: number;
  /** Comment forms refused minutes ago and kept for their page (decision 022), typed with it. */
  refusedForms: number;
}

/**
 * Erasure (GDPR article 17): every comment written with the address goes; one that others
 * answered stays as an empty "comment removed" so the answers keep their place. One
 * transaction: on failure nothing is erased. Pages showing them are dropped from every cache.
 * Then the erased bytes leave the database's files too (free pages, WAL, dead rows), also when
 * nothing was found: a run after an interrupted one finishes that part.
 */
export async function eraseByEmail(ctx: Ctx, email: string, actor: string): Promise<Erased> {
  const erased = await eraseRows(ctx, email, actor);
  await ctx.engine.forgetDeleted(ERASED_FROM);
  return erased;
}

/**
 * Where an erasure deletes or overwrites: comments, their moderation log lines, the texts the
 * newsroom's edits replaced, their GIFs (rows and kept files), and refused forms.
 */
const ERASED_FROM = [
  "comments",
  "moderation_log",
  "comment_edits",
  "comment_gifs",
  "media_blobs",
  "refused_comment_forms",
] as const;

async function eraseRows(ctx: Ctx, email: string, actor: string): Promise<Erased> {
  const now = ctx.clock.now();
  return ctx.write(async (tx, changed) => {
    const rows = await repo.allByEmail(tx.db, emailHash(ctx, email), email);
    const erased: Erased = {
      deleted: 0,
      blanked: 0,
      refusedForms: await forgetRefusedFormsOf(tx, email),
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
  }
  if (gone > 0) await ctx.engine.forgetDeleted(ERASED_FROM);
  return gone;
}

/**
 * The retention rule's work: hashed client addresses of comments older than `before` go, from
 * the rows and from the database's files.
 */
export async function forgetAddressesBefore(ctx: Ctx, before: Date): Promise<number> {
  const cleared = await ctx.write((tx) => repo.clearIpHashesBefore(tx.db, before.toISOString()));
  if (cleared > 0) await ctx.engine.forgetDeleted(["comments"]);
  return cleared;
}
