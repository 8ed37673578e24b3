import { CompiledQuery, sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testEngines } from "../helpers/engines.js";
import { seedComments } from "../helpers/desk.js";
import { commentForm, makeArticle } from "../helpers/factories.js";
import { formBody } from "../helpers/http.js";
import { openTestApp, type TestApp } from "../helpers/runtime.js";
import { signedIn, type StaffMember } from "../helpers/staff.js";

interface Query {
  sql: string;
  parameters: readonly unknown[];
}

/** The desk's tables that grow with the site. */
const BIG = ["comments", "moderation_log", "audit_log", "comment_edits", "bans"];

/**
 * Every statement of a desk page, a bulk action, a reader's post (the ban check) and the article
 * page (featured comments), through EXPLAIN: each growing table is read through an index, never
 * whole. A text search is the one exception (LIKE reads the queue it searches: decision 016),
 * and is not asked here. The page cache is off so every request reaches the database.
 */
describe.each(testEngines())("queries of the moderation desk on %s", (engine) => {
  let t: TestApp;
  let recording: Query[] | undefined;
  let moderator: StaffMember;
  let article: { id: number; slug: string };

  beforeAll(async () => {
    t = await openTestApp(engine, undefined, { pageCacheBytes: 0 }, (sqlText, parameters) =>
      recording?.push({ sql: sqlText, parameters }),
    );
    moderator = await signedIn(t.app, t.ctx, "moderator");
    article = await makeArticle(t.ctx);
    const other = await makeArticle(t.ctx);
    await seedComments(t.ctx, article.id, 60);
    await seedComments(t.ctx, other.id, 200, { status: "approved" });
    await seedComments(t.ctx, other.id, 30, { status: "spam" });
    await t.storage.engine.optimize();
  });
  afterAll(() => t.close());

  async function queriesOf(
    url: string,
    init: {
      method?: "GET" | "POST";
      fields?: Record<string, string | string[]>;
      cookie?: string;
    } = {},
  ) {
    recording = [];
    const res = await t.app.inject({
      url,
      method: init.method ?? "GET",
      headers: {
        ...(init.cookie ? { cookie: init.cookie } : {}),
        ...(init.fields
          ? { "content-type": "application/x-www-form-urlencoded", accept: "application/json" }
          : {}),
      },
      ...(init.fields ? { payload: formBody(init.fields) } : {}),
    });
    const queries = recording;
    recording = undefined;
    expect(res.statusCode, url).toBeLessThan(400);
    return queries;
  }

  it("reads no growing table whole", async () => {
    const seen = new Map<string, Query>();
    const add = (qs: Query[]) => qs.forEach((q) => seen.set(q.sql, q));
    const cookie = moderator.cookie;
    add(await queriesOf("/admin/commentaires?statut=pending", { cookie }));
    add(await queriesOf("/admin/commentaires?statut=approved&page=2", { cookie }));
    add(await queriesOf(`/admin/commentaires?statut=pending&article=${article.id}`, { cookie }));
    add(await queriesOf("/admin/commentaires?statut=pending&q=lecteur1%40example.net", { cookie }));
    add(await queriesOf("/admin/commentaires?statut=pending&q=%2312", { cookie }));
    const ids = (
      await t.ctx.db
        .selectFrom("comments")
        .select("id")
        .where("article_id", "=", article.id)
        .limit(20)
        .execute()
    ).map((r) => String(r.id));
    add(
      await queriesOf("/admin/commentaires/lot", {
        method: "POST",
        cookie,
        fields: { action: "approve", ids },
      }),
    );
    const page = await t.app.inject({
      url: `/admin/commentaires?statut=pending&article=${article.id}`,
      headers: { cookie },
    });
    const upTo = /id="desk-bulk-upto" value="(\d+)"/.exec(page.body)?.[1] ?? "";
    add(
      await queriesOf("/admin/commentaires/lot", {
        method: "POST",
        cookie,
        fields: {
          action: "trash",
          portee: "queue",
          jusqua: upTo,
          retour: `/admin/commentaires?statut=pending&article=${article.id}`,
        },
      }),
    );
    add(
      await queriesOf(`/admin/commentaires/${ids[0]}/action`, {
        method: "POST",
        cookie,
        fields: { action: "feature" },
      }),
    );
    add(await queriesOf("/admin/commentaires/bannissements", { cookie }));
    add(await queriesOf(`/article/${article.slug}`));
    add(
      await queriesOf(`/article/${article.slug}/commentaires`, {
        method: "POST",
        fields: commentForm() as Record<string, string>,
      }),
    );

    const selects = [...seen.values()].filter((q) => /^\s*select/i.test(q.sql));
    expect(
      selects.some((q) => /"bans"/.test(q.sql)),
      "the ban check",
    ).toBe(true);
    expect(
      selects.some((q) => /"featured_at" is not null/.test(q.sql)),
      "featured",
    ).toBe(true);
    const fullReads: string[] = [];
    await t.ctx.db.connection().execute(async (conn) => {
      if (engine === "postgres") await sql`set enable_seqscan = off`.execute(conn);
      try {
        for (const q of selects) {
          if (engine === "sqlite") {
            const plan = await conn.executeQuery<{ detail: string }>(
              CompiledQuery.raw(`explain query plan ${q.sql}`, [...q.parameters]),
            );
            for (const { detail } of plan.rows) {
              const scan = /^SCAN (\w+)(.*)$/.exec(detail);
              const aliases = [...BIG, "c"];
              if (scan && aliases.includes(scan[1]!) && !/USING/.test(scan[2]!))
                fullReads.push(`${detail}  ←  ${q.sql}`);
            }
          } else {
            const plan = await conn.executeQuery<{ "QUERY PLAN": string }>(
              CompiledQuery.raw(`explain ${q.sql}`, [...q.parameters]),
            );
            for (const row of plan.rows) {
              const m = /Seq Scan on (\w+)/.exec(row["QUERY PLAN"]);
              if (m && BIG.includes(m[1]!))
                fullReads.push(`${row["QUERY PLAN"].trim()}  ←  ${q.sql}`);
            }
          }
        }
      } finally {
        if (engine === "postgres") await sql`reset enable_seqscan`.execute(conn);
      }
    });
    expect(fullReads).toEqual([]);
  });
});
