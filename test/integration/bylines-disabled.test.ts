import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { editing } from "../../src/modules/articles/index.js";
import { fr } from "../../src/web/i18n/fr.js";
import { testEngines } from "../helpers/engines.js";
import { makeCategory } from "../helpers/factories.js";
import { decodeEntities, startTags, textById } from "../helpers/http.js";
import { openTestApp, type TestApp } from "../helpers/runtime.js";
import { makeStaff, signedIn, type StaffMember } from "../helpers/staff.js";
import { articleForms } from "../helpers/article-forms.js";

/**
 * A disabled account keeps the bylines it has: the editor shows them selected (and marked), a
 * save keeps them, readers still see them; it takes no new one.
 */
describe.each(testEngines())("bylines of disabled accounts on %s", (engine) => {
  let rt: TestApp;
  let admin: StaffMember;
  let editor: StaffMember;
  let author: StaffMember;
  let section: string;

  beforeAll(async () => {
    rt = await openTestApp(engine);
    [admin, editor, author] = await Promise.all([
      signedIn(rt.app, rt.ctx, "admin"),
      signedIn(rt.app, rt.ctx, "editor"),
      signedIn(rt.app, rt.ctx, "author"),
    ]);
    const { slug } = await makeCategory(rt.ctx, "Portraits");
    section = String((await editing.sections(rt.ctx)).find((s) => s.slug === slug)?.id);
  });
  afterAll(() => rt.close());

  const get = (url: string, who?: StaffMember) =>
    rt.app.inject({ method: "GET", url, headers: who ? { cookie: who.cookie } : {} });
  const { post, form, state, create, save } = articleForms(
    () => rt,
    () => section,
  );
  const disable = async (id: number) =>
    expect((await post(`/admin/personnes/${id}/desactiver`, admin, {})).statusCode).toBe(303);

  /** The byline choices of an editor's page: each option's value, words and whether chosen. */
  function bylineOptions(html: string) {
    const select = html.slice(
      html.indexOf('<select id="authors"'),
      html.indexOf("</select>", html.indexOf('<select id="authors"')),
    );
    return startTags(select)
      .filter((tag) => tag.name === "option")
      .map((tag) => ({
        id: Number(tag.attrs.get("value")),
        text: decodeEntities(select.slice(tag.end, select.indexOf("</option>", tag.end))),
        selected: tag.attrs.has("selected"),
      }));
  }
  /** The message the refused form shows on its byline field. */
  const authorsError = (html: string) => textById(html, "span", "authors-error");

  it("keeps a disabled co-author on a save, in the editor and on the reader's page", async () => {
    const co = (await makeStaff(rt.ctx, "author", "Bruno Cosigne")).id;
    const id = await create(editor, "Le port au petit matin", [author.id, co]);
    expect(
      (await save(editor, id, form("Le port au petit matin", [author.id, co]), "publish"))
        .statusCode,
    ).toBe(303);
    await disable(co);

    const page = await get(`/admin/articles/${id}`, editor);
    expect(page.statusCode).toBe(200);
    const options = bylineOptions(page.body);
    expect(options.find((o) => o.id === co)).toEqual({
      id: co,
      text: "Bruno Cosigne (compte désactivé)",
      selected: true,
    });
    expect(options.find((o) => o.id === author.id)?.selected).toBe(true);
    // Not offered where they sign nothing: a new byline is an active account's.
    const elsewhere = (await makeStaff(rt.ctx, "author", "Ernest Ailleurs")).id;
    await disable(elsewhere);
    const later = bylineOptions((await get(`/admin/articles/${id}`, editor)).body);
    expect(later.some((o) => o.id === elsewhere)).toBe(false);
    const fresh = bylineOptions((await get("/admin/articles/nouveau", editor)).body);
    expect(fresh.some((o) => o.id === co)).toBe(false);
    expect(fresh.some((o) => o.id === author.id)).toBe(true);

    // A typo fixed, the form sent as the page shows it.
    const fixed = await save(editor, id, form("Le port au petit matin, corrigé", [author.id, co]));
    expect(fixed.statusCode, fixed.body).toBe(303);
    expect((await state(id)).fields.authorIds).toEqual([author.id, co]);

    // Readers keep the former journalist's byline, and their page.
    const { slug } = (await state(id)).fields;
    const reader = await get(`/article/${slug}`);
    expect(reader.statusCode).toBe(200);
    const byline = reader.body.slice(reader.body.indexOf('<p class="byline"'));
    expect(byline.slice(0, byline.indexOf("</p>"))).toContain("Bruno Cosigne");
    const person = await rt.ctx.db
      .selectFrom("users")
      .select("slug")
      .where("id", "=", co)
      .executeTakeFirstOrThrow();
    const theirs = await get(`/auteur/${person.slug}`);
    expect(theirs.statusCode).toBe(200);
    expect(theirs.body).toContain("Le port au petit matin, corrigé");
  });

  it("saves an article whose only byline is disabled, and adds no disabled byline", async () => {
    const solo = (await makeStaff(rt.ctx, "author", "Sophie Seule")).id;
    const gone = (await makeStaff(rt.ctx, "author", "Gaston Parti")).id;
    const id = await create(editor, "Une vie de quartier", [solo]);
    await disable(solo);
    const saved = await save(editor, id, form("Une vie de quartier (suite)", [solo]));
    expect(saved.statusCode, saved.body).toBe(303);
    expect((await state(id)).fields).toMatchObject({
      title: "Une vie de quartier (suite)",
      authorIds: [solo],
    });

    // A disabled account that does not sign it is refused, with why; nothing is saved.
    await disable(gone);
    const added = await save(editor, id, form("Ajout", [solo, gone]));
    expect(added.statusCode).toBe(422);
    expect(authorsError(added.body)).toBe(fr.problems.bylineDisabled);
    expect((await state(id)).fields.title).toBe("Une vie de quartier (suite)");
    const created = await post("/admin/articles/nouveau", editor, form("Neuf", [gone]));
    expect(created.statusCode).toBe(422);
    expect(authorsError(created.body)).toBe(fr.problems.bylineDisabled);
  });

  it("lets an author keep a disabled co-author, but add none nor drop their own name", async () => {
    const co = (await makeStaff(rt.ctx, "author", "Camille Partie")).id;
    const off = (await makeStaff(rt.ctx, "author", "Odile Absente")).id;
    const id = await create(author, "Le marché couvert", [author.id, co]);
    await disable(co);
    await disable(off);

    const kept = await save(author, id, form("Le marché couvert, bis", [author.id, co]));
    expect(kept.statusCode, kept.body).toBe(303);
    expect((await state(id)).fields.authorIds).toEqual([author.id, co]);

    const added = await save(author, id, form("Ajout", [author.id, co, off]));
    expect(added.statusCode).toBe(422);
    expect(authorsError(added.body)).toBe(fr.problems.bylineDisabled);
    const dropped = await save(author, id, form("Sans moi", [co]));
    expect(dropped.statusCode).toBe(422);
    expect(authorsError(dropped.body)).toBe(fr.problems.ownByline);
    expect((await state(id)).fields).toMatchObject({
      title: "Le marché couvert, bis",
      authorIds: [author.id, co],
    });
  });
});
