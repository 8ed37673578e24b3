import type { Ctx, TxCtx } from "../../ctx.js";
import { changeKeys } from "../../lib/change-keys.js";
import { sanitizeArticleHtml } from "../../lib/sanitize.js";
import { numberedSlug, slugify } from "../../lib/slug.js";
import { paths } from "../../web/urls.js";
import { redirects } from "../redirects/index.js";
import * as editingRepo from "./editing/repo.js";
import { publishedKeys } from "./keys.js";
import * as repo from "./repo.js";
import type { ArticleStatus } from "./table.js";

/**
 * Writing what another platform made (a WordPress import), in the importer's transaction: the
 * same rows the editor writes (headline words, bylines, tags, old slugs), with the dates, status
 * and slug the content had there. Nothing here checks a person's permission: the operator runs
 * the import from the command line.
 */

/**
 * A section by its slug, or the one its old address now leads to (it was renamed, or merged
 * into another: editing/sections.ts), made (last in the navigation) when there is neither: a
 * second import never brings back a section the newsroom merged away.
 */
export async function ensureSection(
  tx: TxCtx,
  changed: (...keys: string[]) => void,
  section: { slug: string; name: string; description: string },
): Promise<number> {
  const slug = slugify(section.slug) || slugify(section.name) || "rubrique";
  const found = await repo.categoryBySlug(tx.db, slug);
  if (found) return found.id;
  const all = await repo.listCategories(tx.db);
  const now = await redirects.lookup(tx, paths.category(slug));
  const moved = now === undefined ? undefined : all.find((c) => paths.category(c.slug) === now);
  if (moved) return moved.id;
  // The navigation lists the sections on every page.
  changed(changeKeys.all);
  return repo.insertCategory(tx.db, {
    slug,
    name: section.name.trim() || slug,
    description: section.description,
    position: Math.max(0, ...all.map((c) => c.position)) + 1,
  });
}

/** A tag by its slug, made when there is none; undefined for a name that makes no slug. */
export async function ensureTag(
  tx: TxCtx,
  slug: string,
  name: string,
): Promise<number | undefined> {
  const s = slugify(slug) || slugify(name);
  if (!s) return undefined;
  return repo.ensureTag(tx.db, s, name.trim() || s);
}

export interface ImportedArticle {
  slug: string;
  title: string;
  standfirst: string;
  /** Goes through the editor's allowlist here again, whatever the caller did. */
  bodyHtml: string;
  categoryId: number;
  authorIds: readonly number[];
  tagIds: readonly number[];
  status: ArticleStatus;
  publishedAt: string | null;
  updatedAt: string | null;
  createdAt: string;
  modifiedAt: string;
  commentsOpen: boolean;
  sticky: boolean;
  imageMediaId: number | null;
  imageAlt: string | null;
  imageCaption: string | null;
  /** Slugs it answered to before: they answer 301 to its page. */
  oldSlugs: readonly string[];
}

/** A slug no other article answers to: the one asked for, else numbered (`-2`, `-3`…). */
async function freeSlug(tx: TxCtx, wanted: string): Promise<string> {
  const base = wanted || "article";
  let slug = base;
  for (let n = 2; await editingRepo.slugTaken(tx.db, slug, 0); n++) slug = numberedSlug(base, n);
  return slug;
}

/** Writes one imported article; returns its id and the slug it got. */
export async function storeImportedArticle(
  tx: TxCtx,
  changed: (...keys: string[]) => void,
  a: ImportedArticle,
): Promise<{ id: number; slug: string }> {
  const slug = await freeSlug(tx, slugify(a.slug) || slugify(a.title));
  const id = await repo.insertArticle(tx.db, {
    slug,
    category_id: a.categoryId,
    author_id: a.authorIds[0] ?? 0,
    title: a.title,
    standfirst: a.standfirst,
    body_html: sanitizeArticleHtml(a.bodyHtml),
    image_url: null,
    image_alt: a.imageAlt,
    image_media_id: a.imageMediaId,
    image_caption: a.imageCaption,
    image_credit: null,
    status: a.status,
    published_at: a.publishedAt,
    // Readers of the other site saw a published post at its date; a scheduled one goes out here.
    first_published_at: a.status === "published" ? a.publishedAt : null,
    updated_at: a.updatedAt,
    created_at: a.createdAt,
    modified_at: a.modifiedAt,
    comments_open: a.commentsOpen ? 1 : 0,
    comment_count: 0,
    sticky: a.sticky ? 1 : 0,
  });
  await repo.linkTags(tx.db, id, [...new Set(a.tagIds)]);
  await editingRepo.replaceAuthors(tx.db, id, [...new Set(a.authorIds)]);
  for (const old of a.oldSlugs) {
    const s = slugify(old);
    if (s && s !== slug && !(await editingRepo.slugTaken(tx.db, s, id)))
      await editingRepo.rememberSlug(tx.db, id, s, a.createdAt);
  }
  if (a.status === "published")
    changed(
      ...publishedKeys({
        id,
        categoryId: a.categoryId,
        authorIds: a.authorIds,
        tagIds: a.tagIds,
      }),
    );
  return { id, slug };
}

/** A section's slug by id (an import's redirects point to it). */
export async function sectionSlug(tx: TxCtx, id: number): Promise<string | undefined> {
  return (await repo.listCategories(tx.db)).find((c) => c.id === id)?.slug;
}

/** One article as an export writes it. */
export interface PortableArticle {
  id: number;
  slug: string;
  title: string;
  standfirst: string;
  bodyHtml: string;
  status: ArticleStatus;
  publishedAt: string | null;
  updatedAt: string | null;
  createdAt: string;
  modifiedAt: string;
  commentsOpen: boolean;
  sticky: boolean;
  imageMediaId: number | null;
  section: { slug: string; name: string };
  tags: { slug: string; name: string }[];
  authorIds: number[];
  oldSlugs: string[];
}

/** Articles after `afterId`, in id order, drafts included: an export reads them a batch at a time. */
export async function portableBatch(
  ctx: Ctx,
  afterId: number,
  limit: number,
): Promise<PortableArticle[]> {
  const rows = await repo.articlesAfter(ctx.db, afterId, limit);
  const ids = rows.map((r) => r.id);
  if (ids.length === 0) return [];
  const [tags, authors, slugs] = await Promise.all([
    repo.tagsOf(ctx.db, ids),
    editingRepo.authorsOf(ctx.db, ids),
    repo.oldSlugsOf(ctx.db, ids),
  ]);
  return rows.map((r) => ({
    id: r.id,
    slug: r.slug,
    title: r.title,
    standfirst: r.standfirst,
    bodyHtml: r.body_html,
    status: r.status,
    publishedAt: r.published_at,
    updatedAt: r.updated_at,
    createdAt: r.created_at,
    modifiedAt: r.modified_at,
    commentsOpen: r.comments_open === 1,
    sticky: r.sticky === 1,
    imageMediaId: r.image_media_id,
    section: { slug: r.section_slug, name: r.section_name },
    tags: tags.filter((t) => t.article_id === r.id).map((t) => ({ slug: t.slug, name: t.name })),
    authorIds: authors.filter((a) => a.article_id === r.id).map((a) => a.user_id),
    oldSlugs: slugs.filter((s) => s.article_id === r.id).map((s) => s.slug),
  }));
}

/** Every section and tag, for an export's term lists. */
export async function portableTerms(ctx: Ctx) {
  const [sections, tags] = await Promise.all([repo.listCategories(ctx.db), repo.allTags(ctx.db)]);
  return { sections, tags };
}
