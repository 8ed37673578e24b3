import { randomBytes } from "node:crypto";
import type { Ctx } from "../../ctx.js";
import { accounts } from "../accounts/index.js";
import { articles } from "../articles/index.js";
import { comments } from "../comments/index.js";
import { setSetting } from "../settings/index.js";
import { articlesA } from "./content/articles-a.js";
import { articlesB } from "./content/articles-b.js";
import { authors, categories } from "./content/newsroom.js";
import type { DemoArticle, DemoComment } from "./content/types.js";

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

const demoArticles: readonly DemoArticle[] = [...articlesA, ...articlesB];

/**
 * When a demo article appeared: so many days before `now`, at its hour of the day (Paris time,
 * taken as UTC+1 all year: an hour off in summer matters to nobody), never in the future.
 */
export function demoDate(now: Date, daysAgo: number, hour: number): Date {
  const midnight = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  const at = midnight - daysAgo * DAY_MS + (hour - 1) * HOUR_MS;
  return new Date(Math.min(at, now.getTime() - (daysAgo + 1) * HOUR_MS));
}

export interface SeedReport {
  articles: number;
  comments: number;
}

/**
 * Fills an empty site with the demo newsroom « L'Écho du Plateau »: its sections, three
 * journalists (with random passwords nobody knows: they exist to sign articles), the articles
 * and their discussions. Returns undefined, doing nothing, when the site has content.
 */
export async function seedDemo(
  ctx: Ctx,
  onProgress?: (done: number, total: number) => void,
): Promise<SeedReport | undefined> {
  if (!(await articles.isEmpty(ctx))) return undefined;
  const now = ctx.clock.now();
  await setSetting(ctx, "site.name", "L’Écho du Plateau");
  await setSetting(ctx, "site.description", "Le quotidien en ligne du Plateau et de ses vallées");

  for (const [position, c] of categories.entries()) {
    await articles.createCategory(ctx, {
      slug: c.slug,
      name: c.name,
      description: c.description,
      position,
    });
  }
  const authorIds = new Map<string, number>();
  for (const a of authors) {
    const id = await accounts.createUser(ctx, {
      email: a.email,
      name: a.name,
      slug: a.slug,
      bio: a.bio,
      role: a.role,
      password: randomBytes(18).toString("base64url"),
    });
    authorIds.set(a.slug, id);
  }

  let commentCount = 0;
  for (const [i, a] of demoArticles.entries()) {
    const publishedAt = demoDate(now, a.publishedDaysAgo, a.publishedHour);
    const authorId = authorIds.get(a.author);
    if (authorId === undefined)
      throw new Error(`demo article ${a.slug}: unknown author ${a.author}`);
    const articleId = await articles.createArticle(ctx, {
      slug: a.slug,
      categorySlug: a.category,
      authorId,
      title: a.title,
      standfirst: a.standfirst,
      bodyHtml: a.body,
      tags: a.tags,
      publishedAt,
      ...(a.updatedHoursAfter
        ? {
            updatedAt: new Date(
              Math.min(publishedAt.getTime() + a.updatedHoursAfter * HOUR_MS, now.getTime()),
            ),
          }
        : {}),
      commentsOpen: !a.commentsClosed,
    });
    const write = async (c: DemoComment, parentId: number | null): Promise<void> => {
      const id = await comments.importComment(
        ctx,
        {
          articleId,
          parentId,
          name: c.name,
          email: c.email,
          website: c.website ?? null,
          body: c.body,
          status: c.status,
          createdAt: new Date(
            Math.min(publishedAt.getTime() + c.minutesAfter * 60_000, now.getTime()),
          ),
        },
        "demo",
      );
      commentCount++;
      for (const reply of c.replies ?? []) await write(reply, id);
    };
    for (const c of a.comments) await write(c, null);
    onProgress?.(i + 1, demoArticles.length);
  }
  return { articles: demoArticles.length, comments: commentCount };
}
