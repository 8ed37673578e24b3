import type { Ctx } from "../../../ctx.js";
import type { RawForm } from "../../../lib/form-fields.js";
import { parseRowId } from "../../../lib/row-id.js";
import type { Actor } from "../../accounts/index.js";
import { formNames, postedValues, type FormValues } from "./fields.js";
import * as repo from "./repo.js";
import { loadState } from "./state.js";
import { mayAct } from "./workflow.js";

/** A person's latest unsaved form of an article. */
export interface Autosave {
  savedAt: string;
  /** The version the form was opened on. */
  baseVersion: number;
  /** Someone saved the article since: saved as it is, the form meets the conflict page. */
  overtaken: boolean;
  values: FormValues;
}

/**
 * Keeps the form as typed, for this person and this article, over their previous one: neither
 * a revision nor a change to the article (nobody else sees it). What a closed tab or a crash
 * would otherwise lose. Returns when it was kept.
 */
export async function autosave(
  ctx: Ctx,
  actor: Actor,
  articleId: number,
  raw: RawForm,
): Promise<string> {
  const state = await loadState(ctx.db, articleId);
  mayAct(actor, state, "save");
  const version = raw[formNames.version];
  const savedAt = ctx.clock.now().toISOString();
  await repo.upsertAutosave(ctx.db, {
    article_id: articleId,
    user_id: actor.id,
    base_version: (typeof version === "string" && parseRowId(version)) || state.version,
    saved_at: savedAt,
    fields: JSON.stringify(postedValues(raw)),
  });
  return savedAt;
}

/**
 * This person's unsaved form of the article. Their own save drops it (store.ts); a colleague's
 * save does not: what they typed was never saved, and offered back on the version it was typed
 * on, a save of it shows both texts side by side instead of losing either.
 */
export async function autosaveOf(
  ctx: Ctx,
  actor: Actor,
  articleId: number,
): Promise<Autosave | undefined> {
  const state = await loadState(ctx.db, articleId);
  mayAct(actor, state, "save");
  const row = await repo.autosaveOf(ctx.db, articleId, actor.id);
  if (!row) return undefined;
  return {
    savedAt: row.saved_at,
    baseVersion: row.base_version,
    overtaken: row.base_version < state.version,
    values: JSON.parse(row.fields) as FormValues,
  };
}

export async function discardAutosave(ctx: Ctx, actor: Actor, articleId: number): Promise<void> {
  await repo.deleteAutosave(ctx.db, articleId, actor.id);
}
