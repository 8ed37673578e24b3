import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { staffListSearch } from "../../src/db/migrations/017-staff-list-search.js";
import { editing } from "../../src/modules/articles/index.js";
import { COUNT_CAP } from "../../src/modules/articles/editing/staff-list.js";
import { BLNS } from "../fixtures/hostile/blns.js";
import { XSS_PAYLOADS } from "../fixtures/xss-payloads.js";
import { testEngines } from "../helpers/engines.js";
import { makeArticle } from "../helpers/factories.js";
import { openTestRuntime, type TestRuntime } from "../helpers/runtime.js";
import { makeStaff } from "../helpers/staff.js";

/**
 * The newsroom's headline search looks words up (article_title_words) instead of reading every
 * headline: what it finds must be what a person typing words expects.
 */
describe.each(testEngines())("the staff list's headline search on %s", (engine) => {
  let rt: TestRuntime;
  let actor: { id: number; role: "editor" };
  const ids: Record<string, number> = {};
  const titles = {
    ecole: "L'École du quartier Saint-Éloi rouvre",
    conseil: "Conseil municipal : le budget voté",
    conseils: "Les conseils de quartier s'installent",
    etat: "Budget de l'ÉTAT, 50 % de plus",
  };
  const found = async (q: string) =>
    (await editing.staffList(rt.ctx, actor, { q }, 1)).items.map((i) => i.id).sort();
  const idsOf = (...keys: (keyof typeof titles)[]) => keys.map((k) => ids[k]).sort();

  beforeAll(async () => {
    rt = await openTestRuntime(engine);
    const editor = await makeStaff(rt.ctx, "editor");
    actor = { id: editor.id, role: "editor" };
    for (const [key, title] of Object.entries(titles))
      ids[key] = (await makeArticle(rt.ctx, { title })).id;
  });
  afterAll(() => rt.close());

  it("folds case and accents, both ways", async () => {
    expect(await found("ecole")).toEqual(idsOf("ecole"));
    expect(await found("ÉCOLE")).toEqual(idsOf("ecole"));
    expect(await found("saint eloi")).toEqual(idsOf("ecole"));
    expect(await found("état")).toEqual(idsOf("etat"));
  });

  it("finds longer words from three letters, and needs every word typed", async () => {
    expect(await found("conseil")).toEqual(idsOf("conseil", "conseils"));
    expect(await found("cons")).toEqual(idsOf("conseil", "conseils"));
    expect(await found("budget conseil")).toEqual(idsOf("conseil"));
    expect(await found("quartier")).toEqual(idsOf("ecole", "conseils"));
    // Under three letters a word is looked up whole: "de" is not every word starting with d.
    expect(await found("de")).toEqual(idsOf("conseils", "etat"));
    expect(await found("50")).toEqual(idsOf("etat"));
  });

  it("finds nothing for punctuation alone or a word no headline has", async () => {
    expect(await found("%")).toEqual([]);
    expect(await found("_ \\ ' \"")).toEqual([]);
    expect(await found("absent")).toEqual([]);
  });

  it("answers every hostile string with a list, never an error", async () => {
    for (const q of [...BLNS, ...XSS_PAYLOADS, "a".repeat(10_000), "mot ".repeat(500)]) {
      const page = await editing.staffList(rt.ctx, actor, { q }, 1);
      expect(Array.isArray(page.items)).toBe(true);
    }
  });

  it("follows a headline's changes", async () => {
    const { category_id } = await rt.ctx.db
      .selectFrom("articles")
      .select("category_id")
      .where("id", "=", ids.etat as number)
      .executeTakeFirstOrThrow();
    const form = (title: string) => ({
      title,
      standfirst: "",
      slug: "",
      body: "<p>Texte.</p>",
      section: String(category_id),
      tags: "",
      authors: [String(actor.id)],
    });
    const id = await editing.createDraft(rt.ctx, actor, form("Inondations à Valence"));
    expect(await found("valence")).toEqual([id]);
    const { version } = await editing.editable(rt.ctx, actor, id);
    await editing.saveArticle(rt.ctx, actor, id, {
      ...form("Sécheresse à Valence"),
      version: String(version),
      action: "save",
    });
    expect(await found("inondations")).toEqual([]);
    expect(await found("secheresse valence")).toEqual([id]);
  });

  it("finds the headlines written before the index existed (migration 017)", async () => {
    await sql`drop table article_title_words`.execute(rt.ctx.db);
    await sql`drop index articles_listing`.execute(rt.ctx.db);
    await staffListSearch(engine).up(rt.ctx.db as never);
    expect(await found("ecole")).toEqual(idsOf("ecole"));
    expect(await found("conseil")).toEqual(idsOf("conseil", "conseils"));
  });
});

/**
 * The newsroom's list counts at most COUNT_CAP articles: a large site's total is "10,000+", and
 * its pages stop there, instead of counting every row of the filter on every page.
 */
describe.each(testEngines())("the staff list's count on %s", (engine) => {
  let rt: TestRuntime;
  beforeAll(async () => {
    rt = await openTestRuntime(engine);
  });
  afterAll(() => rt.close());

  it("counts up to the cap and says when there are more", async () => {
    const editor = await makeStaff(rt.ctx, "editor");
    const actor = { id: editor.id, role: editor.role };
    const { id } = await makeArticle(rt.ctx);
    expect(await editing.staffList(rt.ctx, actor, {}, 1)).toMatchObject({
      total: 1,
      capped: false,
    });
    // COUNT_CAP more, copies of that one made by the database itself (one statement).
    await sql`
      with recursive n(i) as (select 1 union all select i + 1 from n where i < ${COUNT_CAP})
      insert into articles (slug, category_id, author_id, title, standfirst, body_html, status,
        created_at, modified_at, comments_open, comment_count, version)
      select 'copie-' || cast(n.i as text), a.category_id, a.author_id, a.title, '', '', 'draft',
        a.created_at, a.modified_at, 1, 0, 1
      from n cross join articles a where a.id = ${id}`.execute(rt.ctx.db);
    const page = await editing.staffList(rt.ctx, actor, {}, 1);
    expect(page).toMatchObject({ total: COUNT_CAP, capped: true });
    expect(page.totalPages).toBe(Math.ceil(COUNT_CAP / editing.STAFF_PAGE_SIZE));
    expect(page.items).toHaveLength(editing.STAFF_PAGE_SIZE);
  });
});
