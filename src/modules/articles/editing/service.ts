/**
 * The newsroom's writing, as other layers call it (`editing.saveArticle(…)`): drafts, saves and
 * conflicts, the workflow, revisions, autosaves, previews, the staff list and sections. Every
 * function takes the person acting and refuses, with Forbidden, what their role may not do
 * (accounts/permissions.ts).
 */
import type { Ctx } from "../../../ctx.js";
import { imagesIn } from "../../../lib/sanitize.js";
import * as repo from "./repo.js";
import { loadState, type EditableArticle } from "./state.js";
import { mayAct } from "./workflow.js";
import { related } from "../../related/index.js";
import type { Actor } from "../../accounts/index.js";

export { createDraft, saveArticle, restoreRevision, type Saved } from "./save.js";
export { act, publishDue, actions, type Action } from "./workflow.js";
export { revisionsOf, revisionOf, compareFields } from "./revisions.js";
export { autosave, autosaveOf, discardAutosave, type Autosave } from "./autosave.js";
export { previewToken, previewArticle } from "./preview.js";
export { staffList, bylineCandidates, STAFF_PAGE_SIZE } from "./staff-list.js";
export {
  sections,
  articleCounts,
  createSection,
  renameSection,
  deleteSection,
  suggestTags,
} from "./sections.js";
export { formNames, formValuesOf, postedValues, limits, type FormValues } from "./fields.js";

/** The article for its edit page: for people who may edit it. */
export async function editable(ctx: Ctx, actor: Actor, id: number): Promise<EditableArticle> {
  const state = await loadState(ctx.db, id);
  mayAct(actor, state, "save");
  return state;
}

/** The related articles pinned into an article's list, as the editor's field shows them. */
export async function pinnedSlugs(ctx: Ctx, actor: Actor, id: number): Promise<string[]> {
  await editable(ctx, actor, id);
  return related.pinnedSlugs(ctx, id);
}

/** An article's current slug, from one it answered to before (and still redirects). */
export async function currentSlugFor(ctx: Ctx, oldSlug: string): Promise<string | undefined> {
  return repo.currentSlugFor(ctx.db, oldSlug, ctx.clock.now().toISOString());
}

/** What an article shows of uploaded images: its featured image, and its body's image addresses. */
export async function imagesUsed(
  ctx: Ctx,
  id: number,
): Promise<{ featured: number | null; bodySources: string[] }> {
  const { fields } = await loadState(ctx.db, id);
  return {
    featured: fields.imageMediaId,
    bodySources: imagesIn(fields.bodyHtml).map((image) => image.src),
  };
}
