import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { XSS_PAYLOADS } from "../fixtures/xss-payloads.js";
import { fr } from "../../src/web/i18n/fr.js";
import { inputValue, textareaValue, textById } from "../helpers/http.js";
import { openTestApp, type TestApp } from "../helpers/runtime.js";
import { testEngines } from "../helpers/engines.js";
import { getPage, postForm, signedIn, type StaffMember } from "../helpers/staff.js";

describe.each(testEngines())("the site's pages in the newsroom on %s", (engine) => {
  let rt: TestApp;
  let editor: StaffMember;
  let author: StaffMember;
  beforeAll(async () => {
    rt = await openTestApp(engine);
    [editor, author] = await Promise.all([
      signedIn(rt.app, rt.ctx, "editor"),
      signedIn(rt.app, rt.ctx, "author"),
    ]);
  });
  afterAll(() => rt.close());

  it("lets an editor write a page that readers find at its address and in the footer", async () => {
    const form = await getPage(rt.app, "/admin/pages/nouvelle", editor.cookie);
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('data-editor="rich"');
    const made = await postForm(rt.app, "/admin/pages/nouvelle", editor.cookie, {
      title: "Mentions légales",
      body: "<p>Éditeur : <strong>Le Courrier</strong></p><script>alert(1)</script>",
      status: "published",
      in_footer: "1",
      position: "3",
    });
    expect(made.statusCode).toBe(303);
    const edit = made.headers.location!;
    expect(edit).toMatch(/^\/admin\/pages\/\d+\?fait=created$/);
    const page = await rt.app.inject({ url: "/page/mentions-legales" });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain("<strong>Le Courrier</strong>");
    expect(page.body).not.toContain("alert(1)");
    const home = await rt.app.inject({ url: "/" });
    expect(home.body).toContain('href="/page/mentions-legales"');

    // Made a draft and renamed: it leaves the footer, and its old address does not tell the new
    // one (the draft's title) until it is published again, when it answers 301 to it.
    const save = (status: string) =>
      postForm(rt.app, edit.split("?")[0]!, editor.cookie, {
        title: "Mentions légales",
        slug: "legal",
        body: "<p>Texte</p>",
        status,
        position: "3",
      });
    expect((await save("draft")).statusCode).toBe(303);
    const old = async () => {
      const r = await rt.app.inject({ url: "/page/mentions-legales" });
      return [r.statusCode, r.headers.location];
    };
    expect(await old()).toEqual([404, undefined]);
    expect((await rt.app.inject({ url: "/page/legal" })).statusCode).toBe(404);
    expect((await rt.app.inject({ url: "/" })).body).not.toContain('href="/page/');
    expect((await save("published")).statusCode).toBe(303);
    expect(await old()).toEqual([301, "/page/legal"]);
  });

  it("refuses a form with a message per field, every value kept, nothing saved", async () => {
    const refused = await postForm(rt.app, "/admin/pages/nouvelle", editor.cookie, {
      title: "",
      slug: "legal",
      body: XSS_PAYLOADS[0] ?? "<img src=x onerror=alert(1)>",
      status: "public",
      position: "-4",
    });
    expect(refused.statusCode).toBe(422);
    expect(inputValue(refused.body, "page-slug")).toBe("legal");
    expect(inputValue(refused.body, "page-position")).toBe("-4");
    // A place in the footer is said as a number, however long what was typed.
    for (const [position, message] of [
      ["-4", fr.problems.belowMin(0)],
      ["12345", fr.problems.aboveMax(1000)],
      ["trois", fr.problems.notNumber],
    ] as const) {
      const wrong = await postForm(rt.app, "/admin/pages/nouvelle", editor.cookie, {
        title: "Mentions",
        position,
      });
      expect(textById(wrong.body, "span", "page-position-error"), position).toBe(message);
    }
    const list = await getPage(rt.app, "/admin/pages", editor.cookie);
    expect(list.body.match(/href="\/admin\/pages\/\d+"/g)).toHaveLength(1);
    const taken = await postForm(rt.app, "/admin/pages/nouvelle", editor.cookie, {
      title: "Autre",
      slug: "legal",
    });
    expect(taken.statusCode).toBe(422);
    expect(textById(taken.body, "span", "page-slug-error")).toBe(fr.problems.taken);
    // An address made from a title already taken is numbered, as an article's: it was refused
    // on the slug field left empty.
    const first = await postForm(rt.app, "/admin/pages/nouvelle", editor.cookie, {
      title: "Nous écrire",
    });
    expect(first.statusCode).toBe(303);
    const second = await postForm(rt.app, "/admin/pages/nouvelle", editor.cookie, {
      title: "Nous écrire",
    });
    expect(second.statusCode).toBe(303);
    const edit = await getPage(rt.app, String(second.headers.location), editor.cookie);
    expect(inputValue(edit.body, "page-slug")).toBe("nous-ecrire-2");
  });

  it("publishes a page only with its images on the site, each with its text; a draft may hold any", async () => {
    const pages = async () =>
      (await getPage(rt.app, "/admin/pages", editor.cookie)).body.match(
        /href="\/admin\/pages\/\d+"/g,
      )?.length ?? 0;
    const before = await pages();
    const elsewhere = '<p><img src="https://images.example.org/a.jpg" alt="Le port"></p>';
    const noText = '<p><img src="/media/2026/port.jpg" alt=""></p>';
    for (const [body, words] of [
      [elsewhere, "Une image est sur un autre site"],
      [noText, "Une image n’a pas de texte alternatif"],
    ] as const) {
      const fields = { title: "Le port", slug: "le-port", body, status: "published" };
      const refused = await postForm(rt.app, "/admin/pages/nouvelle", editor.cookie, fields);
      expect(refused.statusCode).toBe(422);
      expect(refused.body).toContain(words);
      // The form comes back as typed, and nothing was saved or published.
      expect(inputValue(refused.body, "page-title")).toBe("Le port");
      expect(textareaValue(refused.body, "body")).toContain(
        body.includes("https:") ? "https://images.example.org/a.jpg" : "/media/2026/port.jpg",
      );
      expect(await pages()).toBe(before);
      expect((await rt.app.inject({ url: "/page/le-port" })).statusCode).toBe(404);
    }

    // A draft keeps it; publishing it is refused until the image is on the site.
    const draft = await postForm(rt.app, "/admin/pages/nouvelle", editor.cookie, {
      title: "Le port",
      slug: "le-port",
      body: elsewhere,
      status: "draft",
    });
    expect(draft.statusCode).toBe(303);
    const edit = draft.headers.location!.split("?")[0]!;
    const publish = (body: string) =>
      postForm(rt.app, edit, editor.cookie, {
        title: "Le port",
        slug: "le-port",
        body,
        status: "published",
      });
    expect((await publish(elsewhere)).statusCode).toBe(422);
    expect((await rt.app.inject({ url: "/page/le-port" })).statusCode).toBe(404);
    expect(
      (await publish('<p><img src="/media/2026/port.jpg" alt="Le port au matin"></p>')).statusCode,
    ).toBe(303);
    const shown = await rt.app.inject({ url: "/page/le-port" });
    expect(shown.statusCode).toBe(200);
    expect(shown.body).toContain('alt="Le port au matin"');
  });

  it("is refused to authors, and the menu shows it to editors only", async () => {
    expect((await getPage(rt.app, "/admin/pages", author.cookie)).statusCode).toBe(403);
    const post = await postForm(rt.app, "/admin/pages/nouvelle", author.cookie, { title: "x" });
    expect(post.statusCode).toBe(403);
    expect((await getPage(rt.app, "/admin", editor.cookie)).body).toContain('href="/admin/pages"');
    expect((await getPage(rt.app, "/admin", author.cookie)).body).not.toContain(
      'href="/admin/pages"',
    );
  });

  it("never leaves a page's address redirecting, whatever renames came before", async () => {
    const made = await postForm(rt.app, "/admin/pages/nouvelle", editor.cookie, {
      title: "Mentions",
      slug: "mentions-a",
    });
    const edit = made.headers.location!.split("?")[0]!;
    // A draft answers 404 at its address: the path that looked up an old address and looped.
    const rename = (slug: string) =>
      postForm(rt.app, edit, editor.cookie, { title: "Mentions", slug, status: "draft" });
    const answer = async (slug: string) => {
      const r = await rt.app.inject({ url: `/page/${slug}` });
      return [r.statusCode, r.headers.location];
    };
    const publish = () =>
      postForm(rt.app, edit, editor.cookie, {
        title: "Mentions",
        slug: "mentions-a",
        status: "published",
      });
    for (const slug of ["mentions-b", "mentions-a"])
      expect((await rename(slug)).statusCode).toBe(303);
    expect(await answer("mentions-a")).toEqual([404, undefined]);
    expect((await publish()).statusCode).toBe(303);
    expect(await answer("mentions-a")).toEqual([200, undefined]);
    expect(await answer("mentions-b")).toEqual([301, "/page/mentions-a"]);

    // Three slugs round: every old one leads to the current one in one hop.
    for (const slug of ["mentions-b", "mentions-c", "mentions-a"]) await rename(slug);
    expect(await answer("mentions-a")).toEqual([404, undefined]);
    await publish();
    expect(await answer("mentions-b")).toEqual([301, "/page/mentions-a"]);
    expect(await answer("mentions-c")).toEqual([301, "/page/mentions-a"]);

    // A new page that takes an old address of another is found there, not sent away.
    await postForm(rt.app, "/admin/pages/nouvelle", editor.cookie, {
      title: "Autre",
      slug: "mentions-c",
      status: "published",
    });
    expect(await answer("mentions-c")).toEqual([200, undefined]);
  });
  it("keeps the text of the second of two people saving one page, and says someone saved meanwhile", async () => {
    const colleague = await signedIn(rt.app, rt.ctx, "editor");
    const made = await postForm(rt.app, "/admin/pages/nouvelle", editor.cookie, {
      title: "À propos",
      body: "<p>Première version.</p>",
      status: "published",
    });
    const edit = made.headers.location!.split("?")[0]!;
    const opened = await getPage(rt.app, edit, colleague.cookie);
    expect(inputValue(opened.body, "page-version")).toBe("1");
    const save = (who: StaffMember, body: string, version?: string) =>
      postForm(rt.app, edit, who.cookie, {
        title: "À propos",
        body,
        status: "published",
        ...(version === undefined ? {} : { version }),
      });
    expect((await save(editor, "<p>Texte de la première main.</p>", "1")).statusCode).toBe(303);
    const late = await save(colleague, "<p>Texte de la seconde main.</p>", "1");
    expect(late.statusCode).toBe(422);
    expect(late.body).toContain(fr.problems.savedMeanwhile);
    expect(textareaValue(late.body, "body")).toBe("<p>Texte de la seconde main.</p>");
    expect(inputValue(late.body, "page-version")).toBe("2");
    expect((await rt.app.inject({ url: "/page/a-propos" })).body).toContain("première main");
    // Saved again, on the version now shown: a choice made knowing.
    expect((await save(colleague, "<p>Texte de la seconde main.</p>", "2")).statusCode).toBe(303);
    expect((await rt.app.inject({ url: "/page/a-propos" })).body).toContain("seconde main");
    // A form from before pages had versions saves as it did.
    expect((await save(editor, "<p>Sans version.</p>")).statusCode).toBe(303);
  });
});
