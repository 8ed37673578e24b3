import type { Ctx } from "../../../ctx.js";
import { NotFound } from "../../../lib/errors.js";
import type { Actor } from "../../accounts/index.js";
import * as articlesRepo from "../repo.js";
import type { RevisionKind } from "../table.js";
import type { ArticleFields } from "./fields.js";
import * as repo from "./repo.js";
import { loadState, parseFields, type EditableArticle } from "./state.js";
import { mayAct } from "./workflow.js";

export interface RevisionSummary {
  id: number;
  version: number;
  kind: RevisionKind;
  savedAt: string;
  savedBy: string | null;
}

export interface Revision extends RevisionSummary {
  fields: ArticleFields;
}

/** A piece of a compared text: in both versions, only the later one, or only the earlier. */
export interface DiffPart {
  text: string;
  change: "same" | "added" | "removed";
}

/** One field that differs between two versions, as readable text with its changes marked. */
export interface FieldDiff {
  field: keyof ArticleFields;
  parts: DiffPart[];
}

/** The article and its revisions, newest first: for people who may edit it. */
export async function revisionsOf(
  ctx: Ctx,
  actor: Actor,
  articleId: number,
): Promise<{ article: EditableArticle; revisions: RevisionSummary[] }> {
  const article = await loadState(ctx.db, articleId);
  mayAct(actor, article, "save");
  const rows = await repo.revisionsOf(ctx.db, articleId);
  return {
    article,
    revisions: rows.map((r) => ({
      id: r.id,
      version: r.version,
      kind: r.kind,
      savedAt: r.saved_at,
      savedBy: r.saved_by_name,
    })),
  };
}

export async function revisionOf(
  ctx: Ctx,
  actor: Actor,
  articleId: number,
  revisionId: number,
): Promise<Revision> {
  mayAct(actor, await loadState(ctx.db, articleId), "save");
  const r = await repo.revision(ctx.db, articleId, revisionId);
  if (!r) throw new NotFound("revision", { articleId, revisionId });
  return {
    id: r.id,
    version: r.version,
    kind: r.kind,
    savedAt: r.saved_at,
    savedBy: r.saved_by_name,
    fields: parseFields(r.fields),
  };
}

/** Block ends become line breaks, so that a body's changes read paragraph by paragraph. */
const readableHtml = (html: string) =>
  html.replace(/(<\/(?:p|h[2-4]|li|blockquote|figure)>)/g, "$1\n");

/**
 * The fields that differ from `from` to `to`, each as text with its additions and removals:
 * sections and bylines by name, the body paragraph by paragraph.
 */
export async function compareFields(
  ctx: Ctx,
  from: ArticleFields,
  to: ArticleFields,
): Promise<FieldDiff[]> {
  // diff is loaded when revisions are compared, not at every start.
  const [sections, people, { diffWordsWithSpace }] = await Promise.all([
    articlesRepo.listCategories(ctx.db),
    repo.bylineCandidates(ctx.db),
    import("diff"),
  ]);
  const section = (id: number) => sections.find((c) => c.id === id)?.name ?? `#${id}`;
  const person = (id: number) => people.find((p) => p.id === id)?.name ?? `#${id}`;
  const shown = (f: ArticleFields): Record<keyof ArticleFields, string> => ({
    title: f.title,
    standfirst: f.standfirst,
    slug: f.slug,
    bodyHtml: readableHtml(f.bodyHtml),
    categoryId: section(f.categoryId),
    tags: f.tags.join(", "),
    authorIds: f.authorIds.map(person).join(", "),
    imageMediaId: f.imageMediaId === null ? "" : String(f.imageMediaId),
    imageUrl: f.imageUrl ?? "",
    imageAlt: f.imageAlt,
    imageCaption: f.imageCaption,
    imageCredit: f.imageCredit,
    seoTitle: f.seoTitle,
    seoDescription: f.seoDescription,
    commentsOpen: f.commentsOpen ? "✓" : "✗",
    language: f.language,
  });
  const a = shown(from);
  const b = shown(to);
  const diffs: FieldDiff[] = [];
  for (const field of Object.keys(a) as (keyof ArticleFields)[]) {
    if (a[field] === b[field]) continue;
    const parts = diffWordsWithSpace(a[field], b[field]).map((c): DiffPart => ({
      text: c.value,
      change: c.added ? "added" : c.removed ? "removed" : "same",
    }));
    diffs.push({ field, parts });
  }
  return diffs;
}
