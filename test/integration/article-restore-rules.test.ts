import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { editing } from "../../src/modules/articles/index.js";
import { fr } from "../../src/web/i18n/fr.js";
import { articleForms } from "../helpers/article-forms.js";
import { testEngines } from "../helpers/engines.js";
import { makeCategory } from "../helpers/factories.js";
import { decodeEntities, formBody, startTags, textareaValue } from "../helpers/http.js";
import { openTestApp, type TestApp } from "../helpers/runtime.js";
import { getPage, signedIn, type StaffMember } from "../helpers/staff.js";

type Fields = Record<string, string | string[]>;

/** An image that would tell another site who reads what, and says nothing to who cannot see it. */
const TRACKER = '<img src="https://tracker.example/pixel.gif?who=reader">';
const CLEAN = "<p>Texte propre.</p>";

/**
 * Every path that writes an article that is out (published or scheduled) runs the publication
 * rules, and a conflict's button is not dropped: applying one's version takes it.
 */
describe.each(testEngines())("restores and conflicts, ruled, on %s", (engine) => {
  let rt: TestApp;
  let admin: StaffMember;
  let editor: StaffMember;
  let author: StaffMember;
  let section: string;
  const writing = fr.newsroom.writing;

  beforeAll(async () => {
    rt = await openTestApp(engine);
    [admin, editor, author] = await Promise.all([
      signedIn(rt.app, rt.ctx, "admin"),
      signedIn(rt.app, rt.ctx, "editor"),
      signedIn(rt.app, rt.ctx, "author"),
    ]);
    const { slug } = await makeCategory(rt.ctx, "Enquêtes");
    section = String((await editing.sections(rt.ctx)).find((s) => s.slug === slug)?.id);
  });
  afterAll(() => rt.close());

  const { post, form, state, ...forms } = articleForms(
    () => rt,
    () => section,
  );
  const revisions = async (id: number) =>
    (await editing.revisionsOf(rt.ctx, { id: 0, role: "admin" }, id)).revisions;
  const publicPage = async (id: number) =>
    getPage(rt.app, `/article/${(await state(id)).fields.slug}`);

  async function save(who: StaffMember, id: number, fields: Fields, action = "save") {
    const res = await forms.save(who, id, fields, action);
    expect(res.statusCode, res.body).toBe(303);
  }

  /**
   * A draft whose version 2 shows the tracker, refused publication as it is, then cleaned and
   * taken out by `action` (publish or schedule).
   */
  async function outAfterATracker(title: string, action: "publish" | "schedule") {
    const id = await forms.create(editor, title, [editor.id]);
    const tracked = { ...form(title, [editor.id]), body: `<p>Texte.</p>${TRACKER}` };
    await save(editor, id, tracked);
    const refused = await forms.save(editor, id, tracked, "publish");
    expect(refused.statusCode).toBe(422);
    expect(decodeEntities(refused.body)).toContain(fr.problems.imageElsewhere);
    const when: Record<string, string> =
      action === "schedule" ? { publish_at: "2026-09-10T08:00" } : {};
    await save(editor, id, { ...form(title, [editor.id]), body: CLEAN, ...when }, action);
    return id;
  }
  const trackerRevision = async (id: number) =>
    (await revisions(id)).find((r) => r.version === 2)!.id;

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

  /** The conflict page's "apply my version" form, as a browser would post it. */
  function applyForm(html: string): { url: string; fields: Fields; button: string } {
    const tags = startTags(html);
    const at = tags.findIndex(
      (t) => t.name === "form" && /\/restaurer$/.test(t.attrs.get("action") ?? ""),
    );
    expect(at, "the apply form").toBeGreaterThanOrEqual(0);
    const fields: Fields = {};
    for (const t of tags.slice(at + 1)) {
      if (t.name === "form" || t.name === "button") break;
      if (t.name === "input") fields[t.attrs.get("name") ?? ""] = t.attrs.get("value") ?? "";
    }
    const start = tags[at]!.end;
    const open = html.indexOf("<button", start);
    const button = decodeEntities(
      html.slice(html.indexOf(">", open) + 1, html.indexOf("</button>", open)).trim(),
    );
    return { url: tags[at]!.attrs.get("action")!, fields, button };
  }

  /**
   * The article open in two browsers on one version: the admin saves it first (its body only
   * changed), then `second` sends `fields` with `action`, on the version they opened. Returns
   * that refused save's page.
   */
  async function clash(id: number, second: StaffMember, fields: Fields, action: string) {
    const opened = String((await state(id)).version);
    await save(admin, id, { ...fields, body: "<p>Texte de l’administration.</p>" });
    const res = await post(`/admin/articles/${id}`, second, {
      ...fields,
      version: opened,
      action,
    });
    expect(res.statusCode, res.body).toBe(409);
    return res;
  }

  it("restores no version of a published article that its publication refuses", async () => {
    const id = await outAfterATracker("Le pixel espion", "publish");
    const before = await state(id);
    const count = (await revisions(id)).length;
    const res = await restore(editor, id, await trackerRevision(id));
    expect(res.statusCode).toBe(422);
    expect(alertOf(res.body)).toBe(
      writing.revisions.refused.other(
        2,
        fr.fieldError(writing.form.body, fr.problems.imageElsewhere),
      ),
    );
    // Nothing written: same version, no new revision, readers see the clean text.
    expect(await state(id)).toMatchObject({ version: before.version, status: "published" });
    expect(await revisions(id)).toHaveLength(count);
    const page = await publicPage(id);
    expect(page.statusCode).toBe(200);
    expect(page.body).not.toContain("tracker.example");
  });

  it("says so as JSON to a JSON client, by field", async () => {
    const id = await outAfterATracker("Le pixel espion, en JSON", "publish");
    const json = await rt.app.inject({
      method: "POST",
      url: `/admin/articles/${id}/revisions/${await trackerRevision(id)}/restaurer`,
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
      errors: { body: fr.problems.imageElsewhere },
    });
  });

  it("holds a scheduled article to the same rules, and a draft to none", async () => {
    const id = await outAfterATracker("Le pixel programmé", "schedule");
    expect((await state(id)).status).toBe("scheduled");
    const version = (await state(id)).version;
    expect((await restore(editor, id, await trackerRevision(id))).statusCode).toBe(422);
    expect((await state(id)).version).toBe(version);

    // Unpublished (a schedule withdrawn), it is a draft again: a draft may hold any image.
    await save(editor, id, form("Le pixel programmé", [editor.id]), "unpublish");
    const res = await restore(editor, id, await trackerRevision(id));
    expect(res.statusCode, res.body).toBe(303);
    expect((await state(id)).fields.bodyHtml).toContain("tracker.example");
  });

  it("refuses an image without its alternative text on a restore, in the rule's words", async () => {
    const title = "La photo muette";
    const id = await forms.create(editor, title, [editor.id]);
    await save(editor, id, {
      ...form(title, [editor.id]),
      body: '<p>Vue.</p><img src="/media/1/x.jpg">',
    });
    await save(editor, id, { ...form(title, [editor.id]), body: CLEAN }, "publish");
    const res = await restore(editor, id, await trackerRevision(id));
    expect(res.statusCode).toBe(422);
    expect(alertOf(res.body)).toBe(
      writing.revisions.refused.other(2, fr.fieldError(writing.form.body, fr.problems.altMissing)),
    );
    expect((await state(id)).fields.bodyHtml).toBe(CLEAN);
  });

  it("applies no conflict's version that a published article's rules refuse: it comes back in the form", async () => {
    const title = "Le conflit piégé";
    const id = await forms.create(editor, title, [editor.id]);
    await save(editor, id, form(title, [editor.id]), "publish");
    const conflict = await clash(
      id,
      editor,
      { ...form(title, [editor.id]), body: `<p>Ma version.</p>${TRACKER}` },
      "save",
    );
    const apply = applyForm(conflict.body);
    expect(apply.button).toBe(writing.conflict.keepMine);
    const before = await state(id);
    const res = await post(apply.url, editor, apply.fields);
    expect(res.statusCode).toBe(422);
    expect(decodeEntities(res.body)).toContain(writing.conflict.refused);
    expect(decodeEntities(res.body)).toContain(fr.problems.imageElsewhere);
    // Their version, in the form, to be put right; on the version they compared it with.
    expect(textareaValue(res.body, "body")).toContain("Ma version.");
    expect(textareaValue(res.body, "body")).toContain("tracker.example");
    expect(
      startTags(res.body)
        .find((t) => t.name === "input" && t.attrs.get("name") === "version")
        ?.attrs.get("value"),
    ).toBe(String(before.version));
    expect(await state(id)).toMatchObject({ version: before.version, status: "published" });
    expect((await publicPage(id)).body).not.toContain("tracker.example");
  });

  it("takes down an article when the conflict came from Dépublier and the person applies their version", async () => {
    const title = "L’article à retirer";
    const id = await forms.create(editor, title, [editor.id]);
    await save(editor, id, form(title, [editor.id]), "publish");
    const conflict = await clash(
      id,
      editor,
      { ...form(title, [editor.id]), body: "<p>Retiré à la demande de la source.</p>" },
      "unpublish",
    );
    // The page says the takedown was not done, and offers it.
    expect(alertOf(conflict.body)).toContain(writing.conflict.notDone(writing.actions.unpublish));
    const apply = applyForm(conflict.body);
    expect(apply.button).toBe(writing.conflict.keepMineAnd.unpublish);
    expect((await state(id)).status).toBe("published");

    const res = await post(apply.url, editor, apply.fields);
    expect(res.statusCode, res.body).toBe(303);
    expect(res.headers.location).toBe(`/admin/articles/${id}?fait=unpublished`);
    expect((await state(id)).status).toBe("draft");
    expect((await state(id)).fields.bodyHtml).toBe("<p>Retiré à la demande de la source.</p>");
    expect((await publicPage(id)).statusCode).toBe(404);
  });

  it("takes a version the rules refuse offline all the same: a takedown is never held up", async () => {
    const title = "Le retrait piégé";
    const id = await forms.create(editor, title, [editor.id]);
    await save(editor, id, form(title, [editor.id]), "publish");
    const conflict = await clash(
      id,
      editor,
      { ...form(title, [editor.id]), body: `<p>Retrait.</p>${TRACKER}` },
      "unpublish",
    );
    const apply = applyForm(conflict.body);
    const res = await post(apply.url, editor, apply.fields);
    expect(res.statusCode, res.body).toBe(303);
    expect((await state(id)).status).toBe("draft");
    expect((await publicPage(id)).statusCode).toBe(404);
  });

  it("carries a schedule and its date through the conflict", async () => {
    const title = "La sortie prévue";
    const id = await forms.create(editor, title, [editor.id]);
    const conflict = await clash(
      id,
      editor,
      { ...form(title, [editor.id]), body: "<p>À paraître.</p>", publish_at: "2026-09-12T09:30" },
      "schedule",
    );
    const apply = applyForm(conflict.body);
    expect(apply.button).toBe(writing.conflict.keepMineAnd.schedule);
    expect(apply.fields).toMatchObject({ action: "schedule", publish_at: "2026-09-12T09:30" });
    // A date past by then is refused as the schedule button refuses it, the version kept.
    const late = await post(apply.url, editor, { ...apply.fields, publish_at: "2026-08-01T08:00" });
    expect(late.statusCode).toBe(422);
    expect(decodeEntities(late.body)).toContain(fr.problems.past);
    expect(textareaValue(late.body, "body")).toBe("<p>À paraître.</p>");
    expect((await state(id)).status).toBe("draft");
    const res = await post(apply.url, editor, apply.fields);
    expect(res.statusCode, res.body).toBe(303);
    expect(res.headers.location).toBe(`/admin/articles/${id}?fait=scheduled`);
    expect(await state(id)).toMatchObject({
      status: "scheduled",
      publishedAt: "2026-09-12T07:30:00.000Z",
    });
  });

  it("asks the same rights as the button: an author may not publish through a conflict", async () => {
    const title = "Le brouillon de l’autrice";
    const id = await forms.create(author, title, [author.id]);
    const conflict = await clash(id, author, form(title, [author.id]), "submit");
    const apply = applyForm(conflict.body);
    expect(apply.button).toBe(writing.conflict.keepMineAnd.submit);
    const before = await state(id);
    const forged = await post(apply.url, author, { ...apply.fields, action: "publish" });
    expect(forged.statusCode).toBe(403);
    expect(await state(id)).toMatchObject({ version: before.version, status: "draft" });
    const res = await post(apply.url, author, apply.fields);
    expect(res.statusCode, res.body).toBe(303);
    expect((await state(id)).status).toBe("review");
  });
});
