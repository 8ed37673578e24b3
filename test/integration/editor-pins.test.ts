import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { editing } from "../../src/modules/articles/index.js";
import { related } from "../../src/modules/related/index.js";
import { BLNS } from "../fixtures/hostile/blns.js";
import { XSS_PAYLOADS } from "../fixtures/xss-payloads.js";
import { testEngines } from "../helpers/engines.js";
import { makeArticle, makeCategory } from "../helpers/factories.js";
import { startTags, textareaValue } from "../helpers/http.js";
import { openTestApp, type TestApp } from "../helpers/runtime.js";
import { getPage, postForm, signedIn, type StaffMember } from "../helpers/staff.js";

type Fields = Record<string, string | string[]>;

/** Pinning related articles from the article editor: the form, its checks, the reader's page. */
describe.each(testEngines())("pins in the article editor on %s", (engine) => {
  let rt: TestApp;
  let editor: StaffMember;
  let section: string;
  let others: { id: number; slug: string }[];
  let draft: { id: number; slug: string };

  beforeAll(async () => {
    rt = await openTestApp(engine);
    editor = await signedIn(rt.app, rt.ctx, "editor");
    const { slug } = await makeCategory(rt.ctx, "Sciences");
    section = String((await editing.sections(rt.ctx)).find((s) => s.slug === slug)?.id);
    others = [];
    for (let i = 0; i < 10; i++)
      others.push(await makeArticle(rt.ctx, { slug: `voisin-${i}`, title: `Voisin ${i}` }));
    draft = await makeArticle(rt.ctx, { slug: "encore-brouillon", publishedAt: undefined });
  });
  afterAll(() => rt.close());

  const get = (url: string, who?: StaffMember) => getPage(rt.app, url, who?.cookie);
  const post = (url: string, fields: Fields) => postForm(rt.app, url, editor.cookie, fields);
  const form = (overrides: Fields = {}): Fields => ({
    title: "Les comètes de l’hiver",
    standfirst: "Trois à l’œil nu.",
    slug: "",
    body: "<p>Regardez vers le nord.</p>",
    section,
    tags: "",
    authors: [String(editor.id)],
    comments_open: "1",
    ...overrides,
  });
  const save = async (id: number, overrides: Fields = {}, action = "save") =>
    post(`/admin/articles/${id}`, {
      ...form(overrides),
      version: String((await editing.editable(rt.ctx, editor, id)).version),
      action,
    });

  /** A new article through the form, published, its id and slug. */
  async function published(title: string, pinned?: string): Promise<{ id: number; slug: string }> {
    const res = await post("/admin/articles/nouveau", {
      ...form({ title }),
      ...(pinned !== undefined ? { pinned } : {}),
    });
    expect(res.statusCode, res.body).toBe(303);
    const id = Number(/\/admin\/articles\/(\d+)/.exec(res.headers.location ?? "")?.[1]);
    expect((await save(id, { title }, "publish")).statusCode).toBe(303);
    return { id, slug: (await editing.editable(rt.ctx, editor, id)).fields.slug };
  }

  /** The « À lire aussi » links of a reader's page, in order. */
  const relatedLinks = (html: string) =>
    startTags(html)
      .filter((tag) => tag.name === "a" && tag.attrs.get("class") === "related-title")
      .map((tag) => tag.attrs.get("href"));

  it("pins by address, path or number, first in « À lire aussi », the cached page dropped", async () => {
    const a = await published("Les comètes de l’hiver");
    const [b, c] = [others[0]!, others[1]!];
    const before = await get(`/article/${a.slug}`);
    expect(before.statusCode).toBe(200);

    const typed = `https://journal.example/article/${c.slug}\n\n  ${b.id}  \n`;
    expect((await save(a.id, { title: "Les comètes de l’hiver", pinned: typed })).statusCode).toBe(
      303,
    );
    expect(await related.pinsOf(rt.ctx, a.id)).toEqual([c.id, b.id]);
    const edit = await get(`/admin/articles/${a.id}`, editor);
    expect(textareaValue(edit.body, "pinned")).toBe(`/article/${c.slug}\n/article/${b.slug}`);
    const reader = await get(`/article/${a.slug}`);
    expect(relatedLinks(reader.body).slice(0, 2)).toEqual([
      `/article/${c.slug}`,
      `/article/${b.slug}`,
    ]);

    // The field as the page shows it saves the same pins; a form without it leaves them.
    await save(a.id, {
      title: "Les comètes de l’hiver",
      pinned: textareaValue(edit.body, "pinned"),
    });
    await save(a.id, { title: "Les comètes de l’hiver" });
    expect(await related.pinsOf(rt.ctx, a.id)).toEqual([c.id, b.id]);

    // Emptied, the list is the computed one again.
    expect((await save(a.id, { title: "Les comètes de l’hiver", pinned: "" })).statusCode).toBe(
      303,
    );
    expect(await related.pinsOf(rt.ctx, a.id)).toEqual([]);
    expect(relatedLinks((await get(`/article/${a.slug}`)).body)[0]).not.toBe(`/article/${c.slug}`);
  });

  it("pins from the new article form too", async () => {
    const d = await published("Une éclipse en mars", `/article/${others[2]!.slug}`);
    expect(await related.pinsOf(rt.ctx, d.id)).toEqual([others[2]!.id]);
  });

  it("refuses bad pins with a message for the field, the values kept, nothing saved", async () => {
    const a = await published("Le ciel d’avril", `/article/${others[3]!.slug}`);
    const before = await editing.editable(rt.ctx, editor, a.id);
    const nine = others.slice(0, 9).map((o) => `/article/${o.slug}`);
    const cases: [string, string][] = [
      ["/article/nulle-part", "Ligne 1 : aucun article"],
      [`${others[0]!.slug}\n/article/${draft.slug}`, "Ligne 2 : cet article n’est pas en ligne"],
      [`/article/${a.slug}`, "Ligne 1 : un article ne peut pas s’épingler lui-même"],
      [`${others[0]!.id}\n/article/${others[0]!.slug}`, "Ligne 2 : cet article est déjà épinglé"],
      [nine.join("\n"), "8 lignes au plus"],
      [`/article/${"x".repeat(300)}`, "Chaque ligne : 300 caractères au plus"],
      ["voisin-1\u0001", "caractère invisible"],
      ["99999999999999999999", "Ligne 1 : aucun article"],
      ["0", "Ligne 1 : aucun article"],
    ];
    for (const [pinned, message] of cases) {
      const res = await save(a.id, { title: "Changé en route", pinned });
      expect(res.statusCode, pinned).toBe(422);
      expect(res.body, pinned).toContain('id="pinned-error"');
      expect(res.body, pinned).toContain(message);
      expect(textareaValue(res.body, "pinned"), pinned).toBe(pinned);
    }
    // A list of another type than text is refused too.
    const listed = await save(a.id, { title: "Changé en route", pinned: ["a", "b"] });
    expect(listed.statusCode).toBe(422);
    expect(listed.body).toContain('id="pinned-error"');

    // Every one names no article (BLNS's blank lines and bare numbers would name none or some).
    const hostile = [...XSS_PAYLOADS.slice(0, 20), ...BLNS.filter((_, i) => i % 20 === 0)].filter(
      (s) => s.trim() !== "" && !/^\s*\d+\s*$/.test(s),
    );
    for (const pinned of hostile) {
      const res = await save(a.id, { title: "Changé en route", pinned });
      // Nothing typed names an article here: refused, shown back as text, never a 500.
      expect(res.statusCode, pinned.slice(0, 40)).toBe(422);
      expect(res.body).not.toContain("<script>alert");
    }
    expect(await editing.editable(rt.ctx, editor, a.id)).toEqual(before);
    expect(await related.pinsOf(rt.ctx, a.id)).toEqual([others[3]!.id]);
  });

  it("keeps a pin whose article went offline since, unseen, until it is taken out", async () => {
    const a = await published("Les aurores boréales", `/article/${others[4]!.slug}`);
    await rt.ctx.write(async (tx) => {
      await tx.db
        .updateTable("articles")
        .set({ status: "draft" })
        .where("id", "=", others[4]!.id)
        .execute();
    });
    const edit = await get(`/admin/articles/${a.id}`, editor);
    const saved = await save(a.id, {
      title: "Les aurores boréales",
      pinned: `${textareaValue(edit.body, "pinned")}\n/article/${others[5]!.slug}`,
    });
    expect(saved.statusCode).toBe(303);
    expect(await related.pinsOf(rt.ctx, a.id)).toEqual([others[4]!.id, others[5]!.id]);
    expect(relatedLinks((await get(`/article/${a.slug}`)).body)).not.toContain(
      `/article/${others[4]!.slug}`,
    );
  });
});
