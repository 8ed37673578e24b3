import type { Ctx, TxCtx } from "../../../ctx.js";
import { Conflict, Forbidden, Invalid, type Problem } from "../../../lib/errors.js";
import { FormReader, type RawForm } from "../../../lib/form-fields.js";
import { parseRowId } from "../../../lib/row-id.js";
import { sanitizeArticleHtml } from "../../../lib/sanitize.js";
import { zonedToInstant } from "../../../lib/zoned-time.js";
import { canWriteArticles, type Actor } from "../../accounts/index.js";
import * as articlesRepo from "../repo.js";
import type { ArticleStatus, RevisionKind } from "../table.js";
import { checkAgainstStore } from "./checks.js";
import { related } from "../../related/index.js";
import { formNames, limits, readArticleForm, type ArticleFields } from "./fields.js";
import * as repo from "./repo.js";
import { loadState, parseFields, type EditableArticle } from "./state.js";
import { keepRevision, storeFields, tagIdsFor } from "./store.js";
import { actions, applyAction, mayAct, type Action } from "./workflow.js";

export interface Saved {
  id: number;
  version: number;
  slug: string;
  status: ArticleStatus;
  action: Action;
}

const invalid = (problems: Record<string, Problem>, context: Record<string, unknown> = {}) =>
  new Invalid("KIOSQUE_ARTICLE_INVALID", problems, context);

/** A new draft from the form, signed as the form says; revision 1 keeps it. Returns its id. */
export async function createDraft(ctx: Ctx, actor: Actor, raw: RawForm): Promise<number> {
  if (!canWriteArticles(actor)) throw new Forbidden("KIOSQUE_FORBIDDEN", { user: actor.id });
  const { fields, problems } = readArticleForm(raw);
  return ctx.write(async (tx, changed) => {
    const slug = await checkAgainstStore(tx, actor, 0, fields, problems);
    const pins = await readPins(tx, 0, raw, problems);
    if (Object.keys(problems).length > 0) throw invalid(problems);
    const now = tx.clock.now().toISOString();
    const stored: ArticleFields = { ...fields, slug, bodyHtml: sanitizeArticleHtml(fields.body) };
    const id = await articlesRepo.insertArticle(tx.db, {
      slug,
      category_id: stored.categoryId,
      author_id: stored.authorIds[0] ?? actor.id,
      title: stored.title,
      standfirst: stored.standfirst,
      body_html: stored.bodyHtml,
      image_url: stored.imageUrl,
      image_alt: stored.imageAlt || null,
      image_media_id: stored.imageMediaId,
      image_caption: stored.imageCaption || null,
      image_credit: stored.imageCredit || null,
      seo_title: stored.seoTitle || null,
      seo_description: stored.seoDescription || null,
      language: stored.language || null,
      status: "draft",
      published_at: null,
      updated_at: null,
      created_at: now,
      modified_at: now,
      comments_open: stored.commentsOpen ? 1 : 0,
      comment_count: 0,
    });
    await repo.replaceAuthors(tx.db, id, stored.authorIds);
    await repo.replaceTags(tx.db, id, await tagIdsFor(tx, stored.tags));
    await keepRevision(tx, actor, id, 1, "save", stored);
    if (pins) await related.setPins(tx, changed, id, pins);
    return id;
  });
}

/**
 * Saves the edit form, then takes the action its button asked for (submit, publish, schedule,
 * unpublish), in one transaction: a refusal leaves nothing half-saved. The form carries the
 * version it was opened on; when another save landed since, this one is kept as a conflict
 * revision and refused with `Conflict` (its `keptAs`).
 */
export async function saveArticle(
  ctx: Ctx,
  actor: Actor,
  articleId: number,
  raw: RawForm,
): Promise<Saved> {
  const outcome = await ctx.write(async (tx, changed) => {
    const state = await loadState(tx.db, articleId);
    const form = new FormReader(raw);
    const action = form.choice(formNames.action, actions, "save") ?? "save";
    // Who may do this comes first: a refused person learns nothing of the form's problems.
    mayAct(actor, state, action);
    const baseVersion = parseRowId(form.text(formNames.version, { required: true, max: 12 }));
    if (baseVersion === undefined) form.refuse(formNames.version, { problem: "choice" });
    const at = await scheduledFor(tx, form, action);
    const { fields, problems } = readArticleForm(raw);
    Object.assign(problems, form.problems);
    const slug = await checkAgainstStore(tx, actor, articleId, fields, problems);
    const pins = await readPins(tx, articleId, raw, problems);
    if (Object.keys(problems).length > 0 || baseVersion === undefined)
      throw invalid(problems, { articleId });
    const given: ArticleFields = { ...fields, slug, bodyHtml: fields.body };
    const done = await writeThenAct(tx, changed, actor, state, given, baseVersion, "save", {
      action,
      at,
    });
    if ("conflict" in done) return done;
    if (pins) await related.setPins(tx, changed, articleId, pins);
    return { id: articleId, version: done.version, slug, status: done.status, action };
  });
  if ("conflict" in outcome)
    throw new Conflict("KIOSQUE_ARTICLE_CONFLICT", outcome.conflict, { articleId });
  return outcome;
}

/**
 * Writes `given` over the article, then takes the action, in the caller's transaction: the one
 * way the newsroom changes an article's fields (a save, a restore, a conflict's version applied).
 * The action MUST follow the write, even a bare "save": its publication rules (applyAction) judge
 * the article as stored when it is out or going out, and their refusal undoes the write with the
 * transaction. A conflict writes nothing, so there is nothing to judge.
 */
async function writeThenAct(
  tx: TxCtx,
  changed: (...keys: string[]) => void,
  actor: Actor,
  state: EditableArticle,
  given: ArticleFields,
  baseVersion: number,
  kind: RevisionKind,
  asked: { action: Action; at: Date | undefined },
): Promise<{ version: number; status: ArticleStatus } | { conflict: number }> {
  const stored = await storeFields(tx, changed, actor, state, given, baseVersion, kind);
  if ("conflict" in stored) return stored;
  const after = await applyAction(tx, changed, actor, state.id, asked.action, asked.at);
  return { version: stored.version, status: after.status };
}

/**
 * The moment a schedule asks for, typed in the site's time zone; refused on its field when it
 * is no date or has passed. Undefined for the other actions.
 */
async function scheduledFor(
  tx: TxCtx,
  form: FormReader,
  action: Action,
): Promise<Date | undefined> {
  if (action !== "schedule") return undefined;
  const typed = form.text(formNames.publishAt, { required: true, max: 30 });
  const at = typed ? zonedToInstant(typed, (await tx.settings())["site.timezone"]) : undefined;
  if (typed && !at) form.refuse(formNames.publishAt, { problem: "dateTime" });
  else if (at && at <= tx.clock.now()) form.refuse(formNames.publishAt, { problem: "past" });
  return at;
}

/**
 * The related articles the form pins, read and checked in the saving transaction (the related
 * module's rules); undefined when the form has no such field (it leaves the pins as they are) or
 * when it is refused, its problem added to `problems`.
 */
async function readPins(
  tx: TxCtx,
  articleId: number,
  raw: RawForm,
  problems: Record<string, Problem>,
): Promise<number[] | undefined> {
  if (raw[formNames.pinned] === undefined) return undefined;
  const form = new FormReader(raw);
  const text = form.text(formNames.pinned, { max: limits.pinned, multiline: true });
  const refused = form.problems[formNames.pinned];
  const read = refused ? { problem: refused } : await related.readPinField(tx, articleId, text);
  if ("ids" in read) return read.ids;
  problems[formNames.pinned] ??= read.problem;
  return undefined;
}

/**
 * Puts a revision's fields back as a new version (a conflict revision applied, an old text
 * brought back), on the version the person was looking at, by the same rules as a save: an
 * article that is out takes back no text its publication refuses. `raw` is the button's form:
 * the conflict page's carries the action pressed on the refused save (and a schedule's date),
 * taken here as pressing it takes it; the revisions page's carries none (a bare save).
 */
export async function restoreRevision(
  ctx: Ctx,
  actor: Actor,
  articleId: number,
  revisionId: number,
  baseVersion: number,
  raw: RawForm = {},
): Promise<Saved> {
  const outcome = await ctx.write(async (tx, changed): Promise<Saved | { conflict: number }> => {
    const state = await loadState(tx.db, articleId);
    const form = new FormReader(raw);
    const action = form.choice(formNames.action, actions, "save") ?? "save";
    mayAct(actor, state, action);
    const rev = await repo.revision(tx.db, articleId, revisionId);
    if (!rev) throw invalid({ revision: { problem: "choice" } }, { articleId, revisionId });
    const at = await scheduledFor(tx, form, action);
    const kept = parseFields(rev.fields);
    // A section deleted since (merged into another) leaves the article where its articles went.
    const sections = await articlesRepo.listCategories(tx.db);
    const fields = sections.some((c) => c.id === kept.categoryId)
      ? kept
      : { ...kept, categoryId: state.fields.categoryId };
    const problems: Record<string, Problem> = { ...form.problems };
    const slug = await checkAgainstStore(tx, actor, articleId, fields, problems);
    if (Object.keys(problems).length > 0) throw invalid(problems, { articleId, revisionId });
    const given = { ...fields, slug };
    const done = await writeThenAct(tx, changed, actor, state, given, baseVersion, "restore", {
      action,
      at,
    });
    if ("conflict" in done) return done;
    return { id: articleId, version: done.version, slug, status: done.status, action };
  });
  if ("conflict" in outcome)
    throw new Conflict("KIOSQUE_ARTICLE_CONFLICT", outcome.conflict, { articleId });
  return outcome;
}
