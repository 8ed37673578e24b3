import type { Kysely } from "kysely";
import type { Tables } from "../../../db/schema.js";
import { NotFound } from "../../../lib/errors.js";
import type { ArticleStatus } from "../table.js";
import * as articlesRepo from "../repo.js";
import type { ArticleFields } from "./fields.js";
import * as repo from "./repo.js";

/** An article as the newsroom sees it: its fields, where it is in the workflow, its version. */
export interface EditableArticle {
  id: number;
  status: ArticleStatus;
  version: number;
  publishedAt: string | null;
  /** When readers first saw it; null while they never have (table.ts). */
  firstPublishedAt: string | null;
  modifiedAt: string;
  createdAt: string;
  fields: ArticleFields;
  /** The bylines' names, in order, as the form and the list show them. */
  authors: { id: number; name: string }[];
  tagIds: number[];
}

export async function loadState(db: Kysely<Tables>, id: number): Promise<EditableArticle> {
  const row = await repo.articleRow(db, id);
  if (!row) throw new NotFound("article", { id });
  const [authors, tags] = await Promise.all([
    repo.authorsOf(db, [id]),
    articlesRepo.tagsOf(db, [id]),
  ]);
  return {
    id,
    status: row.status,
    version: row.version,
    publishedAt: row.published_at,
    firstPublishedAt: row.first_published_at,
    modifiedAt: row.modified_at,
    createdAt: row.created_at,
    authors: authors.map((a) => ({ id: a.user_id, name: a.name })),
    tagIds: tags.map((t) => t.id),
    fields: {
      title: row.title,
      standfirst: row.standfirst,
      slug: row.slug,
      bodyHtml: row.body_html,
      categoryId: row.category_id,
      tags: tags.map((t) => t.name),
      authorIds: authors.map((a) => a.user_id),
      imageMediaId: row.image_media_id,
      imageUrl: row.image_url,
      imageAlt: row.image_alt ?? "",
      imageCaption: row.image_caption ?? "",
      imageCredit: row.image_credit ?? "",
      seoTitle: row.seo_title ?? "",
      seoDescription: row.seo_description ?? "",
      commentsOpen: row.comments_open === 1,
      language: row.language ?? "",
    },
  };
}

/** Whether readers see the article now (what a change to it must announce). */
export function isLive(a: { status: ArticleStatus; publishedAt: string | null }, now: string) {
  return a.status === "published" && a.publishedAt !== null && a.publishedAt <= now;
}

/**
 * Since when readers have seen the article, or null: never. Its first publication may still be
 * to come (an article written published with a date ahead: createArticle).
 */
export function seenSince(a: { firstPublishedAt: string | null }, now: string): string | null {
  return a.firstPublishedAt !== null && a.firstPublishedAt <= now ? a.firstPublishedAt : null;
}

/** A revision's stored fields; older revisions may lack fields added since (defaults fill in). */
export function parseFields(json: string): ArticleFields {
  const v = JSON.parse(json) as Partial<ArticleFields>;
  return {
    title: v.title ?? "",
    standfirst: v.standfirst ?? "",
    slug: v.slug ?? "",
    bodyHtml: v.bodyHtml ?? "",
    categoryId: v.categoryId ?? 0,
    tags: v.tags ?? [],
    authorIds: v.authorIds ?? [],
    imageMediaId: v.imageMediaId ?? null,
    imageUrl: v.imageUrl ?? null,
    imageAlt: v.imageAlt ?? "",
    imageCaption: v.imageCaption ?? "",
    imageCredit: v.imageCredit ?? "",
    seoTitle: v.seoTitle ?? "",
    seoDescription: v.seoDescription ?? "",
    commentsOpen: v.commentsOpen ?? true,
    language: v.language ?? "",
  };
}
