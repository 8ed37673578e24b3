import type { LightMyRequestResponse } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { unsign } from "../../src/lib/crypto.js";
import { articles } from "../../src/modules/articles/index.js";
import { comments } from "../../src/modules/comments/index.js";
import { setSetting } from "../../src/modules/settings/index.js";
import { testEngines } from "../helpers/engines.js";
import { commentForm, countComments, makeArticle } from "../helpers/factories.js";
import {
  cookieHeader,
  formBody,
  inputValue,
  setCookies,
  startTags,
  textById,
  textareaValue,
  RUNNABLE_SCRIPT,
} from "../helpers/http.js";
import { followRefusal } from "../helpers/refused-form.js";
import { openTestApp, type TestApp } from "../helpers/runtime.js";

type Form = Record<string, string | string[]>;

interface PostOptions {
  json?: boolean;
  headers?: Record<string, string>;
  cookie?: string;
}

const PENDING = "Votre commentaire est en attente de modération.";

describe.each(testEngines())("comment form over HTTP on %s", (engine) => {
  let rt: TestApp;
  let article: { id: number; slug: string; categorySlug: string };
  let closed: { id: number; slug: string };

  beforeAll(async () => {
    rt = await openTestApp(engine);
    article = await makeArticle(rt.ctx, { tags: ["Tribune"] });
    closed = await makeArticle(rt.ctx, { commentsOpen: false });
  });
  afterAll(() => rt.close());

  /** A valid form from a new address each time unless told otherwise. */
  const form = (overrides: Form = {}): Form => commentForm(overrides);

  function post(f: Form | string, options: PostOptions = {}, slug = article.slug) {
    return rt.app.inject({
      method: "POST",
      url: `/article/${slug}/commentaires`,
      headers: {
        "content-type": "application/x-www-form-urlencoded",
        ...(options.json ? { accept: "application/json" } : {}),
        ...(options.cookie ? { cookie: options.cookie } : {}),
        ...options.headers,
      },
      payload: typeof f === "string" ? f : formBody(f),
    });
  }

  /** A post refused without JavaScript, followed to the refused form's page. */
  const refused = (f: Form, slug = article.slug) => followRefusal(rt.app, post(f, {}, slug));

  const page = (url: string, cookie?: string) =>
    rt.app.inject({ method: "GET", url, headers: cookie ? { cookie } : {} });

  function commentId(res: LightMyRequestResponse): number {
    const location = String(res.headers.location);
    const m = /^\/article\/[^/?#]+(?:\?cpage=[0-9]+)?#comment-([0-9]+)$/.exec(location);
    if (!m) throw new Error(`unexpected Location ${location}`);
    return Number(m[1]);
  }

  describe("a valid comment without JavaScript", () => {
    it("redirects (303) to the comment and remembers it in a signed kq_mine cookie", async () => {
      const before = await countComments(rt.ctx);
      const f = form({ body: "Un premier avis, < & > compris." });
      const res = await post(f);
      expect(res.statusCode).toBe(303);
      expect(String(res.headers.location)).toMatch(
        new RegExp(`^/article/${article.slug}#comment-[0-9]+$`),
      );
      const id = commentId(res);
      expect(await countComments(rt.ctx)).toBe(before + 1);
      const row = await rt.ctx.db
        .selectFrom("comments")
        .selectAll()
        .where("id", "=", id)
        .executeTakeFirstOrThrow();
      expect(row).toMatchObject({ status: "pending", body: f.body, author_name: f.name });

      const mine = setCookies(res).get("kq_mine");
      expect(mine).toBeDefined();
      expect(mine?.attributes.has("httponly")).toBe(true);
      expect(mine?.attributes.get("samesite")?.toLowerCase()).toBe("lax");
      expect(mine?.attributes.get("path")).toBe("/");
      expect(unsign(rt.ctx.secret, decodeURIComponent(mine?.value ?? ""))).toBe(String(id));

      const asAuthor = await page(`/article/${article.slug}`, cookieHeader(mine));
      expect(asAuthor.statusCode).toBe(200);
      expect(asAuthor.body).toContain(`id="comment-${id}"`);
      expect(asAuthor.body).toContain(PENDING);
      expect(asAuthor.body).toContain("Un premier avis, &lt; &amp; > compris.");

      const asOther = await page(`/article/${article.slug}`);
      expect(asOther.body).not.toContain(`id="comment-${id}"`);
      expect(asOther.body).not.toContain(PENDING);
      expect(asOther.body).not.toContain("Un premier avis");

      // A forged or tampered cookie shows nothing.
      for (const forged of [
        String(id),
        `${id}.forged`,
        `${id}0${mine?.value.slice(String(id).length)}`,
      ]) {
        const res2 = await page(
          `/article/${article.slug}`,
          `kq_mine=${encodeURIComponent(forged)}`,
        );
        expect(res2.body).not.toContain(`id="comment-${id}"`);
      }

      // The next comment joins the first in the same cookie.
      const second = await post(form(), { cookie: cookieHeader(mine) });
      const both = setCookies(second).get("kq_mine");
      expect(unsign(rt.ctx.secret, decodeURIComponent(both?.value ?? ""))).toBe(
        `${id},${commentId(second)}`,
      );
    });

    it("redirects to the page of comments the new one is on", async () => {
      const target = await makeArticle(rt.ctx);
      await setSetting(rt.ctx, "comments.perPage", "5");
      await setSetting(rt.ctx, "comments.holdFirst", "false");
      try {
        const locations: string[] = [];
        for (let i = 0; i < 6; i++) {
          rt.clock.advance(1000);
          const res = await post(form(), {}, target.slug);
          expect(res.statusCode).toBe(303);
          locations.push(String(res.headers.location));
        }
        const last = locations[5] ?? "";
        expect(last).toMatch(new RegExp(`^/article/${target.slug}\\?cpage=2#comment-[0-9]+$`));
        expect(locations[4]).not.toContain("cpage");
        const id = last.split("#comment-")[1];
        const shown = await page(last.split("#")[0] ?? "");
        expect(shown.statusCode).toBe(200);
        expect(shown.body).toContain(`id="comment-${id}"`);
      } finally {
        await setSetting(rt.ctx, "comments.perPage", "50");
        await setSetting(rt.ctx, "comments.holdFirst", "true");
      }
    });

    it("offers « Répondre » without JavaScript and threads the reply", async () => {
      const first = await post(form());
      const parentId = commentId(first);
      await comments.setStatus(rt.ctx, [parentId], "approved", "test");
      const replyPage = await page(`/article/${article.slug}?replytocom=${parentId}`);
      expect(replyPage.statusCode).toBe(200);
      expect(inputValue(replyPage.body, "parent")).toBe(String(parentId));
      expect(textById(replyPage.body, "span", "reply-title-text")).toMatch(/^Répondre à Lectrice/);

      const reply = await post(form({ parent: String(parentId) }));
      expect(reply.statusCode).toBe(303);
      const row = await rt.ctx.db
        .selectFrom("comments")
        .select(["parent_id", "depth"])
        .where("id", "=", commentId(reply))
        .executeTakeFirstOrThrow();
      expect(row).toEqual({ parent_id: parentId, depth: 1 });
    });
  });

  describe("a rejected form", () => {
    it("comes back (303, then its page) with every value kept, HTML-escaped, and one French message per field", async () => {
      const before = await countComments(rt.ctx);
      const typed = {
        name: 'Zoé "la <b>plume</b>" & Cie '.repeat(5),
        email: 'zoé"<x>@exemple',
        website: 'javascript:alert("x")&<y>',
        body: " <",
        remember: "1",
      };
      const res = await refused(typed);
      expect(res.statusCode).toBe(200);
      expect(res.headers["content-type"]).toBe("text/html; charset=utf-8");
      expect(res.headers["cache-control"]).toBe("private, no-store");
      expect(res.body).toContain('<html lang="fr"');
      expect(res.body).toMatch(/<title>Erreur\s:\sVotre commentaire sur «\sTitre/u);
      expect(res.body).toMatch(/<h1>Votre commentaire sur «\sTitre/u);

      expect(inputValue(res.body, "name")).toBe(typed.name);
      expect(inputValue(res.body, "email")).toBe(typed.email);
      expect(inputValue(res.body, "website")).toBe(typed.website);
      expect(textareaValue(res.body, "body")).toBe(typed.body);
      const remember = startTags(res.body).find((t) => t.attrs.get("id") === "remember");
      expect(remember?.attrs.has("checked")).toBe(true);
      // Escaped, not raw: the typed markup never becomes markup.
      expect(res.body).not.toContain("<b>plume</b>");
      expect(res.body).not.toContain("<x>");
      expect(res.body).toContain("&lt;b>plume&lt;/b>");

      const messages = {
        name: "100 caractères au plus, s’il vous plaît.",
        email: "Saisissez une adresse e-mail valide, par exemple nom@exemple.fr.",
        website: "Saisissez l’adresse complète d’un site web, par exemple https://exemple.fr.",
        body: "Au moins 2 caractères, s’il vous plaît.",
      };
      for (const [field, message] of Object.entries(messages)) {
        expect(textById(res.body, "span", `${field}-error`)).toBe(message);
        const input = startTags(res.body).find((t) => t.attrs.get("id") === field);
        expect(input?.attrs.get("aria-invalid")).toBe("true");
        expect(input?.attrs.get("aria-describedby")).toBe(`${field}-error`);
      }
      expect(res.body.match(/class="field-error"/g)).toHaveLength(4);
      expect(textById(res.body, "p", "form-errors-title")).toBe("4 champs sont à corriger.");
      expect(await countComments(rt.ctx)).toBe(before);
      // The refused form's token alone: no "remember me", no comment of theirs.
      expect([...setCookies(res.post).keys()]).toEqual(["kq_refused"]);
    });

    it("keeps a valid body exactly, line breaks and markup included, when another field is wrong", async () => {
      const body = "Première ligne\r\n\r\n<script>alert('x')</script> & « fin » </textarea>";
      const res = await refused(form({ email: "", body }));
      expect(textareaValue(res.body, "body")).toBe(body);
      expect(textById(res.body, "span", "email-error")).toBe("Ce champ est obligatoire.");
      expect(res.body.match(/class="field-error"/g)).toHaveLength(1);
      expect(res.body).not.toContain("<script>alert");
    });

    it("keeps a body that starts with a line break (HTML drops the first newline of a textarea)", async () => {
      const body = "\nPS : une ligne vide au début.";
      const res = await refused(form({ name: "", body }));
      expect(textareaValue(res.body, "body")).toBe(body);
    });

    it("refuses a duplicate and a reply to an unknown comment with a message on the body", async () => {
      const f = form();
      expect((await post(f)).statusCode).toBe(303);
      const dup = await refused(f);
      expect(textById(dup.body, "span", "body-error")).toBe(
        "Vous avez déjà publié ce commentaire.",
      );
      const orphan = await refused(form({ parent: "abc" }));
      expect(textById(orphan.body, "span", "body-error")).toBe(
        "Le commentaire auquel vous répondez n’existe plus.",
      );
    });
  });

  describe("inline posting (Accept: application/json)", () => {
    it("answers 201 with the comment's id, status and HTML", async () => {
      const f = form({ body: "Posté <en ligne> & vite." });
      const res = await post(f, { json: true });
      expect(res.statusCode).toBe(201);
      expect(res.headers["content-type"]).toMatch(/^application\/json/);
      const answer = res.json<{
        ok: boolean;
        id: number;
        status: string;
        html: string;
        location: string;
      }>();
      expect(answer).toMatchObject({ ok: true, status: "pending" });
      expect(typeof answer.id).toBe("number");
      expect(answer.location).toBe(`/article/${article.slug}#comment-${answer.id}`);
      expect(answer.html).toContain(`<li id="comment-${answer.id}"`);
      expect(answer.html).toContain(PENDING);
      expect(answer.html).toContain("Posté &lt;en ligne> &amp; vite.");
      expect(answer.html).not.toContain("<html");
      const mine = setCookies(res).get("kq_mine");
      expect(unsign(rt.ctx.secret, decodeURIComponent(mine?.value ?? ""))).toContain(
        String(answer.id),
      );
    });

    it("answers 422 with one message per field and stores nothing", async () => {
      const before = await countComments(rt.ctx);
      const res = await post({ name: "Zoé", email: "pas-une-adresse", body: "" }, { json: true });
      expect(res.statusCode).toBe(422);
      // The one error shape (docs/errors.md): the message is the form's summary.
      expect(res.json()).toEqual({
        ok: false,
        code: "KIOSQUE_COMMENT_INVALID",
        message: "2 champs sont à corriger.",
        errors: {
          email: "Saisissez une adresse e-mail valide, par exemple nom@exemple.fr.",
          body: "Ce champ est obligatoire.",
        },
      });
      expect(await countComments(rt.ctx)).toBe(before);
    });

    it("answers a browser that accepts HTML as well with the page flow", async () => {
      const res = await post(form(), {
        headers: { accept: "text/html,application/xhtml+xml,application/json;q=0.9,*/*;q=0.8" },
      });
      expect(res.statusCode).toBe(303);
    });
  });

  describe("cross-site requests", () => {
    it("refuses a post from another site (403) and stores nothing", async () => {
      const before = await countComments(rt.ctx);
      for (const headers of [
        { "sec-fetch-site": "cross-site" },
        { "sec-fetch-site": "same-site" },
        { "sec-fetch-site": "cross-site", origin: "http://localhost:80" },
        { origin: "https://evil.example" },
        { origin: "null" },
      ] as Record<string, string>[]) {
        const res = await post(form(), { headers });
        expect(res.statusCode, JSON.stringify(headers)).toBe(403);
        expect(res.headers["content-type"]).toBe("text/html; charset=utf-8");
        expect(res.body).toContain("Accès refusé");
        expect(res.headers["set-cookie"]).toBeUndefined();
      }
      const json = await post(form(), { json: true, headers: { "sec-fetch-site": "cross-site" } });
      expect(json.statusCode).toBe(403);
      expect(json.json()).toMatchObject({ ok: false, code: "KIOSQUE_CROSS_ORIGIN" });
      expect(await countComments(rt.ctx)).toBe(before);
    });

    it("accepts a post from the site itself, and from no browser at all", async () => {
      for (const headers of [
        { "sec-fetch-site": "same-origin" },
        { "sec-fetch-site": "none" },
        { host: "kiosque.example", origin: "https://kiosque.example" },
        // The same host, spelled with another case and its default port.
        { host: "Kiosque.Example:443", origin: "https://kiosque.example" },
        {
          host: "kiosque.example",
          origin: "https://kiosque.example",
          "sec-fetch-site": "same-origin",
        },
        {},
      ] as Record<string, string>[]) {
        const res = await post(form(), { headers });
        expect(res.statusCode, JSON.stringify(headers)).toBe(303);
      }
    });
  });

  describe("« remember me »", () => {
    it("sets kq_commenter only when ticked, prefills the next form, and clears it when unticked", async () => {
      const who = {
        name: 'Zoé « Z » "<z>"; x=1',
        email: "zoe.memoire@example.net",
        website: "https://zoe.example/a?b=1&c=2",
      };
      const ticked = await post(form({ ...who, remember: "1" }));
      expect(ticked.statusCode).toBe(303);
      const commenter = setCookies(ticked).get("kq_commenter");
      expect(commenter).toBeDefined();
      expect(commenter?.attributes.has("httponly")).toBe(true);
      expect(commenter?.attributes.get("samesite")?.toLowerCase()).toBe("lax");
      expect(Number(commenter?.attributes.get("max-age"))).toBeGreaterThan(86_400 * 300);

      const next = await page(`/article/${article.slug}`, cookieHeader(commenter));
      expect(inputValue(next.body, "name")).toBe(who.name);
      expect(inputValue(next.body, "email")).toBe(who.email);
      expect(inputValue(next.body, "website")).toBe(who.website);
      expect(textareaValue(next.body, "body")).toBe("");
      const box = startTags(next.body).find((t) => t.attrs.get("id") === "remember");
      expect(box?.attrs.has("checked")).toBe(true);

      const unticked = await post(form(), {});
      expect(setCookies(unticked).has("kq_commenter")).toBe(false);

      const withdrawn = await post(form(), { cookie: cookieHeader(commenter) });
      expect(withdrawn.statusCode).toBe(303);
      const cleared = setCookies(withdrawn).get("kq_commenter");
      expect(cleared).toBeDefined();
      expect(cleared?.value).toBe("");
      const expires = cleared?.attributes.get("expires");
      const gone =
        cleared?.attributes.get("max-age") === "0" ||
        (expires !== undefined && new Date(expires).getTime() <= Date.now());
      expect(gone).toBe(true);

      const fresh = await page(`/article/${article.slug}`);
      expect(inputValue(fresh.body, "name")).toBe("");
      expect(inputValue(fresh.body, "email")).toBe("");
    });

    it("keeps kq_commenter within what a browser keeps, leaving out a website too long for it", async () => {
      await setSetting(rt.ctx, "comments.nameMax", "200");
      try {
        // The longest the form takes: every character as long as %-encoding makes it.
        const who = {
          name: "𝕏".repeat(200),
          email: `${"#".repeat(64)}@${"b".repeat(60)}.${"c".repeat(60)}.${"d".repeat(60)}.org`,
          website: `https://x.org/${"é".repeat(486)}`,
        };
        const ticked = await post(form({ ...who, remember: "1" }));
        expect(ticked.statusCode).toBe(303);
        const commenter = setCookies(ticked).get("kq_commenter");
        const header = cookieHeader(commenter);
        expect(header.length).toBeLessThanOrEqual(4096);
        const next = await page(`/article/${article.slug}`, header);
        expect(inputValue(next.body, "name")).toBe(who.name);
        expect(inputValue(next.body, "email")).toBe(who.email);
        expect(inputValue(next.body, "website")).toBe("");
        // A website that fits is kept with them.
        const short = await post(form({ ...who, website: "https://x.org/é", remember: "1" }));
        const kept = await page(
          `/article/${article.slug}`,
          cookieHeader(setCookies(short).get("kq_commenter")),
        );
        expect(inputValue(kept.body, "website")).toBe("https://x.org/é");
      } finally {
        await setSetting(rt.ctx, "comments.nameMax", "100");
      }
    });

    it("treats a damaged kq_commenter cookie as none", async () => {
      for (const value of ["%7Bnot-json", encodeURIComponent('{"name":1}'), "x", "%E0%A4%A"]) {
        const res = await page(`/article/${article.slug}`, `kq_commenter=${value}; kq_mine=%ZZ`);
        expect(res.statusCode).toBe(200);
        expect(inputValue(res.body, "name")).toBe("");
      }
      const posted = await post(form(), { cookie: "kq_commenter=%E0%A4%A; kq_mine=%ZZ" });
      expect(posted.statusCode).toBe(303);
    });
  });

  it("never shows a commenter's e-mail to readers, in pages, JSON or the sitemap", async () => {
    const secret = (i: number) => `zq-secret-${i}@cachette.example`;
    const mineCookies: string[] = [];
    const approved: number[] = [];
    const bodies: string[] = [];
    let authorCookie = "";
    for (let i = 0; i < 4; i++) {
      const f = form({
        email: secret(i),
        name: `Discrète ${i}`,
        website: `https://site${i}.example`,
      });
      const res = await post(f, { json: i % 2 === 0 });
      const text = res.body + JSON.stringify(res.headers);
      expect(text).not.toContain("cachette");
      expect(text).not.toContain("zq-secret");
      const id = i % 2 === 0 ? res.json<{ id: number }>().id : commentId(res);
      mineCookies.push(cookieHeader(setCookies(res).get("kq_mine")));
      if (i === 0) authorCookie = cookieHeader(setCookies(res).get("kiosque_author"));
      bodies.push(String(f.body));
      if (i < 2) approved.push(id);
    }
    await comments.setStatus(rt.ctx, approved, "approved", "test");
    // Approved: the next comment from that address and browser is published at once.
    const again = await post(form({ email: secret(0) }), { json: true, cookie: authorCookie });
    expect(again.json()).toMatchObject({ status: "approved" });
    expect(again.body).not.toContain("cachette");

    const full = await articles.publishedArticle(rt.ctx, article.slug);
    const urls = [
      "/",
      `/article/${article.slug}`,
      `/article/${article.slug}?replytocom=${approved[0]}`,
      `/rubrique/${article.categorySlug}`,
      "/tag/tribune",
      `/auteur/${full.author.slug}`,
      "/sitemap.xml",
    ];
    const pages = await Promise.all([
      ...urls.map((u) => page(u)),
      ...mineCookies.map((c) => page(`/article/${article.slug}`, c)),
    ]);
    const articlePage = pages[1]?.body ?? "";
    expect(articlePage).toContain(bodies[0]);
    expect(articlePage).toContain(bodies[1]);
    expect(pages.at(-1)?.body).toContain(bodies[3]);
    for (const res of pages) {
      expect(res.statusCode).toBe(200);
      expect(res.body).not.toContain("cachette");
      expect(res.body).not.toContain("zq-secret");
    }
  });

  describe("a closed discussion", () => {
    it("shows no form but « Les commentaires sont fermés. », and refuses posts, text kept", async () => {
      const res = await page(`/article/${closed.slug}`);
      expect(res.statusCode).toBe(200);
      expect(res.body).toContain("Les commentaires sont fermés.");
      expect(res.body).not.toContain('id="comment-form"');
      expect(res.body).not.toContain("<textarea");
      // No form, no island: no script but data for search engines.
      expect(res.body).not.toMatch(RUNNABLE_SCRIPT);
      expect(res.body).not.toContain("/assets/comments");

      const before = await countComments(rt.ctx);
      const html = await refused(form(), closed.slug);
      expect(html.headers["content-type"]).toBe("text/html; charset=utf-8");
      expect(html.body).toContain("Les commentaires sont fermés");
      // The refused text comes back in its field: nothing the reader typed is lost.
      expect(html.body).toMatch(/<textarea[^>]*name="body"[^>]*>\n?Remarque/);
      const json = await post(form(), { json: true }, closed.slug);
      expect(json.statusCode).toBe(422);
      expect(json.json()).toMatchObject({
        ok: false,
        code: "KIOSQUE_COMMENTS_CLOSED",
        errors: { body: "Les commentaires sont fermés pour cet article." },
      });
      expect(await countComments(rt.ctx)).toBe(before);
    });
  });

  describe("malformed posts", () => {
    it("answers a field sent twice with a message, not a 500", async () => {
      const before = await countComments(rt.ctx);
      const res = await refused(form({ name: ["a", "b"] }));
      expect(textById(res.body, "span", "name-error")).toBe(
        "Ce champ doit contenir un seul texte.",
      );
      const json = await post(form({ body: ["un", "deux"] }), { json: true });
      expect(json.statusCode).toBe(422);
      expect(json.json()).toMatchObject({
        errors: { body: "Ce champ doit contenir un seul texte." },
      });
      expect(await countComments(rt.ctx)).toBe(before);
    });

    it("answers a body over the size limit with a 413 page", async () => {
      const huge = formBody(form({ body: "x".repeat(300 * 1024) }));
      const res = await post(huge);
      expect(res.statusCode).toBe(413);
      expect(res.headers["content-type"]).toBe("text/html; charset=utf-8");
      expect(res.body).toContain('<html lang="fr"');
      expect(res.body).toContain("Requête invalide");
      const json = await post(huge, { json: true });
      expect(json.statusCode).toBe(413);
      expect(json.json()).toMatchObject({ ok: false });
    });

    it("answers other content types and odd bodies with a 4xx, never a 500", async () => {
      const before = await countComments(rt.ctx);
      const cases: { type: string; payload: string }[] = [
        { type: "application/xml", payload: "<comment><name>x</name></comment>" },
        { type: "text/plain", payload: "name=x" },
        { type: "multipart/form-data; boundary=x", payload: "--x--" },
        { type: "application/json", payload: '{"name": 5, "body": {"a": 1}}' },
        { type: "application/json", payload: "{not json" },
        { type: "application/x-www-form-urlencoded", payload: "" },
        { type: "application/x-www-form-urlencoded", payload: "name=%E0%A4%A&email=%&body=%zz" },
        {
          type: "application/x-www-form-urlencoded",
          payload: "__proto__=x&constructor=y&toString=z",
        },
        { type: "application/x-www-form-urlencoded", payload: "&&&===&name" },
      ];
      for (const c of cases) {
        const res = await post(c.payload, { headers: { "content-type": c.type } });
        // A form the rules refuse goes to the refused form's page (decision 022).
        if (res.statusCode === 303) {
          expect(res.headers.location, `${c.type} ${c.payload}`).toMatch(/#form-errors$/);
          continue;
        }
        expect(res.statusCode, `${c.type} ${c.payload}`).toBeGreaterThanOrEqual(400);
        expect(res.statusCode, `${c.type} ${c.payload}`).toBeLessThan(500);
        expect(res.body).not.toContain("at ");
      }
      expect(await countComments(rt.ctx)).toBe(before);
    });

    it("answers a post to an unknown article with the 404 page", async () => {
      const res = await post(form(), {}, "inconnu");
      expect(res.statusCode).toBe(404);
      expect(res.body).toContain("Page introuvable");
    });
  });
});
