import type { Ctx, TxCtx } from "../../../ctx.js";
import { Forbidden, Invalid, type Problem } from "../../../lib/errors.js";
import { hasImageElsewhere, hasImageWithoutAlt } from "../../../lib/body-images.js";
import { isOnSite } from "../../../lib/on-site.js";
import { canEditArticle, canPublish, canWriteArticles, type Actor } from "../../accounts/index.js";
import { audit } from "../../audit/index.js";
import { reindexArticle } from "../indexing.js";
import { publishedKeys } from "../keys.js";
import type { ArticleStatus } from "../table.js";
import { formNames } from "./fields.js";
import * as repo from "./repo.js";
import { isLive, loadState, seenSince, type EditableArticle } from "./state.js";

/** What a button of the edit form asks for, besides saving the fields. */
export const actions = ["save", "submit", "publish", "schedule", "unpublish"] as const;
export type Action = (typeof actions)[number];

/** Actions only people who publish may take: authors submit for review instead. */
const publishing: readonly Action[] = ["publish", "schedule", "unpublish"];

type Changed = (...keys: string[]) => void;

/** Refuses, before anything is read from the form or written, what this person may not do. */
export function mayAct(actor: Actor, state: EditableArticle, action: Action): void {
  const editable =
    canWriteArticles(actor) &&
    canEditArticle(actor, { authorIds: state.fields.authorIds, status: state.status });
  if (!editable || (publishing.includes(action) && !canPublish(actor)))
    throw new Forbidden("KIOSQUE_FORBIDDEN", { user: actor.id, article: state.id, action });
}

/** Where an action takes the article: its status and dates. */
type Step = {
  status: ArticleStatus;
  published_at: string | null;
  first_published_at: string | null;
};

/** Where an action takes the article, or no change. */
function next(
  state: EditableArticle,
  action: Action,
  now: string,
  at: Date | undefined,
): Step | undefined {
  const { status, publishedAt } = state;
  // Kept through every step, since the date is not: a schedule moves it ahead, a withdrawn
  // schedule empties it. Readers who saw the article keep its old addresses working.
  const seen = seenSince(state, now);
  switch (action) {
    case "save":
      return undefined;
    case "submit":
      return status === "draft"
        ? { status: "review", published_at: publishedAt, first_published_at: seen }
        : undefined;
    case "publish": {
      if (status === "published") return undefined;
      // Back after an unpublication or a withdrawn schedule: the date readers saw, not today's.
      const date = publishedAt !== null && publishedAt <= now ? publishedAt : (seen ?? now);
      return { status: "published", published_at: date, first_published_at: seen ?? date };
    }
    case "schedule":
      return at
        ? { status: "scheduled", published_at: at.toISOString(), first_published_at: seen }
        : undefined;
    case "unpublish":
      if (status !== "published" && status !== "scheduled") return undefined;
      // A schedule withdrawn leaves no date; a page readers saw keeps the date they saw.
      return {
        status: "draft",
        published_at: status === "scheduled" ? null : publishedAt,
        first_published_at: seen,
      };
  }
}

/**
 * Readers who cannot see an image hear its alternative text: an article goes out only when its
 * featured image and every image of its body have one (what the page will say, not the library's
 * default: the picker fills it in, and the person may change it).
 */
function requireAltText(state: EditableArticle): void {
  const f = state.fields;
  const problems: Record<string, Problem> = {};
  if ((f.imageMediaId !== null || f.imageUrl) && !f.imageAlt.trim())
    problems[formNames.imageAlt] = { problem: "altMissing" };
  if (hasImageWithoutAlt(f.bodyHtml)) problems[formNames.body] = { problem: "altMissing" };
  if (Object.keys(problems).length > 0)
    throw new Invalid("KIOSQUE_ARTICLE_INVALID", problems, { articleId: state.id });
}

/**
 * Readers' browsers load images from the site alone (the CSP's `img-src 'self'`: no other site
 * sees who reads what): an image at another site's address would show to nobody. An article goes
 * out only with its images on the site, uploaded to the media library or at one of its paths. A
 * draft may hold any (an import reports the ones it could not bring, decision 021).
 */
function requireOwnImages(state: EditableArticle, publicUrl: string | undefined): void {
  const f = state.fields;
  const problems: Record<string, Problem> = {};
  if (f.imageUrl && !isOnSite(f.imageUrl, publicUrl))
    problems[formNames.imageUrl] = { problem: "imageElsewhere" };
  if (hasImageElsewhere(f.bodyHtml, publicUrl))
    problems[formNames.body] = { problem: "imageElsewhere" };
  if (Object.keys(problems).length > 0)
    throw new Invalid("KIOSQUE_ARTICLE_INVALID", problems, { articleId: state.id });
}

/**
 * Moves the article through the workflow inside the caller's transaction, announcing what readers
 * see change: publishing and unpublishing drop the pages that show (or showed) it; a schedule
 * changes nothing readers see until the job publishes it (jobs/publish-scheduled.ts).
 */
export async function applyAction(
  tx: TxCtx,
  changed: Changed,
  actor: Actor,
  articleId: number,
  action: Action,
  at?: Date,
): Promise<EditableArticle> {
  const state = await loadState(tx.db, articleId);
  mayAct(actor, state, action);
  const now = tx.clock.now().toISOString();
  if (action === "schedule" && (!at || at.toISOString() <= now))
    throw new Invalid("KIOSQUE_ARTICLE_INVALID", {
      [formNames.publishAt]: { problem: at ? "past" : "dateTime" },
    });
  // Going out, or already out (or due to): a save may not add an image without its text either.
  const out = state.status === "published" || state.status === "scheduled";
  if (action === "publish" || action === "schedule" || (out && action !== "unpublish")) {
    requireOwnImages(state, tx.config.publicUrl);
    requireAltText(state);
  }
  const to = next(state, action, now, at);
  if (!to) return state;
  await repo.setStatus(tx.db, articleId, { ...to, modified_at: now });
  await audit.record(tx, {
    actor,
    action: `article.${action}`,
    target: { type: "article", id: articleId },
    details: {
      from: state.status,
      to: to.status,
      ...(to.published_at ? { at: to.published_at } : {}),
    },
  });
  const after = {
    ...state,
    status: to.status,
    publishedAt: to.published_at,
    firstPublishedAt: to.first_published_at,
  };
  if (isLive(state, now) || isLive(after, now)) {
    changed(...publishedKeys({ ...state, ...state.fields }));
    await reindexArticle(tx, changed, articleId);
  }
  return after;
}

/** One workflow step on its own (no fields saved): submit, publish, schedule or unpublish. */
export async function act(
  ctx: Ctx,
  actor: Actor,
  articleId: number,
  action: Exclude<Action, "save">,
  at?: Date,
): Promise<EditableArticle> {
  return ctx.write((tx, changed) => applyAction(tx, changed, actor, articleId, action, at));
}

/**
 * Publishes every scheduled article whose time has come, once, whichever process asks first, and
 * announces what each changes so every instance's page cache drops it. Returns their ids.
 */
export async function publishDue(ctx: Ctx): Promise<number[]> {
  // A read first: every process asks every few seconds, and mostly nothing is due; a write
  // transaction each time would queue behind (and hold up) the writes readers wait for.
  if (!(await repo.anyDue(ctx.db, ctx.clock.now().toISOString()))) return [];
  return ctx.write(async (tx, changed) => {
    const due = await repo.publishDue(tx.db, tx.clock.now().toISOString());
    const ids = due.map((d) => d.id);
    const [authors, tags] = await Promise.all([
      repo.authorIdsOf(tx.db, ids),
      repo.tagIdsOf(tx.db, ids),
    ]);
    for (const d of due) {
      changed(
        ...publishedKeys({
          id: d.id,
          categoryId: d.category_id,
          authorIds: authors.filter((a) => a.article_id === d.id).map((a) => a.user_id),
          tagIds: tags.filter((t) => t.article_id === d.id).map((t) => t.tag_id),
        }),
      );
      await reindexArticle(tx, changed, d.id);
    }
    return ids;
  });
}
