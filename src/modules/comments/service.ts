import type { Ctx, TxCtx } from "../../ctx.js";
import { Invalid, NotFound } from "../../lib/errors.js";
import { changeKeys } from "../../lib/change-keys.js";
import { keyedHash, unsign } from "../../lib/crypto.js";
import { articles } from "../articles/index.js";
import { moderate, record, spamCheckFor, type Reason } from "../moderation/index.js";
import { privacy } from "../privacy/index.js";
import type { Settings } from "../settings/index.js";
import * as repo from "./repo.js";
import { buildThreads, nestsReplies, toPublic, type PublicComment } from "./model.js";
import type { CommentStatus } from "./table.js";
import { validateComment, type RawForm } from "./validation.js";

const DAY_MS = 86_400_000;

/** The rule for whether an article takes comments now: the newsroom's switch, then the age limit. */
export function discussionOpen(
  article: { commentsOpen: boolean; publishedAt: string },
  settings: Pick<Settings, "comments.closeAfterDays">,
  now: Date,
): boolean {
  if (!article.commentsOpen) return false;
  const days = settings["comments.closeAfterDays"];
  return days === 0 || now.getTime() - new Date(article.publishedAt).getTime() < days * DAY_MS;
}

export function emailHash(ctx: Pick<Ctx, "secret">, email: string): string {
  return keyedHash(ctx.secret, "email", email.trim().toLowerCase());
}

export interface NewComment {
  articleSlug: string;
  form: RawForm;
  /** The client's address, hashed before it is stored; never kept in clear. */
  ip: string | undefined;
  /** The request it came in, for a remote spam service (absent for comments from no browser). */
  request?: { siteUrl: string; permalink: string; userAgent: string; referrer: string };
}

export interface Posted {
  comment: PublicComment;
  /** The page of comments it is on, for the redirect to `#comment-N`. */
  page: number;
  reasons: Reason[];
}

/**
 * Validates, moderates and stores one comment. Throws Invalid (per field) for what the reader
 * must fix; bots get a stored spam comment and the same answer as a held one, so they learn nothing.
 */
export async function postComment(
  ctx: Ctx,
  input: NewComment,
  ownIds: readonly number[],
): Promise<Posted> {
  const settings = await ctx.settings();
  const now = ctx.clock.now();
  const article = await articles.discussionTarget(ctx, input.articleSlug);
  if (!discussionOpen(article, settings, now)) {
    throw new Invalid(
      "KIOSQUE_COMMENTS_CLOSED",
      { body: { problem: "closed" } },
      { article: article.id },
    );
  }
  const checked = validateComment(input.form, settings);
  if (!checked.ok)
    throw new Invalid("KIOSQUE_COMMENT_INVALID", checked.problems, { article: article.id });
  const value = checked.value;

  let parent: { id: number; rootId: number; depth: number } | null = null;
  if (value.parentId !== null) {
    const p = await repo.findById(ctx.db, value.parentId);
    const visible =
      p && p.article_id === article.id && (p.status === "approved" || ownIds.includes(p.id));
    if (!p || !visible)
      throw new Invalid("KIOSQUE_COMMENT_PARENT", { body: { problem: "unknownParent" } });
    // At the depth limit a reply joins its parent's level instead of going deeper.
    parent =
      nestsReplies(p.depth, settings["comments.maxDepth"]) || p.parent_id === null
        ? { id: p.id, rootId: p.root_id ?? p.id, depth: p.depth + 1 }
        : { id: p.parent_id, rootId: p.root_id ?? p.id, depth: p.depth };
  }

  const hash = emailHash(ctx, value.email);
  const clientHash = input.ip ? await privacy.hashClientAddress(ctx, input.ip, now) : null;
  const stamp = unsign(
    ctx.secret,
    typeof input.form.stamp === "string" ? input.form.stamp : undefined,
  );
  const spamCheck = spamCheckFor({
    apiKey: settings["akismet.apiKey"],
    endpoint: settings["akismet.endpoint"],
  });
  const { ip, request } = input;
  const decision = await moderate({
    name: value.name,
    website: value.website,
    body: value.body,
    honeypot: typeof input.form.homepage === "string" ? input.form.homepage : "",
    formServedAt: stamp && /^[0-9]{1,15}$/.test(stamp) ? new Date(Number(stamp)) : undefined,
    now,
    settings: {
      holdFirst: settings["comments.holdFirst"],
      maxLinks: settings["comments.maxLinks"],
      blocklist: settings["comments.blocklist"],
      minFillSeconds: settings["comments.minFillSeconds"],
      burstMax: settings["comments.burstMax"],
      burstMinutes: settings["comments.burstMinutes"],
    },
    ...(ip && request
      ? {
          remote: {
            name: spamCheck.name,
            check: () =>
              spamCheck.check({
                ...request,
                ip,
                isReply: parent !== null,
                name: value.name,
                email: value.email,
                website: value.website,
                body: value.body,
                postedAt: now,
                locale: settings["site.locale"],
              }),
          },
        }
      : {}),
    history: {
      hasApprovedComment: () => repo.hasApproved(ctx.db, hash),
      isDuplicate: () => repo.existsSame(ctx.db, article.id, hash, value.body),
      recentFromClient: async (minutes, atMost) =>
        clientHash === null
          ? 0
          : ctx.engine.toNumber(
              await repo.countFromClientSince(
                ctx.db,
                clientHash,
                new Date(now.getTime() - minutes * 60_000).toISOString(),
                atMost,
              ),
            ),
    },
  });
  if (decision.outcome === "reject") {
    throw new Invalid(
      "KIOSQUE_COMMENT_DUPLICATE",
      { body: { problem: "duplicate" } },
      { article: article.id },
    );
  }
  const status: CommentStatus = decision.outcome;

  // One transaction: the comment, its thread root, its log line and the article's count land together or not at all.
  const id = await ctx.write(async (tx, changed) => {
    const id = await repo.insert(tx.db, {
      article_id: article.id,
      parent_id: parent?.id ?? null,
      root_id: parent?.rootId ?? null,
      depth: parent?.depth ?? 0,
      author_name: value.name,
      author_email: value.email,
      author_website: value.website,
      body: value.body,
      status,
      created_at: now.toISOString(),
      email_hash: hash,
      ip_hash: clientHash,
    });
    if (!parent) await repo.setRoot(tx.db, id, id);
    await record(tx.db, id, "pipeline", status, decision.reasons, now);
    if (status === "approved") {
      await refreshCount(tx, article.id);
      changed(changeKeys.article(article.id));
    }
    return id;
  });
  ctx.log.info(
    { comment: id, article: article.id, status, reasons: decision.reasons.map((r) => r.rule) },
    "comment posted",
  );

  // The new comment as readers will see it, from what was just written (no second read).
  const row = {
    id,
    parent_id: parent?.id ?? null,
    depth: parent?.depth ?? 0,
    author_name: value.name,
    author_website: value.website,
    body: value.body,
    status,
    created_at: now.toISOString(),
    email_hash: hash,
  };
  const root = parent ? await repo.findById(ctx.db, parent.rootId) : row;
  if (!root) throw new NotFound("comment", { id: parent?.rootId });
  const before = await repo.countRootsBefore(
    ctx.db,
    article.id,
    [...ownIds, id],
    root,
    settings["comments.order"],
  );
  return {
    comment: toPublic(row),
    page: Math.floor(ctx.engine.toNumber(before) / settings["comments.perPage"]) + 1,
    reasons: decision.reasons,
  };
}

/** Keeps the article's denormalised count of approved comments true. Runs in the caller's transaction. */
export async function refreshCount(tx: TxCtx, articleId: number): Promise<void> {
  await articles.recountComments(tx, articleId, async () =>
    tx.engine.toNumber(await repo.countApproved(tx.db, articleId)),
  );
}

export interface ThreadPage {
  threads: PublicComment[];
  page: number;
  totalPages: number;
}

/** One page of an article's threads, as this reader may see them (with the reader's own pending comments). */
export async function threadPage(
  ctx: Ctx,
  articleId: number,
  page: number,
  ownIds: readonly number[],
): Promise<ThreadPage> {
  const settings = await ctx.settings();
  const perPage = settings["comments.perPage"];
  const total = ctx.engine.toNumber(await repo.countRoots(ctx.db, articleId, ownIds));
  const totalPages = Math.max(1, Math.ceil(total / perPage));
  const current = Math.min(Math.max(1, page), totalPages);
  const roots = await repo.pageOfRoots(
    ctx.db,
    articleId,
    ownIds,
    settings["comments.order"],
    perPage,
    (current - 1) * perPage,
  );
  const rootIds = roots.map((r) => r.id);
  const rows = await repo.threads(ctx.db, rootIds, ownIds);
  return { threads: buildThreads(rootIds, rows), page: current, totalPages };
}

/** A moderator's decision on comments; logged, and the article's count kept right. */
export async function setStatus(
  ctx: Ctx,
  ids: readonly number[],
  status: CommentStatus,
  actor: string,
) {
  const changed: number[] = [];
  for (const id of ids) {
    const row = await repo.findById(ctx.db, id);
    if (!row) throw new NotFound("comment", { id });
    await ctx.write(async (tx, changed) => {
      await repo.setStatus(tx.db, id, status);
      // Readers see approved comments only: a change to or from "approved" changes pages.
      if (row.status === "approved" || status === "approved")
        changed(changeKeys.article(row.article_id));
      await record(tx.db, id, actor, status, [{ rule: "manual" }], ctx.clock.now());
      await refreshCount(tx, row.article_id);
    });
    changed.push(id);
  }
  return changed;
}

export async function listForStaff(ctx: Ctx, status: CommentStatus | undefined, limit: number) {
  return repo.listForStaff(ctx.db, status, limit);
}

export interface ImportedComment {
  articleId: number;
  parentId: number | null;
  name: string;
  email: string;
  website: string | null;
  body: string;
  status: CommentStatus;
  createdAt: Date;
}

/**
 * Writes a comment whose fate is already decided (demo content, imports from another platform):
 * no form rules, no pipeline, but the same thread bookkeeping, log line and count.
 */
export async function importComment(
  ctx: Ctx,
  input: ImportedComment,
  actor: string,
): Promise<number> {
  const parent = input.parentId !== null ? await repo.findById(ctx.db, input.parentId) : undefined;
  return ctx.write(async (tx, changed) => {
    const id = await repo.insert(tx.db, {
      article_id: input.articleId,
      parent_id: parent?.id ?? null,
      root_id: parent ? (parent.root_id ?? parent.id) : null,
      depth: parent ? parent.depth + 1 : 0,
      author_name: input.name,
      author_email: input.email,
      author_website: input.website,
      body: input.body,
      status: input.status,
      created_at: input.createdAt.toISOString(),
      email_hash: emailHash(ctx, input.email),
      ip_hash: null,
    });
    if (!parent) await repo.setRoot(tx.db, id, id);
    await record(tx.db, id, actor, input.status, [{ rule: "import" }], ctx.clock.now());
    if (input.status === "approved") {
      await refreshCount(tx, input.articleId);
      changed(changeKeys.article(input.articleId));
    }
    return id;
  });
}
