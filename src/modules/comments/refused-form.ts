import { randomBytes } from "node:crypto";
import type { Kysely } from "kysely";
import type { Ctx, TxCtx } from "../../ctx.js";
import type { Tables } from "../../db/schema.js";
import { keyedHash } from "../../lib/crypto.js";
import type { Problem } from "../../lib/errors.js";
import { parseRowId } from "../../lib/row-id.js";
import { articles } from "../articles/index.js";
import { gifs } from "../gifs/index.js";
import { comparedEmail } from "./email-hash.js";
import { formStamp } from "./form-stamp.js";
import * as repo from "./repo.js";
import * as refused from "./refused-form-repo.js";
import { formValues, type CommentFormValues } from "./validation.js";

/**
 * A comment form refused without JavaScript (decision 022). The post is answered with a 303 to
 * the form's own address, so the reader lands on a GET page (its fragment focuses the error
 * summary, reloading it posts nothing). What was typed waits here for that GET: in the database,
 * which every process and instance shares, under a random token that only the reader's cookie
 * carries — never in the URL, where history, logs and a shared link would keep the e-mail.
 */

/** Long enough to read the page and reload it; short enough that e-mails do not linger. */
export const REFUSED_FORM_TTL_S = 10 * 60;

export interface RefusedFormInput {
  values: CommentFormValues;
  problems: Readonly<Record<string, Problem>>;
}

/** What the refused form's page shows. */
export interface RefusedForm extends RefusedFormInput {
  article: { id: number; slug: string; title: string };
  /** A fresh form stamp: the fill-time rule measures the next attempt from this page. */
  stamp: string;
  /** The comment the reader was answering, while it is still one they may answer. */
  replyTo?: { id: number; name: string };
  /**
   * Whether readers may attach a GIF now: the page's form then keeps the one picked (its id, in
   * the field the article's form has), so that sending it again sends the GIF too.
   */
  gifs: boolean;
}

const tokenHash = (ctx: Pick<Ctx, "secret">, token: string) =>
  keyedHash(ctx.secret, "refused-comment-form", token);

/** Keeps a refused form for the article `slug`; returns the token for the reader's cookie. */
export async function keepRefused(ctx: Ctx, slug: string, form: RefusedFormInput): Promise<string> {
  const article = await articles.discussionTarget(ctx, slug);
  const token = randomBytes(32).toString("base64url");
  const now = ctx.clock.now();
  const expires = new Date(now.getTime() + REFUSED_FORM_TTL_S * 1000);
  await ctx.write((tx) =>
    refused.keep(
      tx.db,
      {
        token_hash: tokenHash(ctx, token),
        article_id: article.id,
        form: JSON.stringify(form),
        expires_at: expires.toISOString(),
      },
      now.toISOString(),
    ),
  );
  return token;
}

function parsed(json: string): RefusedFormInput | undefined {
  try {
    const v = JSON.parse(json) as {
      values?: Record<string, unknown>;
      problems?: Record<string, Problem>;
    };
    if (!v.values || !v.problems) return undefined;
    const values = formValues({ ...v.values, remember: v.values["remember"] === true ? "1" : "" });
    return { values, problems: v.problems };
  } catch {
    return undefined;
  }
}

/**
 * The refused form this token names on the article `slug`, while it lasts; undefined when there
 * is none (no cookie, expired, another article's). NotFound when the article is not published.
 */
export async function refusedForm(
  ctx: Ctx,
  slug: string,
  token: string | undefined,
): Promise<RefusedForm | undefined> {
  const article = await articles.discussionTarget(ctx, slug);
  if (!token) return undefined;
  const row = await refused.find(ctx.db, tokenHash(ctx, token), ctx.clock.now().toISOString());
  const form = row && row.article_id === article.id ? parsed(row.form) : undefined;
  return form && refusedFormOn(ctx, article, form);
}

/**
 * The refused form's page for a post that is not kept: one from a client over its limit, whose
 * every further post would otherwise be one more row (see keepRefused).
 */
export async function refusedFormNow(
  ctx: Ctx,
  slug: string,
  form: RefusedFormInput,
): Promise<RefusedForm> {
  return refusedFormOn(ctx, await articles.discussionTarget(ctx, slug), form);
}

async function refusedFormOn(
  ctx: Ctx,
  article: { id: number; slug: string; title: string },
  form: RefusedFormInput,
): Promise<RefusedForm> {
  const now = ctx.clock.now();
  const settings = await ctx.settings();
  const parentId = parseRowId(form.values.parent);
  const parent = parentId === undefined ? undefined : await repo.findById(ctx.db, parentId);
  return {
    ...form,
    article: { id: article.id, slug: article.slug, title: article.title },
    stamp: formStamp(ctx, article.id, now),
    gifs: gifs.gifsEnabled(settings),
    ...(parent && parent.article_id === article.id && parent.status === "approved"
      ? { replyTo: { id: parent.id, name: parent.author_name } }
      : {}),
  };
}

/** Drops the refused form once the reader's next post went through. */
export async function forgetRefused(ctx: Ctx, token: string): Promise<void> {
  await ctx.write((tx) => refused.forget(tx.db, tokenHash(ctx, token)));
}

/**
 * Drops the forms past their time, e-mails included: a refusal nobody followed by another would
 * otherwise keep its row. Run hourly by the retention job; returns how many went.
 */
export async function forgetExpiredRefused(ctx: Ctx): Promise<number> {
  const now = ctx.clock.now().toISOString();
  const gone = await ctx.write((tx) => refused.pruneExpired(tx.db, now));
  if (gone > 0) await ctx.engine.forgetDeleted(["refused_comment_forms"]);
  return gone;
}

/** A refused form typed with a given address, as the commenter's data shows it. */
export interface HeldRefusedForm {
  articleId: number;
  values: CommentFormValues;
  /** The table keeps only the form's end: it was refused REFUSED_FORM_TTL_S before. */
  refusedAt: string;
  /** Its page's end; the row itself goes with the next refusal or the hourly job after. */
  keptUntil: string;
}

/**
 * The refused forms typed with this address, expired or not while their row lasts: the one rule
 * for what export and erasure (personal-data.ts) find. The table holds a few rows at most, so
 * each is read.
 */
async function heldFormsOf(db: Kysely<Tables>, email: string) {
  const wanted = comparedEmail(email);
  const found: (HeldRefusedForm & { tokenHash: string })[] = [];
  for (const row of await refused.all(db)) {
    const form = parsed(row.form);
    if (!form || comparedEmail(form.values.email) !== wanted) continue;
    const end = new Date(row.expires_at);
    found.push({
      tokenHash: row.token_hash,
      articleId: row.article_id,
      values: form.values,
      refusedAt: new Date(end.getTime() - REFUSED_FORM_TTL_S * 1000).toISOString(),
      keptUntil: end.toISOString(),
    });
  }
  return found;
}

/** Export's part: what the refused forms typed with this address hold. */
export async function refusedFormsOf(ctx: Ctx, email: string): Promise<HeldRefusedForm[]> {
  return (await heldFormsOf(ctx.db, email)).map(({ tokenHash: _, ...held }) => held);
}

/**
 * Erasure's part: the refused forms typed with this address, which would otherwise keep it for
 * up to ten minutes more.
 */
export async function forgetRefusedFormsOf(tx: TxCtx, email: string): Promise<number> {
  const held = await heldFormsOf(tx.db, email);
  for (const form of held) await refused.forget(tx.db, form.tokenHash);
  return held.length;
}
