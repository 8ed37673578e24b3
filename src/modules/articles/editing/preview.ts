import type { Ctx } from "../../../ctx.js";
import { signFor, unsignFor } from "../../../lib/crypto.js";
import { Gone, NotFound } from "../../../lib/errors.js";
import { parseRowId } from "../../../lib/row-id.js";
import type { Actor } from "../../accounts/index.js";
import type { Article } from "../model.js";
import * as articlesRepo from "../repo.js";
import * as repo from "./repo.js";
import { loadState } from "./state.js";
import { mayAct } from "./workflow.js";

/** How long a preview link opens the article: a week of back and forth with a colleague. */
const PREVIEW_MS = 7 * 86_400_000;

/**
 * A link's token for the article as it stands, for anyone who has it, signed-in or not, until
 * it expires. Only people who may edit the article make one.
 */
export async function previewToken(ctx: Ctx, actor: Actor, articleId: number): Promise<string> {
  mayAct(actor, await loadState(ctx.db, articleId), "save");
  const until = Math.floor((ctx.clock.now().getTime() + PREVIEW_MS) / 1000);
  return signFor(ctx.secret, "article-preview", `${articleId}-${until}`);
}

/**
 * The article a preview token names, whatever its status, as readers will see it. NotFound for
 * a token altered or not ours (nothing said about why); Gone once it has expired.
 */
export async function previewArticle(ctx: Ctx, token: string): Promise<Article> {
  const value = unsignFor(ctx.secret, "article-preview", token);
  const [idText, untilText] = value?.split("-") ?? [];
  const id = idText ? parseRowId(idText) : undefined;
  const until = Number(untilText);
  if (id === undefined || !Number.isSafeInteger(until)) throw new NotFound("preview");
  if (until * 1000 < ctx.clock.now().getTime())
    throw new Gone("KIOSQUE_PREVIEW_EXPIRED", { articleId: id });
  const state = await loadState(ctx.db, id);
  const [category, authors, tags] = await Promise.all([
    articlesRepo.listCategories(ctx.db),
    repo.authorsOf(ctx.db, [id]),
    articlesRepo.tagsOf(ctx.db, [id]),
  ]);
  const section = category.find((c) => c.id === state.fields.categoryId);
  const f = state.fields;
  const byline = authors.map((a) => ({ slug: a.slug, name: a.name }));
  return {
    id,
    slug: f.slug,
    title: f.title,
    standfirst: f.standfirst,
    imageUrl: f.imageUrl,
    imageAlt: f.imageAlt || null,
    imageMediaId: f.imageMediaId,
    // Not out yet: shown with the time it is seen, as it would read if published now.
    publishedAt: state.publishedAt ?? ctx.clock.now().toISOString(),
    updatedAt: null,
    commentCount: 0,
    category: { slug: section?.slug ?? "", name: section?.name ?? "" },
    author: byline[0] ?? { slug: "", name: "" },
    authors: byline,
    bylineIds: authors.map((a) => a.user_id),
    language: f.language || null,
    bodyHtml: f.bodyHtml,
    commentsOpen: f.commentsOpen,
    categoryId: f.categoryId,
    tags: tags.map((t) => ({ id: t.id, slug: t.slug, name: t.name })),
  };
}
