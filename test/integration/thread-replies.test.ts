import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { comments, type PublicComment } from "../../src/modules/comments/index.js";
import { testEngines } from "../helpers/engines.js";
import { makeArticle } from "../helpers/factories.js";
import { openTestRuntime, type TestRuntime } from "../helpers/runtime.js";

/**
 * The replies under each thread of an article page: the first ones, oldest first (ties by id),
 * each thread cut at REPLIES_PER_PAGE and its total known, whether the page's threads hold a few
 * replies in all or many (the two are read differently: these cases sit on either side).
 */
describe.each(testEngines())("the replies shown under each thread on %s", (engine) => {
  let t: TestRuntime;
  const shown = comments.REPLIES_PER_PAGE;
  const at = (minutes: number) => new Date(Date.parse("2026-08-01T00:00:00Z") + minutes * 60_000);

  beforeAll(async () => {
    t = await openTestRuntime(engine);
  });
  afterAll(() => t.close());

  /** An article whose threads hold these numbers of replies; returns its threads' ids. */
  async function articleWith(replyCounts: readonly number[]) {
    const article = await makeArticle(t.ctx);
    const roots: number[] = [];
    for (const [i, count] of replyCounts.entries()) {
      const root = await comments.importComment(
        t.ctx,
        {
          articleId: article.id,
          parentId: null,
          name: `Fil ${i}`,
          email: "fil@example.net",
          website: null,
          body: `Fil ${i}`,
          status: "approved",
          createdAt: at(i),
        },
        "test",
      );
      roots.push(root);
      if (count === 0) continue;
      // Written newest first, and two by two at the same minute: the page's order is by date,
      // then by id, never the order rows were written in.
      await t.ctx.db
        .insertInto("comments")
        .values(
          Array.from({ length: count }, (_, k) => {
            const n = count - k;
            return {
              article_id: article.id,
              parent_id: root,
              root_id: root,
              depth: 1,
              author_name: `Réponse ${i}.${n}`,
              author_email: "r@example.net",
              author_website: null,
              body: "…",
              status: "approved" as const,
              created_at: at(100 + Math.ceil(n / 2)).toISOString(),
              email_hash: "h",
              ip_hash: null,
            };
          }),
        )
        .execute();
    }
    // A held reply is never shown nor counted.
    await comments.importComment(
      t.ctx,
      {
        articleId: article.id,
        parentId: roots[0] ?? null,
        name: "En attente",
        email: "attente@example.net",
        website: null,
        body: "En attente",
        status: "pending",
        createdAt: at(1),
      },
      "test",
    );
    return { article, roots };
  }

  const names = (thread: PublicComment | undefined) =>
    (thread?.replies ?? []).map((r) => r.authorName);
  /** What a thread of `count` replies shows: the first `shown`, by date then id. */
  const expected = (i: number, count: number) => {
    // Of two at the same minute, the later-written (higher id) one is the odd-numbered one.
    const order = Array.from({ length: count }, (_, k) => k + 1).sort(
      (a, b) => Math.ceil(a / 2) - Math.ceil(b / 2) || (a % 2) - (b % 2),
    );
    return order.slice(0, shown).map((n) => `Réponse ${i}.${n}`);
  };

  for (const counts of [
    [0, 0, 0],
    [2, 0, 3],
    [shown, 0, 0],
    [shown - 1, 1, 0],
    [shown, 1, 0],
    [shown + 1, 0, 2],
  ]) {
    it(`shows threads of ${counts.join(", ")} replies`, async () => {
      const { article, roots } = await articleWith(counts);
      const page = await comments.threadPage(t.ctx, article.id, 1);
      expect(page.threads.map((th) => th.id)).toEqual(roots);
      for (const [i, count] of counts.entries()) {
        expect(names(page.threads[i]), `thread ${i}`).toEqual(expected(i, count));
        expect(page.moreReplies.get(roots[i] ?? 0), `thread ${i}`).toBe(
          count > shown ? count : undefined,
        );
      }
    });
  }
});
