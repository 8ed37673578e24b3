import type { TxCtx } from "../../../ctx.js";
import type { Problem } from "../../../lib/errors.js";
import { numberedSlug, slugify } from "../../../lib/slug.js";
import { canEditAnyArticle, type Actor } from "../../accounts/index.js";
import * as articlesRepo from "../repo.js";
import { formNames } from "./fields.js";
import * as repo from "./repo.js";

/**
 * Whom a byline may name: an active account, or one that signs the article already. A disabled
 * account keeps the bylines it has (a newsroom keeps its former journalists' names on what they
 * wrote, and a save must not drop them unseen) but takes no new one.
 */
export const maySign = (c: { disabled: boolean; signs: boolean }): boolean =>
  !c.disabled || c.signs;

/**
 * The rules a form's shape cannot tell: the section, the bylines and the featured image exist, an
 * author keeps their own byline, the slug is free. Adds a problem per field; returns the slug to
 * store.
 */
export async function checkAgainstStore(
  tx: TxCtx,
  actor: Actor,
  articleId: number,
  input: {
    title: string;
    slug: string;
    categoryId: number;
    authorIds: readonly number[];
    imageMediaId: number | null;
  },
  problems: Record<string, Problem>,
): Promise<string> {
  const refuse = (field: string, p: Problem) => {
    problems[field] ??= p;
  };
  if (input.categoryId) {
    const sections = await articlesRepo.listCategories(tx.db);
    if (!sections.some((c) => c.id === input.categoryId))
      refuse(formNames.section, { problem: "choice" });
  }
  if (input.authorIds.length > 0) {
    const staff = new Map((await repo.bylineCandidates(tx.db, articleId)).map((c) => [c.id, c]));
    const named = input.authorIds.map((id) => staff.get(id));
    if (named.some((c) => c === undefined)) refuse(formNames.authors, { problem: "choice" });
    else if (named.some((c) => c && !maySign(c)))
      refuse(formNames.authors, { problem: "bylineDisabled" });
    // An author who took their own name off would lose the article: they sign what they write.
    else if (!canEditAnyArticle(actor) && !input.authorIds.includes(actor.id))
      refuse(formNames.authors, { problem: "ownByline" });
  }
  // A number that names no image would be saved and shown as nothing, silently.
  if (input.imageMediaId !== null && !(await repo.imageExists(tx.db, input.imageMediaId)))
    refuse(formNames.imageMediaId, { problem: "noImage" });
  return chooseSlug(tx, articleId, input.title, input.slug, problems);
}

/**
 * The slug typed (as a slug: "Mon titre" → "mon-titre"), which must be free; or, left empty, one
 * from the headline, numbered when taken ("budget-2").
 */
async function chooseSlug(
  tx: TxCtx,
  articleId: number,
  title: string,
  typed: string,
  problems: Record<string, Problem>,
): Promise<string> {
  if (typed) {
    const slug = slugify(typed);
    if (!slug) problems[formNames.slug] ??= { problem: "noAddress" };
    else if (await repo.slugTaken(tx.db, slug, articleId))
      problems[formNames.slug] ??= { problem: "taken" };
    return slug;
  }
  const base = slugify(title) || "article";
  let slug = base;
  for (let n = 2; await repo.slugTaken(tx.db, slug, articleId); n++) slug = numberedSlug(base, n);
  return slug;
}
