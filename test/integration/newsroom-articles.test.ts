import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { editing, importedArticles } from "../../src/modules/articles/index.js";
import { audit } from "../../src/modules/audit/index.js";
import { fr } from "../../src/web/i18n/fr.js";
import { testEngines } from "../helpers/engines.js";
import { makeCategory } from "../helpers/factories.js";
import {
  formBody,
  inputValue,
  isOurScript,
  startTags,
  textareaValue,
  textById,
} from "../helpers/http.js";
import { openTestApp, type TestApp } from "../helpers/runtime.js";
import { signedIn, type StaffMember } from "../helpers/staff.js";
import { LONG_LOOP_MS } from "../helpers/timeouts.js";

type Fields = Record<string, string | string[]>;

describe.each(testEngines())("newsroom articles over HTTP on %s", (engine) => {
  let rt: TestApp;
  let editor: StaffMember;
  let author: StaffMember;
  let other: StaffMember;
  let moderator: StaffMember;
  let section: string;

  beforeAll(async () => {
    rt = await openTestApp(engine);
    await signInEveryone();
    const { slug } = await makeCategory(rt.ctx, "Société");
    section = String((await editing.sections(rt.ctx)).find((s) => s.slug === slug)?.id);
  });
  afterAll(() => rt.close());

  /** New people, signed in now (a test that moves the clock days ahead ends sessions). */
  async function signInEveryone() {
    [editor, author, other, moderator] = await Promise.all([
      signedIn(rt.app, rt.ctx, "editor"),
      signedIn(rt.app, rt.ctx, "author"),
      signedIn(rt.app, rt.ctx, "author"),
      signedIn(rt.app, rt.ctx, "moderator"),
    ]);
  }

  const get = (url: string, who?: StaffMember, accept?: string) =>
    rt.app.inject({
      method: "GET",
      url,
      headers: { ...(who ? { cookie: who.cookie } : {}), ...(accept ? { accept } : {}) },
    });
  const post = (url: string, who: StaffMember | undefined, fields: Fields, accept?: string) =>
    rt.app.inject({
      method: "POST",
      url,
      headers: {
        "content-type": "application/x-www-form-urlencoded",
        ...(who ? { cookie: who.cookie } : {}),
        ...(accept ? { accept } : {}),
      },
      payload: formBody(fields),
    });

  const form = (who: StaffMember, overrides: Fields = {}): Fields => ({
    title: "Les quais de Seine",
    standfirst: "Une promenade.",
    slug: "",
    body: "<p>Le long du fleuve.</p>",
    section,
    tags: "Paris, Fleuves",
    authors: [String(who.id)],
    comments_open: "1",
    ...overrides,
  });

  /** A new draft by `who`, through the form; its id from the redirect. */
  async function create(who: StaffMember, overrides: Fields = {}): Promise<number> {
    const res = await post("/admin/articles/nouveau", who, form(who, overrides));
    expect(res.statusCode, res.body).toBe(303);
    const id = Number(
      /\/admin\/articles\/(\d+)\?fait=created$/.exec(res.headers.location ?? "")?.[1],
    );
    expect(id).toBeGreaterThan(0);
    return id;
  }
  const state = (id: number) => editing.editable(rt.ctx, editor, id);
  const save = async (who: StaffMember, id: number, overrides: Fields = {}, action = "save") =>
    post(`/admin/articles/${id}`, who, {
      ...form(who, overrides),
      version: String((await state(id)).version),
      action,
    });

  it("lets an author write and submit, and an editor schedule and publish", async () => {
    const id = await create(author, { title: "Le marché du dimanche" });
    const page = await get(`/admin/articles/${id}?fait=created`, author);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain("Brouillon créé.");
    expect(inputValue(page.body, "title")).toBe("Le marché du dimanche");
    expect(textareaValue(page.body, "body")).toBe("<p>Le long du fleuve.</p>");
    expect(page.body).toContain('name="action" value="submit"');
    expect(page.body).not.toContain('value="publish"');
    expect(page.body).toContain('data-autosave="/admin/articles/');

    const submitted = await save(author, id, { title: "Le marché du dimanche" }, "submit");
    expect(submitted.headers.location).toBe(`/admin/articles/${id}?fait=submitted`);
    expect((await state(id)).status).toBe("review");

    const scheduled = await save(
      editor,
      id,
      { title: "Le marché du dimanche", publish_at: "2026-08-31T09:00" },
      "schedule",
    );
    expect(scheduled.headers.location).toBe(`/admin/articles/${id}?fait=scheduled`);
    expect((await get("/article/le-marche-du-dimanche")).statusCode).toBe(404);

    const published = await save(editor, id, { title: "Le marché du dimanche" }, "publish");
    expect(published.headers.location).toBe(`/admin/articles/${id}?fait=published`);
    const reader = await get("/article/le-marche-du-dimanche");
    expect(reader.statusCode).toBe(200);
    expect(reader.body).toContain("Le long du fleuve.");
  });

  it("refuses each role what it may not do, at every route", async () => {
    const own = await create(author);
    const others = await create(other);
    const published = await create(editor);
    await save(editor, published, {}, "publish");
    const body = (who: StaffMember, id: number, action = "save") => ({
      ...form(who),
      version: "1",
      action,
      publish_at: "2027-01-01T08:00",
    });
    type Case = [method: "GET" | "POST", url: string, fields?: Fields];
    const everyRoute = (id: number): Case[] => [
      ["GET", "/admin/articles"],
      ["GET", "/admin/articles/nouveau"],
      ["POST", "/admin/articles/nouveau", form(author)],
      ["GET", `/admin/articles/${id}`],
      ["POST", `/admin/articles/${id}`, body(author, id)],
      ["POST", `/admin/articles/${id}/brouillon`, body(author, id)],
      ["POST", `/admin/articles/${id}/brouillon/reprendre`, {}],
      ["POST", `/admin/articles/${id}/brouillon/oublier`, {}],
      ["GET", `/admin/articles/${id}/revisions`],
      ["POST", `/admin/articles/${id}/revisions/1/restaurer`, { version: "1" }],
      ["GET", "/admin/etiquettes?q=par"],
      ["GET", "/admin/rubriques"],
      ["POST", "/admin/rubriques", { name: "Nouvelle" }],
      ["POST", `/admin/rubriques/${section}`, { name: "Renommée" }],
      ["POST", `/admin/rubriques/${section}/suppression`, { into: section }],
    ];
    const send = ([method, url, fields]: Case, who?: StaffMember) =>
      method === "GET" ? get(url, who) : post(url, who, fields ?? {});
    const before = await state(own);

    for (const c of everyRoute(own)) {
      const out = await send(c);
      expect([out.statusCode, out.headers.location], `signed out: ${c[0]} ${c[1]}`).toEqual([
        303,
        expect.stringMatching(/^\/admin\/connexion/),
      ]);
      expect((await send(c, moderator)).statusCode, `moderator: ${c[0]} ${c[1]}`).toBe(403);
    }
    const authorRefused: Case[] = [
      ...everyRoute(others).slice(3, 10),
      ...everyRoute(published).slice(3, 10),
      ...everyRoute(own).slice(11),
      ...["publish", "schedule", "unpublish"].map((action): Case => [
        "POST",
        `/admin/articles/${own}`,
        body(author, own, action),
      ]),
    ];
    for (const c of authorRefused)
      expect((await send(c, author)).statusCode, `author: ${c[0]} ${c[1]}`).toBe(403);
    // Nothing changed by any refused request.
    expect(await state(own)).toEqual(before);
    expect(await editing.autosaveOf(rt.ctx, author, own)).toBeUndefined();
  });

  it("sends a form back with every value and a message per field, and saves nothing", async () => {
    const id = await create(author);
    const before = await state(id);
    const res = await post(`/admin/articles/${id}`, author, {
      title: "",
      standfirst: "x".repeat(601),
      body: ["deux", "fois"],
      section: "abc",
      tags: "a\u0001b",
      authors: ["999999"],
      image_url: "javascript:alert(1)",
      image_alt: "<b>alt</b>",
      seo_title: "t".repeat(121),
      version: String(before.version),
    });
    expect(res.statusCode).toBe(422);
    expect(res.headers["cache-control"]).toBe("private, no-store");
    expect(inputValue(res.body, "title")).toBe("");
    expect(textareaValue(res.body, "standfirst")).toBe("x".repeat(601));
    // Sent twice: refused, and its first text kept.
    expect(textareaValue(res.body, "body")).toBe("deux");
    expect(inputValue(res.body, "tags")).toBe("a\u0001b");
    expect(inputValue(res.body, "image_url")).toBe("javascript:alert(1)");
    expect(inputValue(res.body, "image_alt")).toBe("<b>alt</b>");
    for (const field of [
      "title",
      "standfirst",
      "body",
      "section",
      "tags",
      "authors",
      "image_url",
      "seo_title",
    ])
      expect(res.body, field).toContain(`id="${field}-error"`);
    expect(res.body).toContain("8 champs sont à corriger.");
    expect(await state(id)).toEqual(before);
  });

  it("says above the form what is wrong with its version or its button, which no field shows", async () => {
    const id = await create(author);
    const before = await state(id);
    const { writing } = fr.newsroom;
    const cases: [string, Fields, string][] = [
      ["no version", {}, writing.edit.staleForm],
      ["version abc", { version: "abc" }, writing.edit.staleForm],
      [
        "bogus action",
        { version: String(before.version), action: "bogus" },
        writing.edit.unknownAction,
      ],
    ];
    for (const [label, fields, message] of cases) {
      const res = await post(`/admin/articles/${id}`, author, { ...form(author), ...fields });
      expect(res.statusCode, label).toBe(422);
      const summary = /<div class="form-errors error-summary" role="alert"[^>]*>(.*?)<\/div>/s.exec(
        res.body,
      )?.[1];
      expect(summary, label).toContain(fr.formErrors(1));
      expect(summary, label).toContain(`<li>${message}</li>`);
    }
    expect(await state(id)).toEqual(before);
  });

  it(
    "keeps hostile text as typed in the form, and lets none of it run on the reader's page",
    async () => {
      const { XSS_PAYLOADS } = await import("../fixtures/xss-payloads.js");
      const { BLNS } = await import("../fixtures/hostile/blns.js");
      const id = await create(editor, { title: "Page hostile", slug: "page-hostile" });
      await save(editor, id, { title: "Page hostile", slug: "page-hostile" }, "publish");
      for (const s of [...XSS_PAYLOADS, ...BLNS]) {
        const res = await save(editor, id, {
          title: `Titre ${s}`.slice(0, 200),
          slug: "page-hostile",
          standfirst: s,
          body: s,
          image_caption: s.slice(0, 600),
          image_credit: s.slice(0, 200),
        });
        expect([303, 422], s).toContain(res.statusCode);
        if (res.statusCode === 422 && !s.includes("\r"))
          expect(textareaValue(res.body, "standfirst"), s).toBe(s);
        if (res.statusCode !== 303) continue;
        const page = await get("/article/page-hostile");
        expect(page.statusCode, s).toBe(200);
        const bad = startTags(page.body).filter(
          (t) =>
            [...t.attrs.keys()].some((a) => a.startsWith("on")) ||
            (t.name === "script" && !isOurScript(t.attrs)) ||
            ["iframe", "object", "embed", "math", "base", "style"].includes(t.name) ||
            /^\s*javascript:/i.test(t.attrs.get("href") ?? t.attrs.get("src") ?? ""),
        );
        expect(
          bad.map((t) => page.body.slice(t.start, t.end)),
          s,
        ).toEqual([]);
      }
    },
    LONG_LOOP_MS,
  );

  it("refuses a body nested deeper than any browser reads, on its field, its text kept", async () => {
    const deep = `${"<b>".repeat(600)}Collé d’un document abîmé.`;
    const id = await create(editor);
    const refused = await save(editor, id, { body: deep });
    expect(refused.statusCode).toBe(422);
    expect(textById(refused.body, "span", "body-error")).toBe(fr.problems.tooDeep);
    expect(textareaValue(refused.body, "body") === deep).toBe(true);
    // A site page's form reads its body by the same rule.
    const page = await post("/admin/pages/nouvelle", editor, { title: "Profonde", body: deep });
    expect(page.statusCode).toBe(422);
    expect(textById(page.body, "span", "body-error")).toBe(fr.problems.tooDeep);
  });

  it("takes a long read whole, and refuses a longer one with its text kept", async () => {
    const id = await create(author);
    const paragraph = `<p>${"Éléphant à l’orée du bois. ".repeat(40)}</p>`;
    const long = paragraph.repeat(Math.floor(480_000 / paragraph.length));
    const saved = await save(author, id, { body: long });
    expect(saved.statusCode).toBe(303);
    // Compared as booleans: a failure would otherwise print half a megabyte twice.
    expect((await state(id)).fields.bodyHtml === long).toBe(true);
    const longer = `${long}${paragraph.repeat(20)}`;
    const tooLong = await save(author, id, { body: longer });
    expect(tooLong.statusCode).toBe(422);
    expect(tooLong.body).toContain('id="body-error"');
    expect(textareaValue(tooLong.body, "body") === longer).toBe(true);
  });

  it("moves an old address of a published article to its new one for good", async () => {
    const id = await create(editor, { title: "Premier nom", slug: "premier-nom" });
    await save(editor, id, { slug: "premier-nom" }, "publish");
    expect((await get("/article/premier-nom")).statusCode).toBe(200);
    const renamed = await save(editor, id, { slug: "second-nom" });
    expect(renamed.statusCode).toBe(303);
    const old = await get("/article/premier-nom?cpage=1");
    expect(old.statusCode).toBe(301);
    expect(old.headers.location).toBe("/article/second-nom");
    // Asked again each time: a browser keeping the 301 for good would loop once the slug is
    // changed back. Nor is a 404 kept: the article may be published at that address.
    expect(old.headers["cache-control"]).toBe("no-cache");
    expect((await get("/article/second-nom")).statusCode).toBe(200);
    // Whatever was asked under the old address goes on under the new one: a page of comments,
    // the comments' feed, a thread's pages, a campaign's tag.
    const moved = async (from: string) => {
      const res = await get(from);
      return [res.statusCode, res.headers.location];
    };
    const asked: [string, string][] = [
      ["/article/premier-nom?cpage=2", "/article/second-nom?cpage=2"],
      ["/article/premier-nom?replytocom=7", "/article/second-nom?replytocom=7"],
      ["/article/premier-nom/feed.xml", "/article/second-nom/feed.xml"],
      ["/article/premier-nom/reponses/3?page=2", "/article/second-nom/reponses/3?page=2"],
    ];
    for (const [from, to] of asked) expect([from, ...(await moved(from))]).toEqual([from, 301, to]);
    expect(await moved("/article/jamais-existe/feed.xml")).toEqual([404, undefined]);
    const missing = await get("/article/jamais-existe");
    expect(missing.statusCode).toBe(404);
    expect(missing.headers["cache-control"]).toBe("no-cache");
    // The newsroom's own errors stay private.
    const staffMissing = await rt.app.inject({
      url: "/admin/articles/999999999",
      headers: { cookie: editor.cookie },
    });
    expect(staffMissing.statusCode).toBe(404);
    expect(staffMissing.headers["cache-control"]).toBe("private, no-store");
  });

  it("opens a preview link signed out, until it expires; refuses it altered", async () => {
    const id = await create(author, {
      title: "Encore secret",
      body: "<p>Contenu en préparation.</p>",
    });
    const page = await get(`/admin/articles/${id}`, author);
    const link = inputValue(page.body, "preview-link");
    const path = new URL(link, "http://localhost").pathname;
    expect(path).toMatch(/^\/apercu\//);
    const preview = await get(path);
    expect(preview.statusCode).toBe(200);
    expect(preview.body).toContain("Contenu en préparation.");
    expect(preview.headers["cache-control"]).toBe("private, no-store");
    expect(preview.body).toContain('<meta name="robots" content="noindex"');
    expect((await get(`/article/encore-secret`)).statusCode).toBe(404);
    expect((await get(path.replace(/.$/, (c) => (c === "A" ? "B" : "A")))).statusCode).toBe(404);
    expect((await get(path.replace(/\/apercu\/\d+/, "/apercu/1"))).statusCode).toBe(404);
    rt.clock.advance(8 * 86_400_000);
    const expired = await get(path);
    expect(expired.statusCode).toBe(410);
    expect(expired.body).toContain("Lien d’aperçu expiré");
    await signInEveryone();
  });

  it("shows the second of two saves on one version as a conflict, both texts kept", async () => {
    const id = await create(author, { body: "<p>Version commune.</p>" });
    const v = String((await state(id)).version);
    const first = await post(`/admin/articles/${id}`, author, {
      ...form(author, { body: "<p>Texte de l’autrice.</p>" }),
      version: v,
    });
    expect(first.statusCode).toBe(303);
    const second = await post(`/admin/articles/${id}`, editor, {
      ...form(author, { body: "<p>Texte de l’éditrice.</p>" }),
      version: v,
    });
    expect(second.statusCode).toBe(409);
    expect(second.body).toContain("Texte de l’autrice.");
    expect(second.body).toContain("Texte de l’éditrice.");
    const keepMine = startTags(second.body).find(
      (t) => t.name === "form" && /\/revisions\/\d+\/restaurer$/.test(t.attrs.get("action") ?? ""),
    );
    const applied = await post(keepMine!.attrs.get("action")!, editor, {
      version: String((await state(id)).version),
    });
    expect(applied.statusCode).toBe(303);
    expect((await state(id)).fields.bodyHtml).toBe("<p>Texte de l’éditrice.</p>");
    const history = await get(`/admin/articles/${id}/revisions`, editor);
    expect(history.body).toContain("Conflit (non appliquée)");
  });

  it("keeps the form as typed for its writer, and offers it back without JavaScript", async () => {
    const id = await create(author);
    rt.clock.advance(1000);
    const kept = await post(
      `/admin/articles/${id}/brouillon`,
      author,
      { ...form(author, { body: "<p>Tapé avant la panne.</p>" }), version: "1" },
      "application/json",
    );
    expect(kept.statusCode).toBe(200);
    expect(kept.json()).toMatchObject({ ok: true });
    const page = await get(`/admin/articles/${id}`, author);
    expect(page.body).toContain("Une version non enregistrée");
    expect(textareaValue(page.body, "body")).toBe("<p>Le long du fleuve.</p>");
    const restored = await post(`/admin/articles/${id}/brouillon/reprendre`, author, {});
    expect(restored.statusCode).toBe(200);
    expect(textareaValue(restored.body, "body")).toBe("<p>Tapé avant la panne.</p>");
    await post(`/admin/articles/${id}/brouillon/oublier`, author, {});
    expect((await get(`/admin/articles/${id}`, author)).body).not.toContain(
      "Une version non enregistrée",
    );
  });

  it("lists articles with filters, an author's own first, and suggests tags", async () => {
    await create(other, { title: "Seulement chez l’autre" });
    const mine = await get("/admin/articles", author);
    expect(mine.statusCode).toBe(200);
    expect(mine.body).not.toContain("Seulement chez l’autre");
    const all = await get("/admin/articles?author=all&q=seulement", author);
    expect(all.body).toContain("Seulement chez l’autre");
    // A long search (past the 200 characters of a headline) is a search, never an error page.
    const long = await get(
      `/admin/articles?author=all&q=seulement${"%20".repeat(1500)}autre`,
      author,
    );
    expect(long.statusCode).toBe(200);
    expect(long.body).toContain("Seulement chez l’autre");
    expect((await get("/admin/articles?page=99", author)).statusCode).toBe(404);
    const tags = await get("/admin/etiquettes?q=Par", author, "application/json");
    expect(tags.json()).toEqual({ tags: [{ slug: "paris", name: "Paris" }] });
  });

  it("lets editors create and rename sections, a refused form keeping its values", async () => {
    const created = await post("/admin/rubriques", editor, {
      name: "Économie",
      description: "Les chiffres",
    });
    expect(created.headers.location).toBe("/admin/rubriques?fait=created");
    const again = await post("/admin/rubriques", editor, {
      name: "Autre",
      slug: "economie",
      description: "x",
    });
    expect(again.statusCode).toBe(422);
    expect(inputValue(again.body, "new-slug")).toBe("economie");
    expect(inputValue(again.body, "new-name")).toBe("Autre");
    expect(textById(again.body, "span", "new-slug-error")).toBe(fr.problems.taken);
    // A name whose address is taken is said on the name, not on the slug field left empty.
    const twice = await post("/admin/rubriques", editor, { name: "Économie", description: "" });
    expect(twice.statusCode).toBe(422);
    expect(textById(twice.body, "span", "new-name-error")).toBe(fr.problems.taken);
    expect(twice.body).not.toContain('id="new-slug-error"');
    expect((await get("/rubrique/economie")).statusCode).toBe(200);
  });

  it("takes a section out of the menu and the home page, keeping its page, and orders the menu", async () => {
    const made = async (name: string) => {
      await post("/admin/rubriques", editor, { name, description: "" });
      const all = await editing.sections(rt.ctx);
      return all.find((s) => s.name === name)?.id ?? 0;
    };
    const [first, second] = [await made("Agenda"), await made("Zoologie")];
    const zoo = { title: "Au zoo", slug: "au-zoo", section: String(second) };
    const id = await create(editor, zoo);
    expect((await save(editor, id, zoo, "publish")).statusCode).toBe(303);
    const menu = async () => {
      const home = (await get("/")).body;
      const nav = /<nav class="site-nav"[^>]*>([\s\S]*?)<\/nav>/.exec(home)?.[1] ?? "";
      return { nav, home };
    };
    const before = await menu();
    expect(before.nav).toContain(">Zoologie<");
    expect(before.home).toContain('aria-labelledby="block-zoologie"');

    // Out of the menu: its page, its article and its feed still answer.
    const hidden = await post(`/admin/rubriques/${second}`, editor, {
      name: "Zoologie",
      slug: "zoologie",
      description: "",
      position: "",
      in_menu_asked: "1",
    });
    expect(hidden.statusCode).toBe(303);
    const after = await menu();
    expect(after.nav).not.toContain(">Zoologie<");
    expect(after.home).not.toContain('aria-labelledby="block-zoologie"');
    expect((await get("/rubrique/zoologie")).statusCode).toBe(200);
    expect((await get("/article/au-zoo")).body).toContain('href="/rubrique/zoologie"');
    expect((await get("/admin/rubriques", editor)).body).toContain(
      fr.newsroom.writing.sections.hidden,
    );
    // A post without the box (a page from before it) leaves it where it is.
    await post(`/admin/rubriques/${second}`, editor, { name: "Zoologie", slug: "zoologie" });
    expect((await menu()).nav).not.toContain(">Zoologie<");

    // Back in, first: at place 0, where the demo's first section is (its saves were refused).
    const back = await post(`/admin/rubriques/${second}`, editor, {
      name: "Zoologie",
      slug: "zoologie",
      position: "0",
      in_menu_asked: "1",
      in_menu: "1",
    });
    expect(back.statusCode).toBe(303);
    const { nav } = await menu();
    expect(nav.indexOf(">Zoologie<")).toBeGreaterThanOrEqual(0);
    expect(nav.indexOf(">Zoologie<")).toBeLessThan(nav.indexOf(">Agenda<"));
    expect(first).toBeGreaterThan(0);

    // A place that is no whole number from 0 is said as a number's problem, the values kept.
    for (const [position, message] of [
      ["abc", fr.problems.notNumber],
      ["-1", fr.problems.belowMin(0)],
      ["123456", fr.problems.aboveMax(9999)],
    ] as const) {
      const refused = await post(`/admin/rubriques/${second}`, editor, {
        name: "Zoologie",
        slug: "zoologie",
        position,
        in_menu_asked: "1",
      });
      expect(refused.statusCode, position).toBe(422);
      expect(textById(refused.body, "span", `s${second}-position-error`)).toBe(message);
      expect(inputValue(refused.body, `s${second}-position`)).toBe(position);
    }
  });
  it("deletes a section into another: its articles, drafts too, and its old addresses follow", async () => {
    const made = async (name: string) => {
      await post("/admin/rubriques", editor, { name, description: "" });
      return (await editing.sections(rt.ctx)).find((s) => s.name === name)?.id ?? 0;
    };
    const [weather, climate] = [await made("Météo"), await made("Climat")];
    const rain = { title: "Il pleut", slug: "il-pleut", section: String(weather) };
    const published = await create(editor, rain);
    expect((await save(editor, published, rain, "publish")).statusCode).toBe(303);
    const draft = await create(editor, {
      title: "Brouillard",
      slug: "brouillard",
      section: String(weather),
    });
    // Renamed first: the old address and its feeds lead to the new one.
    const renamed = await post(`/admin/rubriques/${weather}`, editor, {
      name: "Météo",
      slug: "meteo-locale",
      in_menu_asked: "1",
      in_menu: "1",
    });
    expect(renamed.statusCode).toBe(303);
    const moved = async (from: string) => {
      const res = await get(from);
      return [res.statusCode, res.headers.location];
    };
    expect(await moved("/rubrique/meteo")).toEqual([301, "/rubrique/meteo-locale"]);
    expect(await moved("/rubrique/meteo?page=2&utm_source=lettre")).toEqual([
      301,
      "/rubrique/meteo-locale?page=2&utm_source=lettre",
    ]);
    expect(await moved("/rubrique/meteo/feed.atom")).toEqual([
      301,
      "/rubrique/meteo-locale/feed.atom",
    ]);
    // Kept by the page cache (from its second render) before the deletion.
    await get("/article/il-pleut");
    await get("/article/il-pleut");
    expect((await get("/article/il-pleut")).headers["x-kiosque-cache"]).toBe("hit");

    const sectionsPage = await get("/admin/rubriques", editor);
    expect(sectionsPage.body).toContain(fr.newsroom.writing.sections.into(2));
    // Refused: nothing chosen, itself, a section that is not there; the choice is kept.
    for (const [into, message] of [
      ["", fr.problems.required],
      [String(weather), fr.problems.choice],
      ["999999", fr.problems.choice],
    ] as const) {
      const refused = await post(`/admin/rubriques/${weather}/suppression`, editor, { into });
      expect(refused.statusCode, into).toBe(422);
      expect(textById(refused.body, "span", `s${weather}-into-error`), into).toBe(message);
    }
    // The refused form is the one unfolded, the others stay folded.
    const refused = await post(`/admin/rubriques/${weather}/suppression`, editor, { into: "x" });
    expect(refused.statusCode).toBe(422);
    const open = startTags(refused.body).filter((d) => d.name === "details" && d.attrs.has("open"));
    expect(open).toHaveLength(1);
    expect(refused.body).toContain(`action="/admin/rubriques/${weather}/suppression"`);

    const deleted = await post(`/admin/rubriques/${weather}/suppression`, editor, {
      into: String(climate),
    });
    expect(deleted.headers.location).toBe("/admin/rubriques?fait=deleted");
    expect((await get(deleted.headers.location ?? "", editor)).body).toContain(
      fr.newsroom.writing.sections.deleted,
    );
    expect((await editing.sections(rt.ctx)).some((s) => s.id === weather)).toBe(false);
    expect((await state(published)).fields.categoryId).toBe(climate);
    expect((await state(draft)).fields.categoryId).toBe(climate);
    expect((await get("/article/il-pleut")).body).toContain('href="/rubrique/climat"');
    // Every old address in one hop, feeds to feeds.
    expect(await moved("/rubrique/meteo-locale")).toEqual([301, "/rubrique/climat"]);
    expect(await moved("/rubrique/meteo")).toEqual([301, "/rubrique/climat"]);
    expect(await moved("/rubrique/meteo-locale/feed.xml")).toEqual([
      301,
      "/rubrique/climat/feed.xml",
    ]);
    expect((await get("/rubrique/climat")).body).toContain("Il pleut");
    // An old revision names the section no more: restored, the article stays where it went.
    const { revisions } = await editing.revisionsOf(rt.ctx, editor, published);
    const first = revisions.at(-1)?.id ?? 0;
    const restored = await editing.restoreRevision(
      rt.ctx,
      editor,
      published,
      first,
      (await state(published)).version,
    );
    expect(restored.slug).toBe("il-pleut");
    expect((await state(published)).fields.categoryId).toBe(climate);
    // A WordPress import run again finds the section by its old address, not a new one.
    const again = await rt.ctx.write((tx, changed) =>
      importedArticles.ensureSection(tx, changed, {
        slug: "meteo",
        name: "Météo",
        description: "",
      }),
    );
    expect(again).toBe(climate);
    const [entry] = await audit.entries(rt.ctx, { action: "section.delete", limit: 1, offset: 0 });
    expect(entry?.targetId).toBe(String(weather));
    expect(entry?.details).toMatchObject({ name: "Météo", into: "Climat", articles: 2 });
    // A new section may take the address back: it lives again.
    await post("/admin/rubriques", editor, { name: "Météo", slug: "meteo-locale" });
    expect((await get("/rubrique/meteo-locale")).statusCode).toBe(200);
  });
});
