import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { history } from "../../src/modules/moderation/index.js";
import { setSetting } from "../../src/modules/settings/index.js";
import { testEngines } from "../helpers/engines.js";
import { FAKE_AKISMET_KEY, startFakeAkismet, type FakeAkismet } from "../helpers/fake-akismet.js";
import { commentForm, makeArticle, sendCommentForm } from "../helpers/factories.js";
import { openTestApp, type TestApp } from "../helpers/runtime.js";

/**
 * Posts sent at once by one reader: each is screened (here with a spam service that takes its
 * time, so they are all screened before any is stored) and none may pass a rule because the
 * others were not written yet.
 */
describe.each(testEngines())("one reader's posts sent at once on %s", (engine) => {
  let rt: TestApp;
  let fake: FakeAkismet;

  beforeAll(async () => {
    rt = await openTestApp(engine);
    fake = await startFakeAkismet();
    fake.delayMs = 100;
    await setSetting(rt.ctx, "comments.holdFirst", "false");
    await setSetting(rt.ctx, "akismet.endpoint", fake.url);
    await setSetting(rt.ctx, "akismet.apiKey", FAKE_AKISMET_KEY);
  });
  afterAll(async () => {
    await fake.close();
    await rt.close();
  });

  const post = (slug: string, form: Record<string, string>, address: string) =>
    sendCommentForm(rt.app, slug, form, { json: true, address });

  const stored = (articleId: number) =>
    rt.ctx.db
      .selectFrom("comments")
      .select(["id", "status", "body"])
      .where("article_id", "=", articleId)
      .orderBy("id")
      .execute();

  it("stores the same text sent twice at once once, and refuses the other as a repeat", async () => {
    const article = await makeArticle(rt.ctx);
    const form = commentForm({ body: "Deux clics sur le bouton, un seul avis." });
    const answers = await Promise.all([1, 2].map(() => post(article.slug, form, "203.0.113.40")));
    expect(fake.calls.length).toBeGreaterThanOrEqual(2);
    expect(answers.map((a) => a.statusCode).sort()).toEqual([201, 422]);
    const refused = answers.find((a) => a.statusCode === 422)!;
    expect(refused.json<{ errors: Record<string, string> }>().errors["body"]).toBeTruthy();
    expect(await stored(article.id)).toHaveLength(1);
  });

  it("holds the burst of a client's posts sent at once, as if sent one by one", async () => {
    await setSetting(rt.ctx, "comments.burstMax", "2");
    const article = await makeArticle(rt.ctx);
    const answers = await Promise.all(
      [1, 2, 3, 4].map((i) =>
        post(article.slug, commentForm({ body: `Avis numéro ${i} d'une rafale.` }), "203.0.113.41"),
      ),
    );
    expect(answers.map((a) => a.statusCode)).toEqual([201, 201, 201, 201]);
    const rows = await stored(article.id);
    expect(rows.map((r) => r.status)).toEqual(["approved", "approved", "pending", "pending"]);
    // Each held one says why, once; what the reader was told matches what is stored.
    for (const row of rows.slice(2)) {
      const rules = ((await history(rt.ctx.db, row.id))[0]?.reasons ?? []).map((r) => r.rule);
      expect(rules.filter((r) => r === "burst")).toHaveLength(1);
    }
    const told = answers.map((a) => a.json<{ id: number; status: string }>());
    for (const row of rows) expect(told.find((t) => t.id === row.id)?.status).toBe(row.status);
  });
});
