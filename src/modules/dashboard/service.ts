import type { Ctx } from "../../ctx.js";
import { lastDays } from "../../lib/zoned-days.js";
import { canEditAnyArticle, canModerate, canWriteArticles, type Actor } from "../accounts/index.js";
import { articles } from "../articles/index.js";
import { comments } from "../comments/index.js";

/** Days the charts cover, today included. */
export const CHART_DAYS = 30;
/** "The week": the last seven days, as a rolling window. */
const WEEK_MS = 7 * 86_400_000;
/** Articles in the week's most commented list. */
const TOP_COUNT = 5;

export interface MostCommented {
  slug: string;
  title: string;
  comments: number;
}

/**
 * The newsroom's first page, as one person may see it. Editors and admins see the whole site;
 * moderators the comment side (received, the queue, the week's discussions); authors their own
 * articles (published, comments received on them, their most commented). A part a role does not
 * see is null.
 */
export interface Dashboard {
  /** True when the numbers are of the person's own articles (authors). */
  own: boolean;
  /** The charts' calendar days in the site's zone, oldest first ("2026-08-30"). */
  dates: string[];
  published: number[] | null;
  received: number[] | null;
  queue: { pending: number; oldestAt: string | null } | null;
  week: MostCommented[] | null;
}

export async function dashboardFor(ctx: Ctx, actor: Actor): Promise<Dashboard> {
  const settings = await ctx.settings();
  const now = ctx.clock.now();
  const { dates, bounds } = lastDays(now, settings["site.timezone"], CHART_DAYS);
  const everything = canEditAnyArticle(actor);
  const own = !everything && !canModerate(actor) && canWriteArticles(actor);
  const mine = own ? await articles.idsByAuthor(ctx, actor.id) : undefined;
  const since = new Date(now.getTime() - WEEK_MS).toISOString();
  const [published, received, queue, top] = await Promise.all([
    everything || own ? articles.publishedPerDay(ctx, bounds, own ? actor.id : undefined) : null,
    comments.receivedPerDay(ctx, bounds, mine),
    canModerate(actor) ? comments.moderationQueue(ctx) : null,
    comments.mostCommentedSince(ctx, since, TOP_COUNT, mine),
  ]);
  const named = await articles.slugsAndTitles(
    ctx,
    top.map((t) => t.articleId),
  );
  const week = top.flatMap((t) => {
    const article = named.get(t.articleId);
    return article ? [{ ...article, comments: t.comments }] : [];
  });
  return { own, dates, published, received, queue, week };
}
