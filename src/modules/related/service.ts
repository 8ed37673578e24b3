import type { Ctx, TxCtx } from "../../ctx.js";
import { changeKeys } from "../../lib/change-keys.js";
import { Invalid, NotFound, type Problem } from "../../lib/errors.js";
import { parseRowId } from "../../lib/row-id.js";
import { search, type DocumentTerms } from "../search/index.js";
import { MemoryIndex, POSTINGS_PER_TERM } from "./memory-index.js";
import * as repo from "./repo.js";
import { best, score, shortlist, STORED, type Meta } from "./scoring.js";
import { weigh, type Weighted } from "./vector.js";

type Changed = (...keys: string[]) => void;
type Scored = { id: number; score: number };

/**
 * Candidates for one article from the postings of its terms (never a pass over every article),
 * scored against it: every live candidate worth scoring, best first.
 */
async function scoreCandidates(
  tx: Ctx,
  self: Meta,
  vector: readonly Weighted[],
  now: string,
): Promise<Scored[]> {
  const rows = await repo.postings(
    tx.db,
    vector.map((v) => v.term),
    POSTINGS_PER_TERM,
  );
  const mine = new Map(vector.map((v) => [v.term, v.weight]));
  const dots = new Map<number, number>();
  for (const r of rows)
    dots.set(r.article_id, (dots.get(r.article_id) ?? 0) + (mine.get(r.term) ?? 0) * r.weight);
  const short = shortlist(dots, self.id);
  const metas = new Map(
    (
      await repo.liveMeta(
        tx.db,
        short.map(([id]) => id),
        now,
      )
    ).map((m) => [m.id, m]),
  );
  return short
    .flatMap(([id, dot]) => {
      const other = metas.get(id);
      return other ? [{ id, score: score(self, other, dot) }] : [];
    })
    .sort((x, y) => y.score - x.score || y.id - x.id);
}

/** Computes one article's list again from its stored vector. */
async function recompute(tx: TxCtx, id: number, now: string): Promise<void> {
  const [vector, [meta]] = await Promise.all([
    repo.vectorOf(tx.db, id),
    repo.liveMeta(tx.db, [id], now),
  ]);
  if (!meta) return repo.replaceList(tx.db, id, []);
  await repo.replaceList(tx.db, id, best(await scoreCandidates(tx, meta, vector, now)));
}

/**
 * Brings the related lists up to date after an article changed (published, edited, unpublished:
 * `doc` is its terms as search indexed them, undefined when readers no longer see it), in the
 * writer's transaction: its own list, the lists it now belongs in, and the lists it left or
 * whose place for it changed. Each list that changed drops its article's page from every cache,
 * and so does each article that pins this one.
 */
export async function refresh(
  tx: TxCtx,
  changed: Changed,
  id: number,
  doc: DocumentTerms | undefined,
): Promise<void> {
  const now = tx.clock.now().toISOString();
  // The pages that pin it show it while readers see it: one cached while it was away (not
  // naming its article key, then) must come back with it; its going and its edits drop them too.
  changed(...(await repo.pinnersOf(tx.db, id)).map((p) => changeKeys.relatedList(p)));
  const holding = await repo.listsHolding(tx.db, id);
  await repo.deleteFromLists(tx.db, id);
  const [meta] = doc ? await repo.liveMeta(tx.db, [id], now) : [];
  if (!doc || !meta) {
    await repo.replaceVector(tx.db, id, []);
    await repo.replaceList(tx.db, id, []);
    for (const h of holding) await recompute(tx, h, now);
    changed(...holding.map((h) => changeKeys.relatedList(h)));
    return;
  }
  const { df, documents } = await search.frequencies(tx, [...doc.title, ...doc.body]);
  const vector = weigh(doc, (t) => df.get(t) ?? 1, documents);
  await repo.replaceVector(tx.db, id, vector);
  const scored = await scoreCandidates(tx, meta, vector, now);
  await repo.replaceList(tx.db, id, best([...scored]));
  changed(changeKeys.relatedList(id));

  // Scores are symmetric: where this article beats the weakest of a candidate's list (or the
  // list has room), it takes its place there.
  const ends = new Map(
    (
      await repo.listEnds(
        tx.db,
        scored.map((s) => s.id),
      )
    ).map((e) => [e.article_id, e]),
  );
  const back = new Set<number>();
  for (const s of scored) {
    const end = ends.get(s.id);
    const n = end ? tx.engine.toNumber(end.n) : 0;
    if (n < STORED || s.score > Number(end?.weakest ?? 0)) {
      await repo.putInList(tx.db, s.id, id, s.score, STORED);
      back.add(s.id);
      changed(changeKeys.relatedList(s.id));
    }
  }
  // A list it left has a place to fill again.
  for (const h of holding)
    if (!back.has(h)) {
      await recompute(tx, h, now);
      changed(changeKeys.relatedList(h));
    }
}

/**
 * The related articles an article shows: the pinned ones first, in their order, then the
 * computed list; live ones only, never itself, `count` at most.
 */
export async function listFor(ctx: Ctx, id: number, count: number): Promise<number[]> {
  const now = ctx.clock.now().toISOString();
  const out: number[] = [];
  for (const r of await repo.shownList(ctx.db, id)) {
    const live = r.status === "published" && r.published_at !== null && r.published_at <= now;
    if (live && r.id !== id && !out.includes(r.id) && out.length < count) out.push(r.id);
  }
  return out;
}

/** Pinned articles an article may have: as many as a list stores. */
export const MAX_PINS = STORED;
/** The longest line of the editor's pin field: an article's whole address. */
export const PIN_LINE_MAX = 300;

async function idOf(ctx: Ctx, slugs: readonly string[]): Promise<number[]> {
  const rows = await repo.idsBySlug(ctx.db, slugs);
  return slugs.map((slug) => {
    const row = rows.find((r) => r.slug === slug);
    if (!row) throw new NotFound("article", { slug });
    return row.id;
  });
}

/**
 * The rules every pin obeys, set from the CLI or from the editor: an article that exists
 * (undefined: nothing answers to that line), never the article itself, once, one that readers
 * see now (those in `kept`, pinned before, may have left since: they stay, unseen, until taken
 * out), MAX_PINS at most. The first problem, its `limit` the line (from 1), or undefined.
 */
async function pinProblem(
  ctx: Ctx,
  articleId: number,
  pinned: readonly (number | undefined)[],
  kept: readonly number[],
): Promise<Problem | undefined> {
  if (pinned.length > MAX_PINS) return { problem: "tooManyLines", limit: MAX_PINS };
  const known = pinned.filter((p): p is number => p !== undefined);
  const live = new Set(await repo.liveIds(ctx.db, known, ctx.clock.now().toISOString()));
  for (const [i, id] of pinned.entries()) {
    const line = i + 1;
    if (id === undefined) return { problem: "pinUnknown", limit: line };
    if (id === articleId) return { problem: "pinSelf", limit: line };
    if (pinned.indexOf(id) < i) return { problem: "pinRepeated", limit: line };
    if (!live.has(id) && !kept.includes(id)) return { problem: "pinNotLive", limit: line };
  }
  return undefined;
}

/**
 * Reads the editor's pin field: one article a line, by its address (`https://…/article/slug` or
 * `/article/slug`), its slug or its number, blank lines skipped. Returns the ids in order, or the
 * field's problem. `articleId` is 0 for an article not created yet. Call it in the transaction
 * that saves them (`setPins`): what it checked is what is stored.
 */
export async function readPinField(
  ctx: Ctx,
  articleId: number,
  text: string,
): Promise<{ ids: number[] } | { problem: Problem }> {
  const lines = text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== "");
  if (lines.length > MAX_PINS) return { problem: { problem: "tooManyLines", limit: MAX_PINS } };
  if (lines.some((l) => [...l].length > PIN_LINE_MAX))
    return { problem: { problem: "lineTooLong", limit: PIN_LINE_MAX } };
  const slugs = lines.map(slugIn);
  const numbers = lines.flatMap((l) => parseRowId(l) ?? []);
  const [bySlug, byId, kept] = await Promise.all([
    repo.idsBySlug(ctx.db, slugs),
    repo.slugsOf(ctx.db, numbers),
    articleId ? pinsOf(ctx, articleId) : [],
  ]);
  // A number names an article by its id first; a slug made of digits only is found too.
  const ids = lines.map((line, i) => {
    const n = parseRowId(line);
    return (
      byId.find((r) => n !== undefined && r.id === n)?.id ??
      bySlug.find((r) => r.slug === slugs[i])?.id
    );
  });
  const problem = await pinProblem(ctx, articleId, ids, kept);
  return problem ? { problem } : { ids: ids.filter((id) => id !== undefined) };
}

/** The slug a line names: the last part of its address, or the line itself. */
function slugIn(line: string): string {
  if (!line.includes("/")) return line;
  let path = line;
  try {
    path = new URL(line, "http://kiosque.invalid").pathname;
  } catch {
    // Not an address: looked up as typed, it names no article.
  }
  const last = path.split("/").filter(Boolean).pop() ?? "";
  try {
    return decodeURIComponent(last);
  } catch {
    return last;
  }
}

/**
 * Makes `ids` (checked by `readPinField`) the article's pins, in the caller's transaction; when
 * they changed, its page leaves every cache, as a list computed again would.
 */
export async function setPins(
  tx: TxCtx,
  changed: Changed,
  id: number,
  ids: readonly number[],
): Promise<void> {
  const before = (await repo.pinsOf(tx.db, id)).map((p) => p.pinned_id);
  if (before.length === ids.length && before.every((p, i) => p === ids[i])) return;
  await repo.replacePins(tx.db, id, ids);
  changed(changeKeys.relatedList(id));
}

/** The article's pins by slug, in order (what the editor's field shows). */
export async function pinnedSlugs(ctx: Ctx, id: number): Promise<string[]> {
  const pins = await pinsOf(ctx, id);
  const slugs = new Map((await repo.slugsOf(ctx.db, pins)).map((r) => [r.id, r.slug]));
  return pins.flatMap((p) => slugs.get(p) ?? []);
}

/**
 * Pins `others` into the article's list, after those already pinned (one pinned again keeps its
 * place), by the editor's rules (`pinProblem`). Returns the ids pinned, in order.
 */
export async function pin(ctx: Ctx, slug: string, others: readonly string[]): Promise<number[]> {
  const [id, ...adding] = await idOf(ctx, [slug, ...others]);
  if (id === undefined) throw new NotFound("article", { slug });
  return ctx.write(async (tx, changed) => {
    const kept = await pinsOf(tx, id);
    const next = [
      ...kept,
      ...adding.filter((a, i) => !kept.includes(a) && adding.indexOf(a) === i),
    ];
    const problem = await pinProblem(tx, id, next, kept);
    if (problem) throw new Invalid("KIOSQUE_RELATED_PIN_INVALID", { pinned: problem }, { id });
    await setPins(tx, changed, id, next);
    return next;
  });
}

/** Unpins `others` from the article's list, or every pin when none is named. */
export async function unpin(ctx: Ctx, slug: string, others: readonly string[]): Promise<number[]> {
  const [id, ...removing] = await idOf(ctx, [slug, ...others]);
  if (id === undefined) throw new NotFound("article", { slug });
  return ctx.write(async (tx, changed) => {
    const now = (await repo.pinsOf(tx.db, id)).map((p) => p.pinned_id);
    const next = removing.length === 0 ? [] : now.filter((p) => !removing.includes(p));
    await repo.replacePins(tx.db, id, next);
    changed(changeKeys.relatedList(id));
    return next;
  });
}

/** The article's list as readers see it, a line an article ("slug (pinned)"), for the CLI. */
export async function describe(ctx: Ctx, slug: string): Promise<string[]> {
  const [id] = await idOf(ctx, [slug]);
  if (id === undefined) throw new NotFound("article", { slug });
  const [pins, list] = await Promise.all([pinsOf(ctx, id), listFor(ctx, id, STORED + MAX_PINS)]);
  const slugs = new Map((await repo.slugsOf(ctx.db, list)).map((r) => [r.id, r.slug]));
  return list.map((r) => `${slugs.get(r) ?? r}${pins.includes(r) ? " (pinned)" : ""}`);
}

/** The article's pins, in order (for the editor's form and the CLI). */
export async function pinsOf(ctx: Ctx, id: number): Promise<number[]> {
  return (await repo.pinsOf(ctx.db, id)).map((p) => p.pinned_id);
}

/** Articles per transaction in a rebuild. */
const REBUILD_BATCH = 1000;

/**
 * Every article's vector and list computed again, from the search index as it stands (rebuild
 * that first): vectors are read and written a batch at a time, lists computed in memory
 * (MemoryIndex) and written a batch at a time. Reports progress (done, total) over both passes.
 */
export async function rebuild(
  ctx: Ctx,
  onProgress?: (done: number, total: number) => void | Promise<void>,
): Promise<void> {
  const now = ctx.clock.now().toISOString();
  await ctx.write(async (tx) => repo.clearAll(tx.db));
  const df = await search.vocabulary(ctx);
  const { documents } = await search.frequencies(ctx, []);
  const index = new MemoryIndex();
  let after = 0;
  for (;;) {
    const docs = await search.documentsAfter(ctx, after, REBUILD_BATCH);
    if (docs.length === 0) break;
    const metas = new Map(
      (
        await repo.liveMeta(
          ctx.db,
          docs.map((d) => d.id),
          now,
        )
      ).map((m) => [m.id, m]),
    );
    const rows: { article_id: number; term: string; weight: number }[] = [];
    for (const d of docs) {
      const meta = metas.get(d.id);
      if (!meta) continue;
      const vector = weigh(d, (t) => df.get(t) ?? 1, documents);
      index.add(meta, vector);
      for (const v of vector) rows.push({ article_id: d.id, term: v.term, weight: v.weight });
    }
    await ctx.write(async (tx) => {
      for (let i = 0; i < rows.length; i += 2000)
        await repo.insertVectors(tx.db, rows.slice(i, i + 2000));
    });
    after = docs[docs.length - 1]!.id;
    await onProgress?.(index.size, documents * 2);
  }
  index.seal();
  const ids = index.ids();
  for (let i = 0; i < ids.length; i += REBUILD_BATCH) {
    const rows = ids
      .slice(i, i + REBUILD_BATCH)
      .flatMap((id) =>
        index.listOf(id).map((r) => ({ article_id: id, related_id: r.id, score: r.score })),
      );
    await ctx.write(async (tx) => {
      for (let j = 0; j < rows.length; j += 2000)
        await repo.insertLists(tx.db, rows.slice(j, j + 2000));
    });
    await onProgress?.(ids.length + Math.min(i + REBUILD_BATCH, ids.length), ids.length * 2);
  }
}
