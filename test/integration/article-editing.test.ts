import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { changeKeys } from "../../src/lib/change-keys.js";
import { Conflict, Forbidden, Gone, Invalid, NotFound } from "../../src/lib/errors.js";
import { articles, editing } from "../../src/modules/articles/index.js";
import { setSetting } from "../../src/modules/settings/index.js";
import type { Actor } from "../../src/modules/accounts/index.js";
import { testEngines } from "../helpers/engines.js";
import { makeArticle, makeCategory } from "../helpers/factories.js";
import { openTestRuntime, type TestRuntime } from "../helpers/runtime.js";
import { makeStaff } from "../helpers/staff.js";

const HOUR = 3_600_000;

describe.each(testEngines())("writing articles on %s", (engine) => {
  let rt: TestRuntime;
  let author: Actor;
  let other: Actor;
  let editor: Actor;
  let moderator: Actor;
  let section: string;
  const announced: string[] = [];

  beforeAll(async () => {
    rt = await openTestRuntime(engine);
    rt.changes.subscribe((keys) => announced.push(...keys));
    author = await makeStaff(rt.ctx, "author", "Alice Autrice");
    other = await makeStaff(rt.ctx, "author", "Octave Autre");
    editor = await makeStaff(rt.ctx, "editor", "Édith Éditrice");
    moderator = await makeStaff(rt.ctx, "moderator");
    const { slug } = await makeCategory(rt.ctx, "Planète");
    section = String((await editing.sections(rt.ctx)).find((s) => s.slug === slug)?.id);
  });
  afterAll(() => rt.close());

  const form = (overrides: Record<string, string | string[]> = {}) => ({
    title: "La forêt brûle",
    standfirst: "Un été sec.",
    slug: "",
    body: "<p>Premier jet.</p>",
    section,
    tags: "Climat, Forêts",
    authors: [String(author.id)],
    comments_open: "1",
    ...overrides,
  });

  async function draft(overrides: Record<string, string | string[]> = {}) {
    return editing.createDraft(rt.ctx, author, form(overrides));
  }

  const version = async (id: number) => (await editing.editable(rt.ctx, editor, id)).version;

  it("lets an author write a draft, save it and submit it, but not publish it", async () => {
    const id = await draft({ title: "Sécheresse : l’été de tous les records" });
    const first = await editing.editable(rt.ctx, author, id);
    expect(first).toMatchObject({ status: "draft", version: 1 });
    expect(first.fields.slug).toBe("secheresse-l-ete-de-tous-les-records");
    expect(first.fields.tags).toEqual(["Climat", "Forêts"]);

    const saved = await editing.saveArticle(rt.ctx, author, id, {
      ...form({ body: "<p>Deuxième jet.</p><script>alert(1)</script>" }),
      version: "1",
      action: "submit",
    });
    expect(saved).toMatchObject({ version: 2, status: "review" });
    const after = await editing.editable(rt.ctx, author, id);
    expect(after.fields.bodyHtml).toBe("<p>Deuxième jet.</p>");

    for (const action of ["publish", "schedule", "unpublish"]) {
      await expect(
        editing.saveArticle(rt.ctx, author, id, {
          ...form({ body: "<p>Changé</p>" }),
          version: "2",
          action,
          publish_at: "2026-09-10T08:00",
        }),
      ).rejects.toBeInstanceOf(Forbidden);
    }
    await expect(editing.act(rt.ctx, author, id, "publish")).rejects.toBeInstanceOf(Forbidden);
    // Nothing half-saved by the refused posts.
    expect(await version(id)).toBe(2);
    expect((await editing.editable(rt.ctx, editor, id)).status).toBe("review");
  });

  it("keeps authors out of others' articles and of what is published; moderators out of all", async () => {
    const id = await draft();
    await expect(editing.editable(rt.ctx, other, id)).rejects.toBeInstanceOf(Forbidden);
    await expect(
      editing.saveArticle(rt.ctx, other, id, { ...form(), version: "1" }),
    ).rejects.toBeInstanceOf(Forbidden);
    await expect(editing.createDraft(rt.ctx, moderator, form())).rejects.toBeInstanceOf(Forbidden);
    await expect(editing.staffList(rt.ctx, moderator, {}, 1)).rejects.toBeInstanceOf(Forbidden);
    await editing.act(rt.ctx, editor, id, "publish");
    await expect(editing.editable(rt.ctx, author, id)).rejects.toBeInstanceOf(Forbidden);
    await expect(
      editing.createSection(rt.ctx, author, { name: "Sciences" }),
    ).rejects.toBeInstanceOf(Forbidden);
  });

  it("refuses a form field by field, and stores nothing", async () => {
    const before = await editing.staffList(rt.ctx, editor, {}, 1);
    const refused = editing.createDraft(rt.ctx, author, {
      title: "",
      body: ["deux", "fois"],
      section: "999999",
      authors: [String(moderator.id)],
      image_url: "javascript:alert(1)",
      standfirst: "x".repeat(601),
      seo_title: "a\u0000b",
    });
    await expect(refused).rejects.toBeInstanceOf(Invalid);
    const problems = await refused.then(
      () => ({}),
      (e: Invalid) => e.fields,
    );
    expect(problems).toMatchObject({
      title: { problem: "required" },
      body: { problem: "notText" },
      section: { problem: "choice" },
      authors: { problem: "choice" },
      image_url: { problem: "url" },
      standfirst: { problem: "tooLong" },
      seo_title: { problem: "control" },
    });
    expect((await editing.staffList(rt.ctx, editor, {}, 1)).total).toBe(before.total);
  });

  it("gives each article its own slug, and a taken one is refused", async () => {
    const a = await draft({ title: "Même titre" });
    const b = await draft({ title: "Même titre" });
    expect((await editing.editable(rt.ctx, author, b)).fields.slug).toBe("meme-titre-2");
    await expect(
      editing.saveArticle(rt.ctx, author, b, { ...form({ slug: "meme-titre" }), version: "1" }),
    ).rejects.toMatchObject({ fields: { slug: { problem: "taken" } } });
    expect((await editing.editable(rt.ctx, author, a)).fields.slug).toBe("meme-titre");
  });

  it("schedules, and publishes on time exactly once however many ask at once", async () => {
    const id = await draft({ title: "Programmé pour demain" });
    const at = new Date(rt.clock.now().getTime() + 2 * HOUR);
    await editing.act(rt.ctx, editor, id, "schedule", at);
    await expect(editing.act(rt.ctx, editor, id, "schedule", new Date(0))).rejects.toMatchObject({
      fields: { publish_at: { problem: "past" } },
    });
    expect(await editing.publishDue(rt.ctx)).toEqual([]);
    const slug = (await editing.editable(rt.ctx, editor, id)).fields.slug;
    await expect(articles.publishedArticle(rt.ctx, slug)).rejects.toBeInstanceOf(NotFound);
    // Scheduled by an editor: no longer the author's to change.
    await expect(editing.editable(rt.ctx, author, id)).rejects.toBeInstanceOf(Forbidden);

    rt.clock.advance(2 * HOUR);
    announced.length = 0;
    const runs = await Promise.all([1, 2, 3].map(() => editing.publishDue(rt.ctx)));
    expect(runs.flat()).toEqual([id]);
    expect(await editing.publishDue(rt.ctx)).toEqual([]);
    expect((await articles.publishedArticle(rt.ctx, slug)).title).toBe("Programmé pour demain");
    expect(announced).toEqual(
      expect.arrayContaining([
        changeKeys.article(id),
        changeKeys.home,
        changeKeys.feed,
        changeKeys.author(author.id),
      ]),
    );
  });

  it("publishes a schedule set in the site's time zone from the form", async () => {
    const id = await draft({ title: "À l’heure de Paris" });
    const saved = await editing.saveArticle(rt.ctx, editor, id, {
      ...form({ title: "À l’heure de Paris" }),
      version: "1",
      action: "schedule",
      publish_at: "2026-09-01T08:30",
    });
    expect(saved.status).toBe("scheduled");
    const state = await editing.editable(rt.ctx, editor, id);
    // The test runtime keeps the default zone, Europe/Paris: UTC+2 in September.
    expect(state.publishedAt).toBe("2026-09-01T06:30:00.000Z");
    await expect(
      editing.saveArticle(rt.ctx, editor, id, {
        ...form(),
        version: String(state.version),
        action: "schedule",
        publish_at: "demain matin",
      }),
    ).rejects.toMatchObject({ fields: { publish_at: { problem: "dateTime" } } });
  });

  it("refuses a schedule whose instant is past year 9999, which would sort before today", async () => {
    const id = await draft({ title: "Dans très longtemps" });
    await setSetting(rt.ctx, "site.timezone", "America/New_York");
    try {
      await expect(
        editing.saveArticle(rt.ctx, editor, id, {
          ...form({ title: "Dans très longtemps" }),
          version: "1",
          action: "schedule",
          publish_at: "9999-12-31T23:59",
        }),
      ).rejects.toMatchObject({ fields: { publish_at: { problem: "dateTime" } } });
    } finally {
      await setSetting(rt.ctx, "site.timezone", "Europe/Paris");
    }
    expect(await editing.editable(rt.ctx, editor, id)).toMatchObject({
      status: "draft",
      publishedAt: null,
    });
  });

  it("detects the second of two saves on one version, and keeps it as a revision", async () => {
    const id = await draft();
    await editing.saveArticle(rt.ctx, author, id, {
      ...form({ body: "<p>Texte d’Alice.</p>" }),
      version: "1",
    });
    const refused = editing.saveArticle(rt.ctx, editor, id, {
      ...form({ body: "<p>Texte d’Édith.</p>" }),
      version: "1",
    });
    await expect(refused).rejects.toBeInstanceOf(Conflict);
    const keptAs = await refused.then(
      () => 0,
      (e: Conflict) => e.keptAs,
    );
    const current = await editing.editable(rt.ctx, editor, id);
    expect(current.fields.bodyHtml).toBe("<p>Texte d’Alice.</p>");
    const kept = await editing.revisionOf(rt.ctx, editor, id, keptAs);
    expect(kept).toMatchObject({ kind: "conflict", version: 1 });
    expect(kept.fields.bodyHtml).toBe("<p>Texte d’Édith.</p>");

    // Édith applies hers on top of the current version: both stay in the history.
    await editing.restoreRevision(rt.ctx, editor, id, keptAs, current.version);
    expect((await editing.editable(rt.ctx, editor, id)).fields.bodyHtml).toBe(
      "<p>Texte d’Édith.</p>",
    );
    const { revisions } = await editing.revisionsOf(rt.ctx, editor, id);
    expect(revisions.map((r) => r.kind)).toEqual(["restore", "conflict", "save", "save"]);
  });

  it("compares two revisions field by field and restores an old one", async () => {
    const id = await draft({ body: "<p>Un.</p><p>Deux.</p>" });
    await editing.saveArticle(rt.ctx, author, id, {
      ...form({ title: "Nouveau titre", body: "<p>Un.</p><p>Trois.</p>" }),
      version: "1",
    });
    const { revisions } = await editing.revisionsOf(rt.ctx, author, id);
    const [newer, older] = await Promise.all(
      revisions.map((r) => editing.revisionOf(rt.ctx, author, id, r.id)),
    );
    const diffs = await editing.compareFields(rt.ctx, older!.fields, newer!.fields);
    // The slug was left empty: it follows the headline (the article was never published).
    expect(diffs.map((d) => d.field)).toEqual(["title", "slug", "bodyHtml"]);
    const body = diffs.find((d) => d.field === "bodyHtml")!;
    expect(body.parts.filter((p) => p.change === "removed").map((p) => p.text)).toContain("Deux");
    expect(body.parts.filter((p) => p.change === "added").map((p) => p.text)).toContain("Trois");

    await editing.restoreRevision(rt.ctx, author, id, older!.id, 2);
    const now = await editing.editable(rt.ctx, author, id);
    expect(now).toMatchObject({ version: 3, fields: { title: "La forêt brûle" } });
  });

  it("keeps the text of an article written before revisions as the first one", async () => {
    const old = await makeArticle(rt.ctx, { title: "Écrit par l’import", authorId: author.id });
    const before = await editing.editable(rt.ctx, editor, old.id);
    await editing.saveArticle(rt.ctx, editor, old.id, {
      ...form({ title: "Réécrit", slug: old.slug }),
      version: String(before.version),
    });
    const { revisions } = await editing.revisionsOf(rt.ctx, editor, old.id);
    expect(revisions.map((r) => [r.version, r.savedBy])).toEqual([
      [2, "Édith Éditrice"],
      [1, null],
    ]);
    const first = await editing.revisionOf(rt.ctx, editor, old.id, revisions[1]!.id);
    expect(first.fields.title).toBe("Écrit par l’import");
  });

  it("keeps an old slug of a published article answering with the new one", async () => {
    const id = await draft({ title: "Ancien titre" });
    await editing.act(rt.ctx, editor, id, "publish");
    announced.length = 0;
    await editing.saveArticle(rt.ctx, editor, id, {
      ...form({
        title: "Titre corrigé",
        slug: "titre-corrige",
        authors: [String(author.id), String(other.id)],
      }),
      version: "1",
    });
    expect(await editing.currentSlugFor(rt.ctx, "ancien-titre")).toBe("titre-corrige");
    const article = await articles.publishedArticle(rt.ctx, "titre-corrige");
    expect(article.authors.map((a) => a.name)).toEqual(["Alice Autrice", "Octave Autre"]);
    expect(announced).toEqual(
      expect.arrayContaining([changeKeys.article(id), changeKeys.author(other.id)]),
    );
    // The co-author's page lists it too.
    const otherSlug = article.authors[1]!.slug;
    const page = await articles.authorPage(rt.ctx, otherSlug, 1);
    expect(page.articles.items.map((a) => a.id)).toContain(id);

    // Back to the first slug: it is the current one again, not a redirect.
    const v = await version(id);
    await editing.saveArticle(rt.ctx, editor, id, {
      ...form({ slug: "ancien-titre" }),
      version: String(v),
    });
    expect(await editing.currentSlugFor(rt.ctx, "ancien-titre")).toBeUndefined();
    expect(await editing.currentSlugFor(rt.ctx, "titre-corrige")).toBe("ancien-titre");

    await editing.act(rt.ctx, editor, id, "unpublish");
    await expect(articles.publishedArticle(rt.ctx, "ancien-titre")).rejects.toBeInstanceOf(
      NotFound,
    );
    expect(await editing.currentSlugFor(rt.ctx, "titre-corrige")).toBeUndefined();
  });

  it("opens a preview of a draft with its token, until it expires; an altered token opens nothing", async () => {
    const id = await draft({ title: "Brouillon à relire" });
    const token = await editing.previewToken(rt.ctx, author, id);
    expect((await editing.previewArticle(rt.ctx, token)).title).toBe("Brouillon à relire");
    const altered = token.replace(/^\d+/, String(id + 1));
    await expect(editing.previewArticle(rt.ctx, altered)).rejects.toBeInstanceOf(NotFound);
    await expect(editing.previewArticle(rt.ctx, `${token}x`)).rejects.toBeInstanceOf(NotFound);
    await expect(editing.previewToken(rt.ctx, other, id)).rejects.toBeInstanceOf(Forbidden);
    rt.clock.advance(8 * 24 * HOUR);
    await expect(editing.previewArticle(rt.ctx, token)).rejects.toBeInstanceOf(Gone);
  });

  it("keeps a person's unsaved form until they save", async () => {
    const id = await draft();
    expect(await editing.autosaveOf(rt.ctx, author, id)).toBeUndefined();
    rt.clock.advance(1000);
    await editing.autosave(rt.ctx, author, id, {
      ...form({ body: "<p>Tapé puis onglet fermé</p>" }),
      version: "1",
    });
    const kept = await editing.autosaveOf(rt.ctx, author, id);
    expect(kept?.values.body).toBe("<p>Tapé puis onglet fermé</p>");
    expect(kept?.baseVersion).toBe(1);
    // Nobody else's, and not the article's.
    expect(await editing.autosaveOf(rt.ctx, editor, id)).toBeUndefined();
    expect((await editing.editable(rt.ctx, author, id)).fields.bodyHtml).toBe(
      "<p>Premier jet.</p>",
    );
    expect(kept?.overtaken).toBe(false);
    // A colleague's save does not overtake it: what was typed was never saved by anyone.
    rt.clock.advance(1000);
    await editing.saveArticle(rt.ctx, editor, id, {
      ...form({ body: "<p>Relu par l’édition.</p>" }),
      version: "1",
    });
    const still = await editing.autosaveOf(rt.ctx, author, id);
    expect(still?.values.body).toBe("<p>Tapé puis onglet fermé</p>");
    expect(still?.overtaken).toBe(true);
    // Saved on the version it was typed on, it meets the conflict: neither text is lost.
    await expect(
      editing.saveArticle(rt.ctx, author, id, {
        ...form({ body: "<p>Tapé puis onglet fermé</p>" }),
        version: String(still?.baseVersion),
      }),
    ).rejects.toBeInstanceOf(Conflict);
    expect((await editing.editable(rt.ctx, author, id)).fields.bodyHtml).toBe(
      "<p>Relu par l’édition.</p>",
    );
    // Their own save drops it.
    await editing.saveArticle(rt.ctx, author, id, { ...form(), version: "2" });
    expect(await editing.autosaveOf(rt.ctx, author, id)).toBeUndefined();
  });

  it("lists articles for the newsroom, filtered by status, section, byline and headline", async () => {
    const id = await draft({ title: "Un 100 % unique_titre" });
    const list = (f: Parameters<typeof editing.staffList>[2]) =>
      editing.staffList(rt.ctx, author, f, 1).then((p) => p.items.map((r) => r.id));
    // Words, whatever the case and punctuation; `%` and `_` are no wildcards.
    expect(await list({ q: "100 % UNIQUE_" })).toEqual([id]);
    expect(await list({ q: "1%" })).toEqual([]);
    expect(await list({ q: "u_ique" })).toEqual([]);
    expect(await list({ authorId: author.id, status: "draft" })).toContain(id);
    expect(await list({ authorId: other.id })).not.toContain(id);
    expect(await list({ categoryId: Number(section), status: "published" })).not.toContain(id);
    const row = (await editing.staffList(rt.ctx, author, { q: "unique_titre" }, 1)).items[0];
    expect(row).toMatchObject({ status: "draft", section: "Planète", authors: ["Alice Autrice"] });
  });

  it("creates and renames sections for editors, refusing a taken slug", async () => {
    const id = await editing.createSection(rt.ctx, editor, { name: "Sciences & techniques" });
    await expect(
      editing.createSection(rt.ctx, editor, { name: "Autre", slug: "sciences-techniques" }),
    ).rejects.toMatchObject({ fields: { slug: { problem: "taken" } } });
    await editing.renameSection(rt.ctx, editor, id, { name: "Sciences", slug: "sciences" });
    expect((await editing.sections(rt.ctx)).find((s) => s.id === id)).toMatchObject({
      name: "Sciences",
      slug: "sciences",
    });
    expect((await editing.suggestTags(rt.ctx, author, "cli")).map((t) => t.name)).toEqual([
      "Climat",
    ]);
  });
});
