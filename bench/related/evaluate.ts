import { analyze } from "../../src/modules/search/analyze.js";
import { MemoryIndex } from "../../src/modules/related/memory-index.js";
import { weigh } from "../../src/modules/related/vector.js";
import { substream } from "../data/prng.js";
import { evaluationCorpus, type EvalArticle } from "./corpus.js";

/** Related articles judged per article: what the article page shows by default. */
export const K = 4;

export interface RelatedQuality {
  articles: number;
  topics: number;
  /** Share of the K related that are of the article's topic, averaged over articles. */
  ours: number;
  latestInSection: number;
  random: number;
}

type Method = (a: EvalArticle) => number[];

function precision(corpus: readonly EvalArticle[], method: Method): number {
  const topicOf = new Map(corpus.map((a) => [a.id, a.topic]));
  let sum = 0;
  for (const a of corpus) {
    const picks = method(a).slice(0, K);
    sum += picks.filter((id) => topicOf.get(id) === a.topic).length / K;
  }
  return sum / corpus.length;
}

/** Our method, as a rebuild computes it: the same analysis, weights, index and scores. */
function ours(corpus: readonly EvalArticle[]): Method {
  const docs = corpus.map((a) => ({
    a,
    doc: analyze({
      title: a.title,
      standfirst: a.standfirst,
      body_html: a.bodyHtml,
      tags: a.tags,
    }),
  }));
  const df = new Map<string, number>();
  for (const { doc } of docs)
    for (const t of new Set([...doc.title, ...doc.body])) df.set(t, (df.get(t) ?? 0) + 1);
  const sections = [...new Set(corpus.map((a) => a.section))];
  const tagIds = new Map<string, number>();
  const tagId = (name: string) => {
    if (!tagIds.has(name)) tagIds.set(name, tagIds.size + 1);
    return tagIds.get(name)!;
  };
  const index = new MemoryIndex();
  for (const { a, doc } of docs)
    index.add(
      {
        id: a.id,
        categoryId: sections.indexOf(a.section),
        publishedAt: a.publishedAt,
        tagIds: a.tags.map(tagId),
      },
      weigh(doc, (t) => df.get(t) ?? 1, corpus.length),
    );
  index.seal();
  return (a) => index.listOf(a.id).map((r) => r.id);
}

/** What news themes show: the newest articles of the same section. */
function latestInSection(corpus: readonly EvalArticle[]): Method {
  const newestFirst = [...corpus].sort((x, y) => y.publishedAt - x.publishedAt);
  return (a) =>
    newestFirst.filter((b) => b.section === a.section && b.id !== a.id).map((b) => b.id);
}

function random(corpus: readonly EvalArticle[], seed: number): Method {
  const r = substream(seed, "related-random");
  return (a) => {
    const picks = new Set<number>();
    while (picks.size < K) {
      const b = r.pick(corpus);
      if (b.id !== a.id) picks.add(b.id);
    }
    return [...picks];
  };
}

/** Precision@K of our related lists and of the two baselines, on the evaluation set. */
export function evaluateRelated(seed = 13): RelatedQuality {
  const corpus = evaluationCorpus(seed);
  return {
    articles: corpus.length,
    topics: new Set(corpus.map((a) => a.topic)).size,
    ours: precision(corpus, ours(corpus)),
    latestInSection: precision(corpus, latestInSection(corpus)),
    random: precision(corpus, random(corpus, seed)),
  };
}

/** The three figures as the bench prints them. */
export function formatRelatedQuality(q: RelatedQuality, goal = 0.95): string {
  const pct = (n: number) => n.toFixed(3);
  return [
    `related articles: precision@${K} on ${q.articles} articles over ${q.topics} topics (bench/related/)`,
    `  ours (TF-IDF cosine, section/tags/age)  ${pct(q.ours)}  goal ≥ ${goal}: ${q.ours >= goal ? "PASS" : "FAIL"}`,
    `  latest in the same section              ${pct(q.latestInSection)}`,
    `  random                                  ${pct(q.random)}`,
  ].join("\n");
}
