import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrateToLatest } from "../../src/db/migrate.js";
import { publishDue } from "../../src/jobs/publish-scheduled.js";
import { instantToZoned } from "../../src/lib/zoned-time.js";
import { editing, importedArticles } from "../../src/modules/articles/index.js";
import { testEngines } from "../helpers/engines.js";
import { makeArticle, makeCategory } from "../helpers/factories.js";
import { openTestApp, type TestApp } from "../helpers/runtime.js";
import { postForm, signedIn, type StaffMember } from "../helpers/staff.js";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

type Fields = Record<string, string | string[]>;

/**
 * Whether readers have seen an article is a fact kept apart from its publication date, which a
 * schedule moves to the future and a withdrawn schedule empties: once seen, its old addresses
 * keep answering (301) and it comes back with the date readers saw.
 */
describe.each(testEngines())("an article's first publication on %s", (engine) => {
  let t: TestApp;
  let editor: StaffMember;
  let section: string;
  let categoryId: number;

  beforeAll(async () => {
    t = await openTestApp(engine);
    editor = await signedIn(t.app, t.ctx, "editor");
    const { slug } = await makeCategory(t.ctx, "Société");
    categoryId = (await editing.sections(t.ctx)).find((s) => s.slug === slug)!.id;
    section = String(categoryId);
  });
  afterAll(() => t.close());

  const now = () => t.clock.now().toISOString();
  const state = (id: number) => editing.editable(t.ctx, editor, id);
  const read = (slug: string) => t.app.inject({ method: "GET", url: `/article/${slug}` });
  const form = (overrides: Fields): Fields => ({
    title: "Les quais de Seine",
    standfirst: "Une promenade.",
    body: "<p>Le long du fleuve.</p>",
    section,
    authors: [String(editor.id)],
    comments_open: "1",
    ...overrides,
  });

  /** The edit form's button `action`, pressed with the article's fields as `fields` say. */
  async function press(id: number, slug: string, action: string, more: Fields = {}) {
    const res = await postForm(t.app, `/admin/articles/${id}`, editor.cookie, {
      ...form({ slug }),
      version: String((await state(id)).version),
      action,
      ...more,
    });
    expect(res.statusCode, res.body).toBe(303);
  }

  async function create(slug: string): Promise<number> {
    const res = await postForm(t.app, "/admin/articles/nouveau", editor.cookie, form({ slug }));
    expect(res.statusCode, res.body).toBe(303);
    return Number(/\/admin\/articles\/(\d+)/.exec(res.headers.location ?? "")?.[1]);
  }

  /** The publish_at field's text for an instant, at the site's time (minutes, rounded up). */
  const localTime = (at: number) =>
    instantToZoned(new Date(Math.ceil(at / MINUTE) * MINUTE), "Europe/Paris");

  async function expectMoved(from: string, to: string) {
    const res = await read(from);
    expect(res.statusCode).toBe(301);
    expect(res.headers.location).toBe(`/article/${to}`);
  }

  it("keeps the first address and date after a schedule is set, withdrawn and the slug changed", async () => {
    const id = await create("seen-s-a");
    const first = now();
    await press(id, "seen-s-a", "publish");
    expect((await read("seen-s-a")).statusCode).toBe(200);

    t.clock.advance(HOUR);
    await press(id, "seen-s-a", "schedule", { publish_at: "2030-01-01T10:00" });
    // Programmer takes a live article off the site until its date (the guide says so).
    expect((await read("seen-s-a")).statusCode).toBe(404);
    t.clock.advance(HOUR);
    await press(id, "seen-s-a", "unpublish");
    await press(id, "seen-s-b", "save");
    t.clock.advance(HOUR);
    await press(id, "seen-s-b", "publish");

    await expectMoved("seen-s-a", "seen-s-b");
    const page = await read("seen-s-b");
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(`<time datetime="${first}">`);
    expect((await state(id)).firstPublishedAt).toBe(first);
  });

  it("keeps the address readers saw when a scheduled article is renamed before it comes back", async () => {
    const id = await create("seen-s-c");
    await press(id, "seen-s-c", "publish");
    t.clock.advance(HOUR);
    const at = t.clock.now().getTime() + 100_000;
    await press(id, "seen-s-c", "schedule", { publish_at: localTime(at) });
    await press(id, "seen-s-d", "save");
    t.clock.advance(3 * MINUTE);
    expect(await publishDue(t.ctx)).toEqual([id]);

    expect((await read("seen-s-d")).statusCode).toBe(200);
    await expectMoved("seen-s-c", "seen-s-d");
  });

  it("records the first publication when the scheduling job releases an article", async () => {
    const id = await create("seen-s-e");
    const at = t.clock.now().getTime() + 10 * MINUTE;
    await press(id, "seen-s-e", "schedule", { publish_at: localTime(at) });
    expect((await state(id)).firstPublishedAt).toBeNull();
    // Not seen yet: a new address leaves nothing behind.
    await press(id, "seen-s-f", "save");
    t.clock.advance(15 * MINUTE);
    expect(await publishDue(t.ctx)).toEqual([id]);
    const released = (await state(id)).publishedAt;
    expect((await state(id)).firstPublishedAt).toBe(released);
    expect((await read("seen-s-e")).statusCode).toBe(404);

    t.clock.advance(HOUR);
    await press(id, "seen-s-f", "schedule", { publish_at: "2030-01-01T10:00" });
    await press(id, "seen-s-f", "unpublish");
    await press(id, "seen-s-g", "save");
    await press(id, "seen-s-g", "publish");
    await expectMoved("seen-s-f", "seen-s-g");
    expect((await read("seen-s-g")).body).toContain(`<time datetime="${released}">`);
  });

  it("counts an article written published by other means (the demo, tests) as seen", async () => {
    const { id, slug } = await makeArticle(t.ctx);
    const published = (await state(id)).publishedAt;
    expect((await state(id)).firstPublishedAt).toBe(published);
    await press(id, slug, "schedule", { publish_at: "2030-01-01T10:00" });
    await press(id, slug, "unpublish");
    await press(id, `${slug}-bis`, "publish");
    await expectMoved(slug, `${slug}-bis`);
    expect((await read(`${slug}-bis`)).body).toContain(`<time datetime="${published}">`);
  });

  it("takes a published WordPress post's date as its first publication, a scheduled one's when it goes out", async () => {
    const posted = new Date(t.clock.now().getTime() - 30 * 24 * HOUR).toISOString();
    const due = new Date(t.clock.now().getTime() + HOUR).toISOString();
    const store = (slug: string, status: "published" | "scheduled", publishedAt: string) =>
      t.ctx.write((tx, changed) =>
        importedArticles.storeImportedArticle(tx, changed, {
          slug,
          title: slug,
          standfirst: "",
          bodyHtml: "<p>Importé.</p>",
          categoryId,
          authorIds: [editor.id],
          tagIds: [],
          status,
          publishedAt,
          updatedAt: null,
          createdAt: posted,
          modifiedAt: posted,
          commentsOpen: true,
          sticky: false,
          imageMediaId: null,
          imageAlt: null,
          imageCaption: null,
          oldSlugs: [],
        }),
      );
    const old = await store("seen-wp-old", "published", posted);
    const soon = await store("seen-wp-soon", "scheduled", due);
    expect((await state(old.id)).firstPublishedAt).toBe(posted);
    expect((await state(soon.id)).firstPublishedAt).toBeNull();
    t.clock.advance(2 * HOUR);
    expect(await publishDue(t.ctx)).toEqual([soon.id]);
    expect((await state(soon.id)).firstPublishedAt).toBe(due);
  });

  it("fills the first publication of articles stored before it was kept", async () => {
    const live = await create("seen-m-live");
    await press(live, "seen-m-live", "publish");
    const liveAt = now();
    const back = await create("seen-m-back");
    await press(back, "seen-m-back", "publish");
    const backAt = now();
    t.clock.advance(HOUR);
    await press(back, "seen-m-back", "unpublish");
    // Renamed while readers saw it, then scheduled and withdrawn: its date is gone, its old
    // address is the trace that readers saw it.
    const renamed = await create("seen-m-before");
    await press(renamed, "seen-m-before", "publish");
    t.clock.advance(HOUR);
    await press(renamed, "seen-m-after", "save");
    const renamedAt = now();
    await press(renamed, "seen-m-after", "schedule", { publish_at: "2030-01-01T10:00" });
    await press(renamed, "seen-m-after", "unpublish");
    const never = await create("seen-m-never");
    await press(never, "seen-m-never", "schedule", { publish_at: "2030-01-01T10:00" });

    // The database as the previous version left it: no column, the migration not run.
    await sql`alter table articles drop column first_published_at`.execute(t.ctx.db);
    await sql`delete from kysely_migration where name = '025-first-publication'`.execute(t.ctx.db);
    expect(await migrateToLatest(t.storage)).toEqual(["025-first-publication"]);

    expect((await state(live)).firstPublishedAt).toBe(liveAt);
    expect((await state(back)).firstPublishedAt).toBe(backAt);
    expect((await state(renamed)).firstPublishedAt).toBe(renamedAt);
    expect((await state(never)).firstPublishedAt).toBeNull();
  });
});
