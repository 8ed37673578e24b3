import type { TxCtx } from "../../../ctx.js";
import { sanitizeArticleHtml } from "../../../lib/sanitize.js";
import { slugify } from "../../../lib/slug.js";
import type { Actor } from "../../accounts/index.js";
import { reindexArticle } from "../indexing.js";
import { publishedKeys } from "../keys.js";
import * as articlesRepo from "../repo.js";
import type { RevisionKind } from "../table.js";
import type { ArticleFields } from "./fields.js";
import * as repo from "./repo.js";
import { isLive, seenSince, type EditableArticle } from "./state.js";

type Changed = (...keys: string[]) => void;

/** The tags' ids, each tag created when new (a name that makes no slug is left out). */
export async function tagIdsFor(tx: TxCtx, names: readonly string[]): Promise<number[]> {
  const ids: number[] = [];
  for (const name of names) {
    const slug = slugify(name);
    if (slug) ids.push(await articlesRepo.ensureTag(tx.db, slug, name));
  }
  return [...new Set(ids)];
}

/** Fields as stored: the body through the allowlist, whoever typed it. */
export function cleaned(fields: ArticleFields): ArticleFields {
  return { ...fields, bodyHtml: sanitizeArticleHtml(fields.bodyHtml) };
}

/** Keeps one version of the article's fields, attributed to the person who saved it. */
export async function keepRevision(
  tx: TxCtx,
  actor: Actor | null,
  articleId: number,
  version: number,
  kind: RevisionKind,
  fields: ArticleFields,
): Promise<number> {
  return repo.insertRevision(tx.db, {
    article_id: articleId,
    version,
    kind,
    saved_by: actor?.id ?? null,
    saved_at: tx.clock.now().toISOString(),
    fields: JSON.stringify(fields),
  });
}

/**
 * Writes `fields` over the article if it is still at `baseVersion`, with its bylines, tags, slug
 * history and a revision, and drops this person's autosave (it is saved now). When another save
 * landed first, nothing of the article changes: what was sent is kept as a conflict revision,
 * whose id is returned, so that neither save is lost.
 */
export async function storeFields(
  tx: TxCtx,
  changed: Changed,
  actor: Actor,
  state: EditableArticle,
  given: ArticleFields,
  baseVersion: number,
  kind: RevisionKind,
): Promise<{ version: number } | { conflict: number }> {
  const fields = cleaned(given);
  const now = tx.clock.now().toISOString();
  const live = isLive(state, now);
  const landed = await repo.updateIfVersion(tx.db, state.id, baseVersion, {
    title: fields.title,
    standfirst: fields.standfirst,
    slug: fields.slug,
    body_html: fields.bodyHtml,
    category_id: fields.categoryId,
    author_id: fields.authorIds[0] ?? actor.id,
    image_media_id: fields.imageMediaId,
    image_url: fields.imageUrl,
    image_alt: fields.imageAlt || null,
    image_caption: fields.imageCaption || null,
    image_credit: fields.imageCredit || null,
    seo_title: fields.seoTitle || null,
    seo_description: fields.seoDescription || null,
    language: fields.language || null,
    comments_open: fields.commentsOpen ? 1 : 0,
    modified_at: now,
    // Readers are told when what they read changed after publication.
    ...(live ? { updated_at: now } : {}),
  });
  if (!landed)
    return { conflict: await keepRevision(tx, actor, state.id, baseVersion, "conflict", fields) };
  // Written before revisions were kept (the demo, an import, the CLI): its text as it stood
  // becomes the first revision, so the first save can be compared with it and undone.
  if (!(await repo.hasRevisions(tx.db, state.id)))
    await keepRevision(tx, null, state.id, state.version, "save", state.fields);

  const tagIds = await tagIdsFor(tx, fields.tags);
  await repo.replaceTags(tx.db, state.id, tagIds);
  await repo.replaceAuthors(tx.db, state.id, fields.authorIds);
  if (fields.slug !== state.fields.slug) {
    // Links to a page readers have seen keep working: the old address answers 301.
    if (seenSince(state, now) !== null)
      await repo.rememberSlug(tx.db, state.id, state.fields.slug, now);
    await repo.forgetSlug(tx.db, fields.slug);
  }
  await keepRevision(tx, actor, state.id, landed.version, kind, fields);
  await repo.deleteAutosave(tx.db, state.id, actor.id);
  if (live) {
    changed(
      ...publishedKeys({ ...state, ...state.fields }),
      ...publishedKeys({ id: state.id, ...fields, tagIds }),
    );
    await reindexArticle(tx, changed, state.id);
  }
  return { version: landed.version };
}
