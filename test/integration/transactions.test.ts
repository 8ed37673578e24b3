import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { OutsideTransaction } from "../../src/db/transaction-scope.js";
import { changeKeys } from "../../src/lib/change-keys.js";
import { comments } from "../../src/modules/comments/index.js";
import { testEngines } from "../helpers/engines.js";
import { makeArticle, makeCategory } from "../helpers/factories.js";
import { openTestRuntime, type TestRuntime } from "../helpers/runtime.js";

/** Refused for this test's sake: whatever the work wrote must roll back with it. */
class Abandon extends Error {}

describe.each(testEngines())("transactions on %s", (engine) => {
  let rt: TestRuntime;
  beforeAll(async () => {
    rt = await openTestRuntime(engine);
  });
  afterAll(() => rt.close());

  const categoryExists = async (slug: string) =>
    (await rt.ctx.db.selectFrom("categories").select("id").where("slug", "=", slug).execute())
      .length === 1;

  it("refuses a query on the outer ctx from inside a write, and rolls the write back", async () => {
    let slug = "";
    // Before the rule, SQLite waited forever here; PostgreSQL read on another connection.
    const escaped = rt.ctx.write(async (tx) => {
      slug = (await makeCategory(tx)).slug;
      return rt.ctx.db.selectFrom("categories").select("slug").execute();
    });
    await expect(escaped).rejects.toThrow(OutsideTransaction);
    expect(await categoryExists(slug)).toBe(false);
  });

  it("refuses a fresh transaction or a settings read on the outer ctx from inside a write", async () => {
    await expect(rt.ctx.write(() => rt.ctx.write(async () => 1))).rejects.toThrow(
      OutsideTransaction,
    );
    await expect(rt.ctx.write(() => rt.ctx.settings())).rejects.toThrow(OutsideTransaction);
    // The transaction's own view of the settings is there.
    const locale = (await rt.ctx.settings())["site.locale"];
    expect((await rt.ctx.write((tx) => tx.settings()))["site.locale"]).toBe(locale);
  });

  it("joins a service that writes to the caller's transaction: one commit or none", async () => {
    let slug = "";
    const heard: string[][] = [];
    rt.changes.subscribe((tags) => heard.push([...tags]));
    await expect(
      rt.ctx.write(async (tx) => {
        slug = (await makeCategory(tx)).slug;
        expect(await categoryExists(slug).catch(() => "refused")).toBe("refused");
        throw new Abandon();
      }),
    ).rejects.toThrow(Abandon);
    expect(await categoryExists(slug)).toBe(false);
    expect(heard).toEqual([]);

    const article = await makeArticle(rt.ctx);
    const id = await rt.ctx.write(async (tx, changed) => {
      changed(changeKeys.all);
      return comments.importComment(
        tx,
        {
          articleId: article.id,
          parentId: null,
          name: "Jointe",
          email: "jointe@example.net",
          website: null,
          body: "Dans la transaction de l'appelant.",
          status: "approved",
          createdAt: rt.clock.now(),
        },
        "test",
      );
    });
    const row = await rt.ctx.db
      .selectFrom("articles")
      .select("comment_count")
      .where("id", "=", article.id)
      .executeTakeFirstOrThrow();
    expect(row.comment_count).toBe(1);
    expect(id).toBeGreaterThan(0);
    // Both writers' tags, announced once, with the one commit.
    expect(heard.at(-1)).toEqual(
      expect.arrayContaining([changeKeys.all, changeKeys.article(article.id)]),
    );
  });

  it("lets work started inside a write use the outer ctx once the write is over", async () => {
    let release = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    let later: Promise<unknown> = Promise.resolve();
    await rt.ctx.write(async () => {
      later = gate.then(() => rt.ctx.db.selectFrom("categories").select("slug").execute());
    });
    release();
    await expect(later).resolves.toBeDefined();
  });
});
