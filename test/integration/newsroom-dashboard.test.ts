import { OPERATOR } from "../../src/modules/accounts/index.js";
import { CompiledQuery, sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CommentStatus } from "../../src/modules/comments/index.js";
import { dashboardFor } from "../../src/modules/dashboard/index.js";
import { setSettings } from "../../src/modules/settings/index.js";
import { fr } from "../../src/web/i18n/fr.js";
import { testEngines } from "../helpers/engines.js";
import { makeArticle, makeCategory } from "../helpers/factories.js";
import { startTags, textById, withoutOwnIslands } from "../helpers/http.js";
import { openTestApp, type TestApp } from "../helpers/runtime.js";
import { getPage, signedIn, type StaffMember } from "../helpers/staff.js";

/** The clock stands at 2026-08-30T12:05Z: 14:05 in Paris, 08:05 in Montréal. */
const HOSTILE_TITLE = '<img src=x onerror="window.__xss=1">Débat & « vote »';

interface Query {
  sql: string;
  parameters: readonly unknown[];
}

describe.each(testEngines())("the newsroom dashboard on %s", (engine) => {
  let t: TestApp;
  let recording: Query[] | undefined;
  const staff = {} as Record<"admin" | "moderator" | "author" | "editor", StaffMember>;
  let hot: { id: number; slug: string };
  let warm: { id: number; slug: string };
  let own: { id: number; slug: string };

  async function comment(articleId: number, at: string, status: CommentStatus) {
    await t.ctx.db
      .insertInto("comments")
      .values({
        article_id: articleId,
        parent_id: null,
        root_id: null,
        depth: 0,
        author_name: "Lectrice",
        author_email: "lectrice@example.net",
        author_website: null,
        body: `Avis du ${at}`,
        status,
        // As the comments module writes them: toISOString, milliseconds included.
        created_at: new Date(at).toISOString(),
        email_hash: "hash",
        ip_hash: null,
      })
      .execute();
  }

  beforeAll(async () => {
    t = await openTestApp(engine, undefined, {}, (sqlText, parameters) =>
      recording?.push({ sql: sqlText, parameters }),
    );
    for (const role of ["admin", "moderator", "author", "editor"] as const)
      staff[role] = await signedIn(t.app, t.ctx, role);
    const { slug: categorySlug } = await makeCategory(t.ctx);
    const at = (iso: string) => ({ categorySlug, publishedAt: new Date(iso) });
    // Paris days: 2026-08-29T22:00Z is midnight of the 30th (summer time, UTC+2).
    hot = await makeArticle(t.ctx, { ...at("2026-08-29T22:00:00Z"), title: HOSTILE_TITLE });
    warm = await makeArticle(t.ctx, at("2026-08-29T21:59:59Z"));
    await makeArticle(t.ctx, at("2026-07-31T22:00:00Z")); // the 1st of August, first day shown
    await makeArticle(t.ctx, at("2026-07-31T21:59:59Z")); // the 31st of July: before the window
    await makeArticle(t.ctx, at("2026-08-30T15:00:00Z")); // later today: scheduled, not out yet
    own = await makeArticle(t.ctx, {
      ...at("2026-08-20T08:00:00Z"),
      authorId: staff.author.id,
    });

    await comment(hot.id, "2026-08-30T10:00:00Z", "approved");
    await comment(hot.id, "2026-08-30T10:00:00Z", "spam");
    await comment(hot.id, "2026-08-30T10:00:00Z", "pending");
    await comment(hot.id, "2026-08-29T22:30:00Z", "approved"); // 00:30 on the 30th in Paris
    await comment(hot.id, "2026-08-29T21:30:00Z", "trash"); // 23:30 on the 29th
    await comment(hot.id, "2026-07-31T21:00:00Z", "approved"); // before the window
    await comment(warm.id, "2026-08-25T09:00:00Z", "approved");
    for (let i = 0; i < 5; i++) await comment(warm.id, "2026-08-25T09:00:00Z", "spam");
    await comment(own.id, "2026-08-20T08:00:00Z", "pending"); // the oldest waiting
    await comment(own.id, "2026-08-28T08:00:00Z", "approved");
    await comment(own.id, "2026-08-10T08:00:00Z", "approved"); // not this week
  });
  afterAll(() => t.close());

  const day = (dates: string[], date: string) => dates.indexOf(date);

  it("counts articles and comments per day of the site's zone, on both sides of midnight", async () => {
    const d = await dashboardFor(t.ctx, staff.admin);
    expect(d.dates).toHaveLength(30);
    expect(d.dates[0]).toBe("2026-08-01");
    expect(d.dates[29]).toBe("2026-08-30");
    const published = d.published!;
    expect(published[day(d.dates, "2026-08-30")]).toBe(1);
    expect(published[day(d.dates, "2026-08-29")]).toBe(1);
    expect(published[day(d.dates, "2026-08-20")]).toBe(1);
    expect(published[0]).toBe(1);
    expect(published.reduce((a, b) => a + b)).toBe(4);
    const received = d.received!;
    expect(received[day(d.dates, "2026-08-30")]).toBe(4);
    expect(received[day(d.dates, "2026-08-29")]).toBe(1);
    expect(received[day(d.dates, "2026-08-25")]).toBe(6);
    expect(received.reduce((a, b) => a + b)).toBe(14);
    expect(d.queue).toEqual({ pending: 2, oldestAt: "2026-08-20T08:00:00.000Z" });
    expect(d.week).toEqual([
      { slug: hot.slug, title: HOSTILE_TITLE, comments: 2 },
      { slug: own.slug, title: expect.any(String), comments: 1 },
      { slug: warm.slug, title: expect.any(String), comments: 1 },
    ]);
  });

  it("moves the days with the site's time zone", async () => {
    await setSettings(t.ctx, OPERATOR, { "site.timezone": "America/Montreal" });
    try {
      const d = await dashboardFor(t.ctx, staff.admin);
      expect(d.dates[29]).toBe("2026-08-30");
      // 22:00Z and 22:30Z on the 29th are the evening of the 29th in Montréal.
      expect(d.received![day(d.dates, "2026-08-30")]).toBe(3);
      expect(d.received![day(d.dates, "2026-08-29")]).toBe(2);
      expect(d.published![day(d.dates, "2026-08-29")]).toBe(2);
      // 2026-07-31T22:00Z is still the 31st of July there: out of the window.
      expect(d.published!.reduce((a, b) => a + b)).toBe(3);
    } finally {
      await setSettings(t.ctx, OPERATOR, { "site.timezone": "Europe/Paris" });
    }
  });

  it("shows each role its part: moderators the comments, authors their own articles", async () => {
    const moderator = await dashboardFor(t.ctx, staff.moderator);
    expect(moderator.published).toBeNull();
    expect(moderator.received!.reduce((a, b) => a + b)).toBe(14);
    expect(moderator.queue?.pending).toBe(2);
    const author = await dashboardFor(t.ctx, staff.author);
    expect(author.own).toBe(true);
    expect(author.queue).toBeNull();
    expect(author.published!.reduce((a, b) => a + b)).toBe(1);
    expect(author.received!.reduce((a, b) => a + b)).toBe(3);
    expect(author.week).toEqual([{ slug: own.slug, title: expect.any(String), comments: 1 }]);
    const editor = await dashboardFor(t.ctx, staff.editor);
    expect(editor.published!.reduce((a, b) => a + b)).toBe(4);
  });

  it("draws each chart as an SVG image with its title and description, and the same numbers as a table", async () => {
    const res = await getPage(t.app, "/admin", staff.admin.cookie);
    expect(res.statusCode).toBe(200);
    for (const id of ["chart-published", "chart-received"]) {
      const svg = startTags(res.body).find(
        (tag) =>
          tag.name === "svg" && res.body.slice(tag.end).startsWith(`<title id="${id}-title"`),
      );
      expect(svg?.attrs.get("role"), id).toBe("img");
      expect(svg?.attrs.get("aria-labelledby"), id).toBe(`${id}-title ${id}-desc`);
      expect(res.body, id).toContain(`<desc id="${id}-desc">`);
    }
    expect(textById(res.body, "desc", "chart-received-desc")).toBe(
      "14 en tout ; le plus haut : 6, le mardi 25 août 2026.",
    );
    const rows = [...res.body.matchAll(/<tr><th scope="row">([^<]+)<\/th><td>(\d+)<\/td><\/tr>/g)];
    expect(rows).toHaveLength(60);
    expect(rows[59]?.slice(1)).toEqual(["dimanche 30 août 2026", "4"]);
    expect(rows[29]?.slice(1)).toEqual(["dimanche 30 août 2026", "1"]);
    expect(res.body).toContain("2 commentaires attendent une modération.");
    expect(res.body).toContain("Le plus ancien attend depuis 10 jours");
    // A title is text, whatever it holds.
    expect(res.body).not.toContain("<img src=x");
    expect(res.body).toContain("&lt;img src=x onerror=");
    expect(withoutOwnIslands(res.body)).not.toMatch(/<script/i);
  });

  it("shows moderators no publishing chart and authors no queue", async () => {
    const moderator = (await getPage(t.app, "/admin", staff.moderator.cookie)).body;
    expect(moderator).not.toContain('id="chart-published"');
    expect(moderator).toContain('id="chart-received"');
    expect(moderator).toContain(fr.newsroom.dashboardPage.queue);
    const author = (await getPage(t.app, "/admin", staff.author.cookie)).body;
    expect(author).not.toContain('id="queue-heading"');
    expect(author).toContain(fr.newsroom.dashboardPage.publishedOwn);
    expect(author).toContain(fr.newsroom.dashboardPage.receivedOwn);
  });

  it("reads comments and articles through bounded ranges of their indexes", async () => {
    await t.storage.engine.optimize();
    recording = [];
    await dashboardFor(t.ctx, staff.admin);
    await dashboardFor(t.ctx, staff.author);
    const queries = recording.filter((q) => /^\s*select/i.test(q.sql));
    recording = undefined;
    const walks: string[] = [];
    await t.ctx.db.connection().execute(async (conn) => {
      if (engine === "postgres") await sql`set enable_seqscan = off`.execute(conn);
      try {
        for (const q of queries) {
          if (!/from "(comments|articles)"/.test(q.sql)) continue;
          if (engine === "sqlite") {
            const plan = await conn.executeQuery<{ detail: string }>(
              CompiledQuery.raw(`explain query plan ${q.sql}`, [...q.parameters]),
            );
            for (const { detail } of plan.rows)
              if (/^SCAN (comments|articles)\b(?!.*USING)/.test(detail))
                walks.push(`${detail} ← ${q.sql}`);
          } else {
            const plan = await conn.executeQuery<{ "QUERY PLAN": string }>(
              CompiledQuery.raw(`explain ${q.sql}`, [...q.parameters]),
            );
            for (const row of plan.rows)
              if (/Seq Scan on (comments|articles)/.test(row["QUERY PLAN"]))
                walks.push(`${row["QUERY PLAN"]} ← ${q.sql}`);
          }
        }
      } finally {
        if (engine === "postgres") await sql`reset enable_seqscan`.execute(conn);
      }
    });
    expect(queries.length).toBeGreaterThanOrEqual(4);
    expect(walks).toEqual([]);
  });
});
