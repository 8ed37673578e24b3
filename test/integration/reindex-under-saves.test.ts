import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { related, reindex, type ReindexProgress } from "../../src/modules/related/index.js";
import { search } from "../../src/modules/search/index.js";
import { testEngines } from "../helpers/engines.js";
import { makeArticle } from "../helpers/factories.js";
import { openTestRuntime, type TestRuntime } from "../helpers/runtime.js";

/**
 * `kiosque reindex` while the newsroom publishes: a save indexes its article (search document,
 * term counts, related vector and lists) into the tables the rebuild is filling, and the rebuild
 * then reached the same rows. It failed on their unique keys, search and related lists left
 * half built until it was run again. Each save here happens between two of the rebuild's
 * batches, at the points where the rebuild meets what the save wrote.
 */
describe.each(testEngines())("a reindex while articles are published, on %s", (engine) => {
  let rt: TestRuntime;
  beforeAll(async () => {
    rt = await openTestRuntime(engine);
    for (const word of ["marée", "houle", "écume"])
      await makeArticle(rt.ctx, {
        title: `La ${word} monte sur la côte`,
        bodyHtml: `<p>Une ${word} haute, la côte et le port sous la ${word}.</p>`,
      });
  });
  afterAll(() => rt.close());

  const titled = (word: string) => ({
    title: `Le port sous la ${word}`,
    bodyHtml: `<p>La côte, le port et la ${word} : publié pendant la reconstruction.</p>`,
  });

  it("ends, and holds the articles published meanwhile", async () => {
    const published: { id: number; word: string }[] = [];
    const seen = new Set<ReindexProgress["phase"]>();
    const report = await reindex(rt.ctx, async ({ phase }) => {
      if (seen.has(phase)) return;
      seen.add(phase);
      // After the search pass's batch (before the rebuild reads on and counts terms), and
      // after the related pass's (before it writes the lists).
      const word = phase === "search" ? "tempête" : "bourrasque";
      published.push({ id: (await makeArticle(rt.ctx, titled(word))).id, word });
    });
    expect(report.articles).toBeGreaterThanOrEqual(4);
    expect(published).toHaveLength(2);
    for (const { id, word } of published) {
      const found = await search.search(rt.ctx, { q: word, page: 1 });
      expect(
        found.results.map((r) => r.title.map((s) => s.text).join("")),
        word,
      ).toEqual([titled(word).title]);
      expect(await related.listFor(rt.ctx, id, 4), word).not.toHaveLength(0);
    }
    // Counted once, whichever of the save and the rebuild wrote the count last.
    const { documents } = await search.frequencies(rt.ctx, []);
    expect(documents).toBe(report.articles + (published.length - 1));
  });
});
