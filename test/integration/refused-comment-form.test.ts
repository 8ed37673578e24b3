import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { forgetClientAddresses } from "../../src/jobs/forget-client-addresses.js";
import { commenterData } from "../../src/modules/comments/index.js";
import { setSetting } from "../../src/modules/settings/index.js";
import { BLNS } from "../fixtures/hostile/blns.js";
import { XSS_PAYLOADS } from "../fixtures/xss-payloads.js";
import { testEngines } from "../helpers/engines.js";
import { commentForm, countComments, makeArticle } from "../helpers/factories.js";
import {
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

/** Issue 14: a comment refused without JavaScript lands on a page of its own (decision 022). */
describe.each(testEngines())("the refused comment form's page on %s", (engine) => {
  let rt: TestApp;
  let article: { id: number; slug: string };
  let other: { id: number; slug: string };

  beforeAll(async () => {
    rt = await openTestApp(engine);
    article = await makeArticle(rt.ctx, { title: "Le « débat » d’hier" });
    other = await makeArticle(rt.ctx);
  });
  afterAll(() => rt.close());

  const post = (f: Form, slug = article.slug, cookie?: string) =>
    rt.app.inject({
      method: "POST",
      url: `/article/${slug}/commentaires`,
      headers: {
        "content-type": "application/x-www-form-urlencoded",
        ...(cookie ? { cookie } : {}),
      },
      payload: formBody(f),
    });
  const get = (url: string, cookie?: string, accept = "text/html") =>
    rt.app.inject({ method: "GET", url, headers: { accept, ...(cookie ? { cookie } : {}) } });
  const refused = (f: Form, slug = article.slug) => followRefusal(rt.app, post(f, slug));
  const rows = () => rt.ctx.db.selectFrom("refused_comment_forms").selectAll().execute();

  it("answers the post 303 to a GET page: summary first in <main>, title « Erreur : », nothing stored", async () => {
    const before = await countComments(rt.ctx);
    const res = await refused(commentForm({ email: "pas une adresse", body: "" }));
    expect(res.statusCode).toBe(200);
    expect(res.headers["cache-control"]).toBe("private, no-store");
    expect(res.headers["x-kiosque-cache"]).toBeUndefined();
    expect(res.body).toMatch(
      /<title>Erreur\s:\sVotre commentaire sur «\sLe «\sdébat\s» d’hier\s»/u,
    );
    expect(res.body).toContain('<meta name="robots" content="noindex"/>');
    // The summary is the first thing in <main>, focusable by the fragment the 303 names.
    expect(res.body).toMatch(
      /<main id="content" class="wrap"><div class="form-errors error-summary" id="form-errors" tabindex="-1"/,
    );
    expect(textById(res.body, "p", "form-errors-title")).toBe("2 champs sont à corriger.");
    const links = startTags(res.body)
      .filter((t) => t.name === "a" && (t.attrs.get("href") ?? "").startsWith("#"))
      .map((t) => t.attrs.get("href"));
    expect(links).toEqual(expect.arrayContaining(["#body", "#email"]));
    // The article it was for, and a way back to it.
    expect(res.body).toContain(`href="/article/${article.slug}"`);
    // No script: this page is the path without JavaScript.
    expect(res.body).not.toMatch(RUNNABLE_SCRIPT);
    expect(textById(res.body, "span", "email-error")).toBe(
      "Saisissez une adresse e-mail valide, par exemple nom@exemple.fr.",
    );
    expect(textById(res.body, "span", "body-error")).toBe("Ce champ est obligatoire.");
    expect(await countComments(rt.ctx)).toBe(before);
  });

  it("shows the same page on reload, posting nothing, and keeps no token in clear", async () => {
    const before = await countComments(rt.ctx);
    const res = await refused(commentForm({ name: "" }));
    const again = await get(`/article/${article.slug}/commentaires`, res.cookie);
    expect(again.statusCode).toBe(200);
    expect(again.body).toContain('id="name-error"');
    expect(await countComments(rt.ctx)).toBe(before);
    const token = decodeURIComponent(res.cookie.split("=")[1] ?? "");
    const cookie = setCookies(res.post).get("kq_refused");
    expect(cookie?.attributes.has("httponly")).toBe(true);
    expect(cookie?.attributes.get("samesite")?.toLowerCase()).toBe("lax");
    expect(Number(cookie?.attributes.get("max-age"))).toBe(600);
    const stored = await rows();
    expect(stored.length).toBeGreaterThan(0);
    for (const row of stored) {
      expect(row.token_hash).not.toBe(token);
      expect(row.form).not.toContain(token);
    }
  });

  it("never 404s: without its cookie, reopened, expired or another article's, a 303 to the form", async () => {
    const respond = `/article/${article.slug}#respond`;
    const bare = await get(`/article/${article.slug}/commentaires`);
    expect(bare.statusCode).toBe(303);
    expect(bare.headers.location).toBe(respond);
    expect(bare.headers["cache-control"]).toBe("private, no-store");
    expect(
      (await get(`/article/${article.slug}/commentaires`, "kq_refused=forged")).headers.location,
    ).toBe(respond);
    // A token for another article's form does not open this one's.
    const elsewhere = await refused(commentForm({ body: "" }), other.slug);
    const crossed = await get(`/article/${article.slug}/commentaires`, elsewhere.cookie);
    expect(crossed.statusCode).toBe(303);
    // The island still gets its fresh stamp as JSON.
    const stamp = await get(`/article/${article.slug}/commentaires`, undefined, "application/json");
    expect(stamp.statusCode).toBe(200);
    expect(stamp.json<{ stamp: string }>().stamp).toMatch(/\./);
    // Ten minutes on, the form is gone: the article's form instead.
    const res = await refused(commentForm({ body: "" }));
    rt.clock.set(new Date(rt.clock.now().getTime() + 601_000));
    const late = await get(`/article/${article.slug}/commentaires`, res.cookie);
    expect(late.statusCode).toBe(303);
    expect(late.headers.location).toBe(respond);
  });

  it("lets no refused form, e-mail included, outlive its minutes: the hourly job drops them", async () => {
    await refused(commentForm({ email: "oubli@exemple.fr", body: "" }));
    expect((await rows()).some((r) => r.form.includes("oubli@exemple.fr"))).toBe(true);
    expect((await forgetClientAddresses(rt.ctx)).refusedForms).toBe(0);
    rt.clock.set(new Date(rt.clock.now().getTime() + 601_000));
    expect((await forgetClientAddresses(rt.ctx)).refusedForms).toBeGreaterThan(0);
    expect(await rows()).toEqual([]);
  });

  it("lets an erasure take the refused forms typed with the address, and only those", async () => {
    await refused(commentForm({ email: "Efface.Vite@exemple.fr", body: "" }));
    await refused(commentForm({ email: "reste@exemple.fr", body: "" }));
    const erased = await commenterData.eraseByEmail(rt.ctx, " efface.vite@EXEMPLE.fr", "test");
    expect(erased).toEqual({
      deleted: 0,
      blanked: 0,
      refusedForms: 1,
      bans: { deleted: 0, kept: [] },
    });
    const left = (await rows()).map((r) => r.form);
    expect(left.some((f) => f.toLowerCase().includes("efface.vite"))).toBe(false);
    expect(left.some((f) => f.includes("reste@exemple.fr"))).toBe(true);
  });

  it("forgets the refused form once the corrected post goes through", async () => {
    const res = await refused(commentForm({ email: "" }));
    const ok = await post(commentForm(), article.slug, res.cookie);
    expect(ok.statusCode).toBe(303);
    expect(String(ok.headers.location)).toMatch(/#comment-\d+$/);
    const cleared = setCookies(ok).get("kq_refused");
    expect(cleared?.value).toBe("");
    const after = await get(`/article/${article.slug}/commentaires`, res.cookie);
    expect(after.statusCode).toBe(303);
  });

  it("never lets the page cache keep a refused form: the article page stays everyone's", async () => {
    const typed = commentForm({ name: "Unique Zébulon", email: "zebulon@exemple.fr", body: "" });
    const res = await refused(typed);
    expect(inputValue(res.body, "email")).toBe(typed.email);
    for (let i = 0; i < 2; i++) {
      const page = await get(`/article/${article.slug}`);
      expect(page.statusCode).toBe(200);
      expect(page.body).not.toContain("Zébulon");
      expect(page.body).not.toContain("zebulon@exemple.fr");
    }
    // Asked again without the cookie, the form's address keeps nothing of it either.
    const bare = await get(`/article/${article.slug}/commentaires`);
    expect(bare.statusCode).toBe(303);
    expect(bare.body).not.toContain("Zébulon");
  });

  it("keeps hostile values as typed, escaped, and runs none of them", async () => {
    const strings = [...XSS_PAYLOADS, ...BLNS.filter((_, i) => i % 25 === 0)].filter(
      // What the rules refuse as control characters comes back empty of nothing: kept as well,
      // but a NUL cannot travel in a form body the tests build.
      (s) => !s.includes("\0"),
    );
    for (const value of strings) {
      const typed = commentForm({ name: value, email: "pas-une-adresse", body: value });
      const res = await refused(typed);
      expect(res.statusCode, value).toBe(200);
      expect(inputValue(res.body, "name"), value).toBe(value);
      expect(textareaValue(res.body, "body"), value).toBe(value);
      expect(res.body, value).not.toMatch(RUNNABLE_SCRIPT);
      expect(textById(res.body, "span", "email-error")).toBe(
        "Saisissez une adresse e-mail valide, par exemple nom@exemple.fr.",
      );
    }
  });

  it("shows a field sent twice by its first text, beside the message that refuses it", async () => {
    const res = await refused({
      name: ["a", "b"],
      email: ["a@b.c", "c@d.e"],
      body: ["hello", "world"],
      website: ["http://a.com", "http://b.com"],
    });
    expect(res.statusCode).toBe(200);
    expect(textById(res.body, "p", "form-errors-title")).toBe("4 champs sont à corriger.");
    for (const field of ["name", "email", "website", "body"])
      expect(textById(res.body, "span", `${field}-error`), field).toBe(
        "Ce champ doit contenir un seul texte.",
      );
    expect(inputValue(res.body, "name")).toBe("a");
    expect(inputValue(res.body, "email")).toBe("a@b.c");
    expect(inputValue(res.body, "website")).toBe("http://a.com");
    expect(textareaValue(res.body, "body")).toBe("hello");
  });

  it("speaks the site's language: « Error: » in English", async () => {
    await setSetting(rt.ctx, "site.locale", "en");
    try {
      const res = await refused(commentForm({ body: "" }));
      expect(res.body).toMatch(/<title>Error: Your comment on “Le/u);
      expect(textById(res.body, "p", "form-errors-title")).toBe("One field needs fixing.");
    } finally {
      await setSetting(rt.ctx, "site.locale", "fr");
    }
  });
});
