import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { editing } from "../../src/modules/articles/index.js";
import { fr } from "../../src/web/i18n/fr.js";
import { testEngines } from "../helpers/engines.js";
import { makeCategory } from "../helpers/factories.js";
import { decodeEntities, formBody } from "../helpers/http.js";
import { openTestApp, type TestApp } from "../helpers/runtime.js";
import { makeStaff, signedIn, type StaffMember } from "../helpers/staff.js";
import { articleForms } from "../helpers/article-forms.js";

type Fields = Record<string, string | string[]>;

/** A refused restore says why, on the revisions page, and changes nothing. */
describe.each(testEngines())("restoring a revision, refused, on %s", (engine) => {
  let rt: TestApp;
  let admin: StaffMember;
  let editor: StaffMember;
  let author: StaffMember;
  let section: string;
  const words = fr.newsroom.writing.revisions.refused;

  beforeAll(async () => {
    rt = await openTestApp(engine);
    [admin, editor, author] = await Promise.all([
      signedIn(rt.app, rt.ctx, "admin"),
      signedIn(rt.app, rt.ctx, "editor"),
      signedIn(rt.app, rt.ctx, "author"),
    ]);
    const { slug } = await makeCategory(rt.ctx, "Archives");
    section = String((await editing.sections(rt.ctx)).find((s) => s.slug === slug)?.id);
  });
  afterAll(() => rt.close());

  const { post, form, state, ...forms } = articleForms(
    () => rt,
    () => section,
  );
  const create = (title: string, authors: number[]) => forms.create(editor, title, authors);
  async function save(id: number, fields: Fields) {
    const res = await forms.save(editor, id, fields);
    expect(res.statusCode, res.body).toBe(303);
  }
  const revisions = async (id: number) =>
    (await editing.revisionsOf(rt.ctx, { id: 0, role: "admin" }, id)).revisions;
  async function restore(who: StaffMember, id: number, revision: number) {
    const version = String((await state(id)).version);
    return post(`/admin/articles/${id}/revisions/${revision}/restaurer`, who, { version });
  }

  /** The page's alert, as read. */
  function alertOf(html: string): string {
    const at = html.indexOf('role="alert"');
    expect(at, "an alert on the page").toBeGreaterThan(0);
    const from = html.indexOf(">", at) + 1;
    return decodeEntities(html.slice(from, html.indexOf("</p>", from)));
  }

  it("names the revision that is not one of this article's", async () => {
    const id = await create("Le vieux pont", [editor.id]);
    const elsewhere = await create("Le nouveau pont", [editor.id]);
    const theirs = (await revisions(elsewhere))[0]!.id;
    const res = await restore(editor, id, theirs);
    expect(res.statusCode).toBe(422);
    expect(res.headers["cache-control"]).toBe("private, no-store");
    expect(res.body).toContain(fr.newsroom.writing.revisions.title("Le vieux pont"));
    expect(alertOf(res.body)).toBe(words.unknown(theirs));
    expect(res.body).not.toContain(fr.errors.badRequest.title);
    expect((await state(id)).version).toBe(1);
  });

  it("tells an author that the version does not carry their byline", async () => {
    const other = (await makeStaff(rt.ctx, "author", "Paul Ailleurs")).id;
    const id = await create("La halle", [other]);
    await save(id, form("La halle, reprise", [author.id]));
    const first = (await revisions(id)).find((r) => r.version === 1)!.id;
    const res = await restore(author, id, first);
    expect(res.statusCode).toBe(422);
    expect(alertOf(res.body)).toBe(words.notYourByline(1));
    expect((await state(id)).fields).toMatchObject({
      title: "La halle, reprise",
      authorIds: [author.id],
    });
  });

  it("says which rule an old version breaks now: a byline of a since disabled account", async () => {
    const former = (await makeStaff(rt.ctx, "author", "Rose Partie")).id;
    const id = await create("Le lavoir", [editor.id, former]);
    await save(id, form("Le lavoir", [editor.id]));
    const disabled = await post(`/admin/personnes/${former}/desactiver`, admin, {});
    expect(disabled.statusCode).toBe(303);
    const first = (await revisions(id)).find((r) => r.version === 1)!.id;
    const res = await restore(editor, id, first);
    expect(res.statusCode).toBe(422);
    expect(alertOf(res.body)).toBe(
      words.other(1, fr.fieldError(fr.newsroom.writing.form.authors, fr.problems.bylineDisabled)),
    );
    // JSON clients get the refusal as JSON, as before.
    const json = await rt.app.inject({
      method: "POST",
      url: `/admin/articles/${id}/revisions/${first}/restaurer`,
      headers: {
        "content-type": "application/x-www-form-urlencoded",
        cookie: editor.cookie,
        accept: "application/json",
      },
      payload: formBody({ version: String((await state(id)).version) }),
    });
    expect(json.statusCode).toBe(422);
    expect(json.json()).toMatchObject({
      ok: false,
      errors: { authors: fr.problems.bylineDisabled },
    });
  });
});
