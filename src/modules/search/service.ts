import type { Ctx, TxCtx } from "../../ctx.js";
import { htmlText } from "../../lib/html-text.js";
import { withinOneEdit } from "../../lib/one-edit.js";
import { fullTextFor } from "./full-text/full-text.js";
import { isEmptyQuery, matchTerms, parseQuery, type Match, type ParsedQuery } from "./query.js";
import * as repo from "./repo.js";
import { highlight, snippet, type Segment } from "./snippet.js";
import { foldedWords, stemOf } from "../../lib/french-text.js";
import { analyze, type DocumentTerms } from "./analyze.js";
import { headlineTier } from "./rank.js";

export type { DocumentTerms } from "./analyze.js";

/** Results a page shows. */
export const RESULTS_PER_PAGE = 10;
/**
 * Matches ranked by relevance at most: a query that matches more (a word half the articles hold)
 * is ranked among its RANK_WINDOW newest matches, so its cost stays bounded at any size of
 * archive (ranking reads every document it ranks), and the page says "more than" this many.
 * News readers want the recent ones first.
 */
const RANK_WINDOW = 200;
/** Typo tolerance starts at words this long: shorter ones have too many neighbours. */
const TYPO_MIN_LENGTH = 5;
/** Words one typo away that a query word may stand for, the most frequent first. */
const MAX_ALTERNATIVES = 6;
/** Suggestions the search box shows. */
const SUGGESTIONS = 6;

/**
 * Indexes the article as it stands (its terms, the vocabulary's counts), or takes it out of the
 * index when readers do not see it now: every change of a published article comes through here,
 * in the transaction that made it. Returns its terms (undefined when out), for "related".
 */
export async function refreshDocument(tx: TxCtx, id: number): Promise<DocumentTerms | undefined> {
  const now = tx.clock.now().toISOString();
  const [article, before] = await Promise.all([
    repo.liveArticle(tx.db, id, now),
    repo.documentOf(tx.db, id),
  ]);
  const old = new Set(before ? [...split(before.title_terms), ...split(before.body_terms)] : []);
  if (!article) {
    if (before) {
      await repo.deleteDocument(tx.db, id);
      await repo.countTerms(tx.db, [DOCUMENTS, ...old], -1);
    }
    return undefined;
  }
  const doc = analyze(article);
  const after = new Set([...doc.title, ...doc.body]);
  await repo.putDocument(
    tx.db,
    { article_id: id, title_terms: doc.title.join(" "), body_terms: doc.body.join(" ") },
    before !== undefined,
  );
  await repo.countTerms(
    tx.db,
    [...(before ? [] : [DOCUMENTS]), ...[...after].filter((t) => !old.has(t))],
    1,
  );
  await repo.countTerms(
    tx.db,
    [...old].filter((t) => !after.has(t)),
    -1,
  );
  return doc;
}

/**
 * The vocabulary's count of documents, under a term no text makes (terms are letters and digits): kept
 * with the terms' counts in the same writes, so weighing an article never counts the index.
 */
const DOCUMENTS = "";

const split = (s: string) => (s === "" ? [] : s.split(" "));

/** A stored document's terms. */
export function documentTerms(row: { title_terms: string; body_terms: string }): DocumentTerms {
  return { title: split(row.title_terms), body: split(row.body_terms) };
}

/** How many indexed documents hold each of these terms, and how many documents there are. */
export async function frequencies(
  ctx: Ctx,
  list: readonly string[],
): Promise<{ df: Map<string, number>; documents: number }> {
  const rows = await repo.frequencies(ctx.db, [DOCUMENTS, ...new Set(list)]);
  const df = new Map(rows.map((r) => [r.term, ctx.engine.toNumber(r.df)]));
  const documents = df.get(DOCUMENTS) ?? 0;
  df.delete(DOCUMENTS);
  return { df, documents };
}

/** Indexed documents after `afterId` (a rebuild of the related lists reads them in turn). */
export async function documentsAfter(ctx: Ctx, afterId: number, limit: number) {
  const rows = await repo.documentsAfter(ctx.db, afterId, limit);
  return rows.map((r) => ({ id: r.article_id, ...documentTerms(r) }));
}

/** The whole vocabulary with its counts. */
export async function vocabulary(ctx: Ctx): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  let after = "";
  for (;;) {
    const rows = await repo.termsAfter(ctx.db, after, 5000);
    for (const r of rows) if (r.term !== DOCUMENTS) out.set(r.term, ctx.engine.toNumber(r.df));
    if (rows.length < 5000) return out;
    after = rows[rows.length - 1]!.term;
  }
}

/** Articles read and written per transaction in a rebuild: short transactions, other writers pass. */
const REBUILD_BATCH = 500;

/**
 * Empties the index and indexes every live article again, a batch per transaction, then writes
 * the vocabulary. Reports progress in articles. Search finds only what is done so far meanwhile.
 */
export async function rebuild(
  ctx: Ctx,
  onProgress?: (done: number) => void | Promise<void>,
): Promise<number> {
  await ctx.write(async (tx) => repo.clearIndex(tx.db));
  const now = ctx.clock.now().toISOString();
  const df = new Map<string, number>();
  let after = 0;
  let done = 0;
  for (;;) {
    const rows = await repo.liveArticlesAfter(ctx.db, after, REBUILD_BATCH, now);
    if (rows.length === 0) break;
    const tags = await repo.tagNames(
      ctx.db,
      rows.map((r) => r.id),
    );
    const docs = rows.map((r) => {
      const doc = analyze({
        ...r,
        tags: tags.filter((t) => t.article_id === r.id).map((t) => t.name),
      });
      for (const t of new Set([...doc.title, ...doc.body])) df.set(t, (df.get(t) ?? 0) + 1);
      return { article_id: r.id, title_terms: doc.title.join(" "), body_terms: doc.body.join(" ") };
    });
    // SQLite binds at most 32,766 parameters a statement: three a row, well under in batches.
    await ctx.write(async (tx) => {
      for (let i = 0; i < docs.length; i += 100)
        await repo.insertDocuments(tx.db, docs.slice(i, i + 100));
    });
    done += rows.length;
    after = rows[rows.length - 1]!.id;
    await onProgress?.(done);
  }
  const entries = [{ term: DOCUMENTS, df: done }, ...[...df].map(([term, n]) => ({ term, df: n }))];
  for (let i = 0; i < entries.length; i += 10_000)
    await ctx.write(async (tx) => {
      const part = entries.slice(i, i + 10_000);
      for (let j = 0; j < part.length; j += 1000)
        await repo.insertTerms(tx.db, part.slice(j, j + 1000));
    });
  return done;
}

/** The query's words, each with its alternatives one typo away when it is not a known term. */
async function toMatch(ctx: Ctx, parsed: ParsedQuery): Promise<Match> {
  const known = new Map(
    (
      await repo.frequencies(
        ctx.db,
        parsed.words.map((w) => w.term),
      )
    ).map((r) => [r.term, ctx.engine.toNumber(r.df)]),
  );
  const groups = await Promise.all(
    parsed.words.map(async ({ term, folded }) => {
      if (known.has(term) || folded.length < TYPO_MIN_LENGTH) return [term];
      const near = await repo.termsNear(ctx.db, term[0]!, term.length);
      const alternatives = near
        .filter((r) => withinOneEdit(term, r.term))
        .sort((x, y) => ctx.engine.toNumber(y.df) - ctx.engine.toNumber(x.df))
        .slice(0, MAX_ALTERNATIVES)
        .map((r) => r.term);
      return [term, ...alternatives];
    }),
  );
  return { groups, phrases: parsed.phrases };
}

export interface SearchInput {
  q: string;
  /** A section's slug. */
  section?: string | undefined;
  /** Published from this instant (inclusive) and before `until`, ISO strings. */
  from?: string | undefined;
  until?: string | undefined;
  page: number;
}

export interface SearchResult {
  slug: string;
  title: Segment[];
  snippet: Segment[];
  category: { slug: string; name: string };
  publishedAt: string;
}

export interface SearchResults {
  results: SearchResult[];
  /** Matches ranked (the newest RANK_WINDOW at most); `capped` when more match. */
  total: number;
  capped: boolean;
  page: number;
  totalPages: number;
  sections: { slug: string; name: string }[];
}

/**
 * Published articles matching the query, best first, with their headline and a passage marked.
 * Whatever was typed, an answer: an empty list when nothing can match, never an error.
 */
export async function search(ctx: Ctx, input: SearchInput): Promise<SearchResults> {
  const parsed = parseQuery(input.q);
  // Apart: on PostgreSQL the two go to the pool's connections at once.
  const [sections, match] = await Promise.all([
    repo.sections(ctx.db),
    isEmptyQuery(parsed) ? undefined : toMatch(ctx, parsed),
  ]);
  const none = { results: [], total: 0, capped: false, page: 1, totalPages: 1, sections };
  if (!match) return none;
  const { ids, more } = await ranked(ctx, match, {
    now: ctx.clock.now().toISOString(),
    categorySlug: input.section,
    from: input.from,
    until: input.until,
  });
  if (ids.length === 0) return none;
  const totalPages = Math.ceil(ids.length / RESULTS_PER_PAGE);
  const page = Math.min(input.page, totalPages);
  const hits = ids.slice((page - 1) * RESULTS_PER_PAGE, page * RESULTS_PER_PAGE);
  const found = matchTerms(match);
  const isMatch = (t: string) => found.has(t);
  const rows = await repo.resultRows(ctx.db, hits);
  const results = hits.flatMap((id) => {
    const r = rows.find((row) => row.id === id);
    if (!r) return [];
    return [
      {
        slug: r.slug,
        title: highlight(r.title, isMatch),
        snippet: snippet(`${r.standfirst} ${htmlText(r.body_html)}`, isMatch),
        category: { slug: r.category_slug, name: r.category_name },
        publishedAt: r.published_at ?? "",
      },
    ];
  });
  return {
    results,
    total: ids.length,
    capped: more,
    page,
    totalPages,
    sections,
  };
}

export interface Suggestion {
  slug: string;
  title: Segment[];
}

/**
 * Headlines for the search box as the reader types: every word typed so far must match, the
 * last one as the beginning of a word ("manif" finds "manifestation").
 */
export async function suggest(ctx: Ctx, q: string): Promise<Suggestion[]> {
  const words = foldedWords(q.slice(0, 200));
  const lastWord = /[\p{L}\p{N}]$/u.test(q) ? words.pop() : undefined;
  const parsed = parseQuery(words.join(" "));
  // Cut short: the stem of a word half typed ("manifestatio") may run past the stem of the whole
  // word ("manifest"); six letters still narrow it well, with every other word to match too.
  const prefix = lastWord && lastWord.length >= 2 ? stemOf(lastWord).slice(0, 6) : undefined;
  if (isEmptyQuery(parsed) && !prefix) return [];
  const match = { ...(await toMatch(ctx, parsed)), ...(prefix ? { prefix } : {}) };
  const { ids } = await ranked(ctx, match, { now: ctx.clock.now().toISOString() });
  const hits = ids.slice(0, SUGGESTIONS);
  const rows = await repo.resultRows(ctx.db, hits);
  const found = matchTerms(match);
  const isMatch = (t: string) => found.has(t) || (prefix !== undefined && t.startsWith(prefix));
  return hits.flatMap((id) => {
    const r = rows.find((row) => row.id === id);
    return r ? [{ slug: r.slug, title: highlight(r.title, isMatch) }] : [];
  });
}

/**
 * The matching articles, best first: the RANK_WINDOW newest matches (one statement, which the
 * engine's index answers in id order and stops), ranked by their headline (rank.ts), then the
 * newest. `more` when more match than were ranked.
 */
async function ranked(
  ctx: Ctx,
  match: Match,
  filter: repo.SearchFilter,
): Promise<{ ids: number[]; more: boolean }> {
  const ft = fullTextFor(ctx.engine.fullText);
  const rows = await repo.candidates(ctx.db, ft, match, filter, RANK_WINDOW + 1);
  const scored = rows.slice(0, RANK_WINDOW).map((r) => ({
    id: r.id,
    at: r.published_at,
    tier: headlineTier(match, split(r.title_terms)),
  }));
  scored.sort((x, y) => y.tier - x.tier || (x.at < y.at ? 1 : x.at > y.at ? -1 : 0) || y.id - x.id);
  return { ids: scored.map((s) => s.id), more: rows.length > RANK_WINDOW };
}
