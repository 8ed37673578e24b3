import type { Ctx, TxCtx } from "../../ctx.js";
import { Invalid, NotFound } from "../../lib/errors.js";
import { articles } from "../articles/index.js";
import { gifs, type KeptGif } from "../gifs/index.js";
import { bans, type Reason } from "../moderation/index.js";
import { privacy } from "../privacy/index.js";
import type { Settings } from "../settings/index.js";
import { authorIds, authorTokenWith } from "./author-token.js";
import { discussionOpen } from "./discussion.js";
import { emailHash } from "./email-hash.js";
import { toPublic, type PublicComment } from "./model.js";
import { placeReply, TOP_LEVEL, type Place } from "./placement.js";
import { REPLIES_PER_PAGE } from "./reading.js";
import * as repo from "./repo.js";
import { screenAgain, screenPost, type Screened } from "./screening.js";
import { storeComment, type CommentToStore } from "./store.js";
import { validateComment, type RawForm, type ValidComment } from "./validation.js";

export interface NewComment {
  articleSlug: string;
  form: RawForm;
  /** The client's address, hashed before it is stored; never kept in clear. */
  ip: string | undefined;
  /** The browser's author token (author-token.ts), as its cookie came; undefined without one. */
  authorToken?: string | undefined;
  /** The request it came in, for a remote spam service (absent for comments from no browser). */
  request?: { siteUrl: string; permalink: string; userAgent: string; referrer: string };
}

export interface Posted {
  comment: PublicComment;
  /** The page of comments it is on, for the redirect to `#comment-N`. */
  page: number;
  /**
   * A reply past the first REPLIES_PER_PAGE of its thread is not on the article's page but on
   * one of the thread's own: that one.
   */
  thread?: { rootId: number; page: number };
  reasons: Reason[];
  /** The browser's author token, now naming this comment too: given back whatever the verdict. */
  authorToken: string;
}

/**
 * Validates, moderates and stores one comment. Throws Invalid (per field) for what the reader
 * must fix; bots get a stored spam comment and the same answer as a held one, so they learn
 * nothing: the comment as returned says "pending", and its author sees it held (repo.ts).
 */
export async function postComment(
  ctx: Ctx,
  input: NewComment,
  ownIds: readonly number[],
): Promise<Posted> {
  const settings = await ctx.settings();
  const now = ctx.clock.now();
  const article = await openArticle(ctx, input.articleSlug, settings, now);
  const value = checkedForm(input.form, settings, article.id);
  const place = await replyPlace(ctx, article.id, value, ownIds, settings);
  // The GIF is fetched before anything is judged or written: the rules read its title, and no
  // network call waits inside the transaction. None (not offered, unreachable): the comment
  // posts without it.
  const gif = await keptGif(ctx, input.form, settings);
  const hash = emailHash(ctx, value.email);
  const clientHash = input.ip ? await privacy.hashClientAddress(ctx, input.ip, now) : null;
  const clientKey = input.ip ? bans.clientKey(ctx, input.ip) : null;
  const screened: Screened = {
    articleId: article.id,
    value,
    gifTitle: gif?.title ?? "",
    form: input.form,
    isReply: place.parentId !== null,
    emailHash: hash,
    authorIds: authorIds(ctx, input.authorToken),
    clientHash,
    clientKey,
    ip: input.ip,
    request: input.request,
    settings,
    now,
  };
  const decision = await screenPost(ctx, screened);
  if (decision.outcome === "reject") throw refusal(decision.reasons, article.id);
  if (place.underHeld && decision.outcome === "approved") {
    decision.outcome = "pending";
    decision.reasons.push({ rule: "under-held" });
  }
  const comment: CommentToStore = {
    articleId: article.id,
    place: { parentId: place.parentId, rootId: place.rootId, depth: place.depth },
    name: value.name,
    email: value.email,
    website: value.website,
    body: value.body,
    status: decision.outcome,
    createdAt: now,
    emailHash: hash,
    ipHash: clientHash,
    clientKey,
    gif,
  };
  const stored = await storeComment(ctx, comment, {
    actor: "pipeline",
    reasons: decision.reasons,
    at: now,
    // Spam is stored whatever came meanwhile; anything else is looked at once more.
    ...(decision.outcome !== "spam" && { lastLook: (tx) => lastLook(tx, screened, article.id) }),
  });
  const { id } = stored;
  comment.status = stored.status;
  ctx.log.info(
    {
      comment: id,
      article: article.id,
      status: comment.status,
      reasons: stored.reasons.map((r) => r.rule),
    },
    "comment posted",
  );
  const shown = toPublic(asRead(id, comment));
  if (gif) shown.gif = (await gifs.gifsOf(ctx, [id])).get(id) ?? null;
  const thread = await threadPageOf(ctx, comment);
  return {
    comment: shown,
    page: await pageOf(ctx, settings, id, comment),
    ...(thread && { thread }),
    reasons: [...stored.reasons],
    authorToken: authorTokenWith(ctx, input.authorToken, id),
  };
}

/**
 * Two posts from one poster sent at once (a double click, a script) were each screened before
 * either was stored, so neither saw the other: the same text twice, or a burst's posts all
 * approved. Inside the write, with the poster's key held (PostgreSQL: another instance's write
 * waits; SQLite writes one at a time), the rules such a race fools are asked again.
 */
async function lastLook(tx: TxCtx, screened: Screened, articleId: number) {
  await tx.engine.holdKey(tx.db, `comment-poster:${screened.clientHash ?? screened.emailHash}`);
  const again = await screenAgain(tx, screened);
  if (again.outcome === "reject") throw refusal(again.reasons, articleId);
  return { held: again.outcome === "pending", reasons: again.reasons };
}

/** The GIF the form names, when GIFs are on and Kiosque's own search offered that id. */
async function keptGif(ctx: Ctx, form: RawForm, settings: Settings): Promise<KeptGif | undefined> {
  const id = typeof form["gif"] === "string" ? form["gif"] : "";
  if (id === "" || !gifs.gifsEnabled(settings)) return undefined;
  return gifs.keepOffered(ctx, id);
}

/**
 * Why a post is refused outright. A ban's refusal says only that the comment cannot be published:
 * not that a ban exists, nor whether it names the address or the connection, which would tell a
 * banned poster what to change.
 */
function refusal(reasons: readonly Reason[], articleId: number): Invalid {
  const ban = reasons.find((r) => r.rule === "ban");
  return ban
    ? new Invalid(
        "KIOSQUE_COMMENT_REFUSED",
        { body: { problem: "refused" } },
        { article: articleId, ban: ban.detail },
      )
    : new Invalid(
        "KIOSQUE_COMMENT_DUPLICATE",
        { body: { problem: "duplicate" } },
        { article: articleId },
      );
}

/** The article, if its discussion takes comments now. */
async function openArticle(ctx: Ctx, slug: string, settings: Settings, now: Date) {
  const article = await articles.discussionTarget(ctx, slug);
  if (!discussionOpen(article, settings, now)) {
    throw new Invalid(
      "KIOSQUE_COMMENTS_CLOSED",
      { body: { problem: "closed" } },
      { article: article.id },
    );
  }
  return article;
}

function checkedForm(form: RawForm, settings: Settings, articleId: number): ValidComment {
  const checked = validateComment(form, settings);
  if (!checked.ok)
    throw new Invalid("KIOSQUE_COMMENT_INVALID", checked.problems, { article: articleId });
  return checked.value;
}

/**
 * Where a reader's comment goes. A reader answers a published comment of the same article, or
 * one of their own still held (shown to them alone); any other parent is refused, a pingback or
 * trackback too (a mention is not a thread: a reply to it would show nowhere).
 */
async function replyPlace(
  ctx: Ctx,
  articleId: number,
  value: ValidComment,
  ownIds: readonly number[],
  settings: Settings,
): Promise<Place & { underHeld: boolean }> {
  if (value.parentId === null) return { ...TOP_LEVEL, underHeld: false };
  // The parent and every comment above it: a reply shows only where its whole thread shows. A
  // thread whose root was trashed shows none of it, so its comments take no reply; under one of
  // the reader's own held (or, unknown to them, spam) comments the reply shows to them alone,
  // so it is held too, whatever the rules say: published, it would be counted, in the feed,
  // and on no page.
  const above = [];
  for (let id: number | null = value.parentId; id !== null && above.length <= MAX_CHAIN;) {
    const c = await repo.findById(ctx.db, id);
    if (!c) break;
    above.push(c);
    id = c.parent_id;
  }
  const p = above[0];
  const whole = above.length > 0 && above.at(-1)?.parent_id === null;
  const visible =
    p &&
    whole &&
    above.every(
      (c) =>
        c.article_id === articleId &&
        c.kind === "comment" &&
        (c.status === "approved" || ownIds.includes(c.id)),
    );
  if (!p || !visible)
    throw new Invalid("KIOSQUE_COMMENT_PARENT", { body: { problem: "unknownParent" } });
  const place = placeReply(
    { id: p.id, parentId: p.parent_id, rootId: p.root_id, depth: p.depth },
    settings["comments.maxDepth"],
  );
  return { ...place, underHeld: above.some((c) => c.status !== "approved") };
}

/** Threads are at most `comments.maxDepth` deep (its schema's maximum): a longer chain is not one. */
const MAX_CHAIN = 20;

/** The new comment as readers will see it, from what was just written (no second read). */
function asRead(id: number, c: CommentToStore) {
  return {
    id,
    parent_id: c.place.parentId,
    depth: c.place.depth,
    author_name: c.name,
    author_website: c.website,
    body: c.body,
    status: c.status,
    created_at: c.createdAt.toISOString(),
    email_hash: c.emailHash,
    staff_user_id: null,
  };
}

/**
 * The thread's page a new reply is on, when it is not among the first REPLIES_PER_PAGE the
 * article's page shows. Replies read oldest first, and it is the newest: after every published
 * one, itself included once published (a held one is placed there for its writer).
 */
async function threadPageOf(
  ctx: Ctx,
  c: CommentToStore,
): Promise<{ rootId: number; page: number } | undefined> {
  const rootId = c.place.rootId;
  if (rootId === null) return undefined;
  const published = ctx.engine.toNumber(await repo.countReplies(ctx.db, rootId));
  const position = c.status === "approved" ? published : published + 1;
  if (position <= REPLIES_PER_PAGE) return undefined;
  return { rootId, page: Math.ceil(position / REPLIES_PER_PAGE) };
}

/**
 * The page of comments its thread is on. Pages are everyone's (published comments only); a
 * reader's held comment is shown on the page where it falls (comments/held.ts).
 */
async function pageOf(
  ctx: Ctx,
  settings: Settings,
  id: number,
  c: CommentToStore,
): Promise<number> {
  const root =
    c.place.rootId === null
      ? { id, created_at: c.createdAt.toISOString() }
      : await repo.findById(ctx.db, c.place.rootId);
  if (!root) throw new NotFound("comment", { id: c.place.rootId });
  const before = await repo.countRootsBefore(
    ctx.db,
    c.articleId,
    [],
    root,
    settings["comments.order"],
  );
  return Math.floor(ctx.engine.toNumber(before) / settings["comments.perPage"]) + 1;
}
