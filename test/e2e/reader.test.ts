import type { Browser, Locator, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { typeset } from "../../src/web/typography.js";
import { launchBrowser, readers } from "../helpers/browser.js";
import { startServer, type RunningServer } from "../helpers/server.js";

/**
 * A reader on the real production server (demo newsroom, SQLite), in Chromium: reading an
 * article, commenting with and without JavaScript, a rejected form, hostile input, "remember me".
 */

/**
 * The comment form's labels as rendered: required fields end with " *" (the star is
 * aria-hidden, so screen readers hear "Nom" and the field's aria-required). getByLabel matches
 * the label's text, star included; `exact` keeps "Nom" from also matching the "remember me"
 * label ("Enregistrer mon nom, mon e-mail…").
 */
const LABEL = {
  body: "Commentaire *",
  name: "Nom *",
  email: "E-mail *",
  website: "Site web",
  remember: /^Enregistrer mon nom, mon e-mail et mon site/,
} as const;

const TEXT = {
  leave: "Laisser un commentaire",
  note: "Votre adresse e-mail ne sera pas publiée.",
  pending: "Votre commentaire est en attente de modération.",
  required: "Ce champ est obligatoire.",
  email: "Saisissez une adresse e-mail valide, par exemple nom@exemple.fr.",
  url: "Saisissez l’adresse complète d’un site web, par exemple https://exemple.fr.",
  cancel: "Annuler la réponse",
  offline: "Votre commentaire n’a pas pu être envoyé : vérifiez la connexion et réessayez.",
  tooLarge: "Ce commentaire est bien trop long pour être envoyé : raccourcissez-le.",
  oneError: "Un champ est à corriger.",
};

/** French news style, "… à 14 h 05"; the spaces around "h" are no-break spaces. */
const FRENCH_TIME = /à\s\d{1,2}\sh\s\d{2}/u;

/**
 * Chromium logs any answer 422 (a rejected form: the island's JSON; without JavaScript a refusal is
 * a 303 to the refused form's page) as "Failed to load resource": expected, not a page error.
 */
const STATUS_422 = /status of 422/;

type Field = "body" | "name" | "email" | "website";

const field = (page: Page, name: Field): Locator => page.getByLabel(LABEL[name], { exact: true });

async function fill(page: Page, values: Partial<Record<Field, string>>): Promise<void> {
  for (const [name, value] of Object.entries(values) as [Field, string][]) {
    await field(page, name).fill(value);
  }
}

const submitButton = (page: Page) => page.getByRole("button", { name: TEXT.leave, exact: true });

/** Without JavaScript: posts the form and waits for the redirect to the new comment. */
async function postAndFollow(page: Page): Promise<number> {
  const redirected = page.waitForURL(/#comment-\d+$/);
  await submitButton(page).click();
  await redirected;
  return Number(new URL(page.url()).hash.replace("#comment-", ""));
}

/**
 * Without JavaScript: posts a form the server refuses, and lands where it sends the reader (a 303
 * to the refused form's page, decision 022). Returns the status of the answer to the post.
 */
async function postExpectingRefusal(page: Page): Promise<number> {
  const answer = page.waitForResponse((r) => r.request().method() === "POST");
  await submitButton(page).click();
  const status = (await answer).status();
  await page.waitForURL(/\/commentaires#form-errors$/);
  await page.waitForLoadState("load");
  return status;
}

/** The message a field points to with aria-describedby, as assistive technology reads it. */
function description(locator: Locator): Promise<string | null> {
  return locator.evaluate((el) => {
    const ids = el.getAttribute("aria-describedby");
    if (!ids) return null;
    return ids
      .split(/\s+/)
      .map((id) => document.getElementById(id)?.textContent ?? "")
      .join(" ");
  });
}

/** The reader's own comment, found by its text, in the list of comments. */
const commentWithText = (page: Page, text: string) =>
  page.locator("#comments li.comment").filter({ hasText: text });

describe("a reader in Chromium", () => {
  let server: RunningServer;
  let browser: Browser;
  let people: ReturnType<typeof readers>;
  /** Demo articles whose discussion is open and has a comment one may reply to. */
  const open: string[] = [];
  let next = 0;
  /** A different article for each test, so that no test sees another's comments. */
  const article = () => {
    const slug = open[next++];
    if (!slug) throw new Error("the demo newsroom has too few open discussions for these tests");
    return `/article/${slug}`;
  };

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    people = readers(browser, server.url);
    const home = await (await fetch(`${server.url}/`)).text();
    const slugs = [...new Set([...home.matchAll(/href="\/article\/([^"#?]+)"/g)].map((m) => m[1]))];
    for (const slug of slugs) {
      const html = await (await fetch(`${server.url}/article/${slug}`)).text();
      if (html.includes('id="comment-form"') && html.includes('class="reply-link"'))
        open.push(slug as string);
    }
  });
  afterEach(() => people.closeAll());
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it("reads an article from the home page: section, headline, byline, date, body, comment form", async () => {
    const { page } = await people.open();
    await page.goto("/");
    const titles = page.locator("main .card-title a");
    const hrefs = await titles.evaluateAll((links) => links.map((a) => a.getAttribute("href")));
    const index = hrefs.findIndex((h) => open.some((slug) => h === `/article/${slug}`));
    expect(index).toBeGreaterThanOrEqual(0);
    const headline = (await titles.nth(index).textContent())?.trim() ?? "";
    expect(headline).not.toBe("");
    await page.getByRole("link", { name: headline, exact: true }).first().click();
    await page.waitForURL(`**${hrefs[index]}`);

    const header = page.locator("article.article > header");
    const category = header.locator(".category-label").getByRole("link");
    expect(await category.getAttribute("href")).toMatch(/^\/rubrique\/[a-z0-9-]+$/);
    expect((await category.textContent())?.trim()).not.toBe("");

    const h1 = page.getByRole("heading", { level: 1 });
    expect(await h1.count()).toBe(1);
    expect((await h1.textContent())?.trim()).toBe(headline);

    const byline = header.locator(".byline");
    expect(await byline.textContent()).toMatch(/^Par /);
    const author = byline.getByRole("link");
    expect(await author.getAttribute("href")).toMatch(/^\/auteur\/[a-z0-9-]+$/);
    expect(await author.getAttribute("rel")).toBe("author");
    const authorName = (await author.textContent())?.trim() ?? "";

    expect(await header.locator(".dateline").textContent()).toMatch(FRENCH_TIME);
    const body = page.locator(".article-body");
    expect(await body.locator("p").count()).toBeGreaterThan(0);
    expect(((await body.textContent()) ?? "").trim().length).toBeGreaterThan(200);

    const comments = page.locator("#comments");
    await comments
      .getByRole("heading", { level: 2, name: TEXT.leave, exact: true })
      .waitFor({ state: "visible" });
    await comments.getByText(TEXT.note).waitFor({ state: "visible" });
    for (const name of ["body", "name", "email", "website"] as const) {
      await field(page, name).waitFor({ state: "visible" });
    }
    // The star marks required fields for the eye; assistive technology hears the name and "required".
    for (const [name, accessible] of [
      ["body", "Commentaire"],
      ["name", "Nom"],
      ["email", "E-mail"],
    ] as const) {
      const box = page.getByRole("textbox", { name: accessible, exact: true });
      expect(await box.getAttribute("id")).toBe(name);
      expect(await box.getAttribute("aria-required")).toBe("true");
    }
    expect(await field(page, "website").getAttribute("aria-required")).toBeNull();

    await author.click();
    await page.waitForURL(/\/auteur\/[a-z0-9-]+$/);
    expect((await page.getByRole("heading", { level: 1 }).textContent())?.trim()).toBe(
      `Articles de ${authorName}`,
    );
  });

  it("without JavaScript, posts a comment that only its author sees, held for moderation", async () => {
    const url = article();
    const author = await people.open({ javaScript: false });
    const { page } = author;
    await page.goto(url);
    const body = "Sans JavaScript, le formulaire marche aussi. Bravo à la rédaction !";
    await fill(page, { body, name: "Odile Sans-Script", email: "odile.nojs@example.net" });
    const id = await postAndFollow(page);

    expect(page.url()).toBe(`${server.url}${url}#comment-${id}`);
    const mine = page.locator(`#comment-${id}`);
    expect((await mine.locator(".comment-author").textContent())?.trim()).toBe("Odile Sans-Script");
    // Shown in French typography (a no-break space before « ! »), stored as typed.
    expect((await mine.locator(".comment-text").textContent())?.trim()).toBe(typeset(body));
    expect((await mine.getByRole("status").textContent())?.trim()).toBe(TEXT.pending);
    // The page came back whole: the form is there again, empty, for another comment.
    expect(await field(page, "body").inputValue()).toBe("");

    const stranger = await people.open({ javaScript: false });
    await stranger.page.goto(url);
    await stranger.page.locator("#comments").waitFor();
    expect(await stranger.page.locator(`#comment-${id}`).count()).toBe(0);
    expect(await stranger.page.getByText(typeset(body)).count()).toBe(0);
    expect(await stranger.page.getByText(TEXT.pending).count()).toBe(0);
  });

  it("with JavaScript, posts inline and replies under the comment answered", async () => {
    const url = article();
    const { page, navigations } = await people.open();
    await page.goto(url);
    const loads = navigations();
    const stamp = page.locator("#comment-form input[name=stamp]");
    const pageStamp = await stamp.inputValue();

    const body = "Avec JavaScript, mon commentaire arrive sans recharger la page.";
    await fill(page, { body, name: "Jules En-Ligne", email: "jules.js@example.net" });
    // Starting on the form fetched a stamp of this reader's own (decision 013).
    await expect.poll(() => stamp.inputValue()).not.toBe(pageStamp);
    await submitButton(page).click();
    const mine = commentWithText(page, body);
    await mine.waitFor({ state: "visible" });
    expect(page.url()).toBe(`${server.url}${url}`);
    expect(navigations()).toBe(loads);
    expect(await mine.getAttribute("id")).toMatch(/^comment-\d+$/);
    expect((await mine.getByRole("status").textContent())?.trim()).toBe(TEXT.pending);
    expect(await field(page, "body").inputValue()).toBe("");
    // Name and e-mail stay for the next comment; only the text is cleared.
    expect(await field(page, "name").inputValue()).toBe("Jules En-Ligne");

    // "Répondre" on a published comment brings the form under it, without loading a page.
    const target = page.locator("ol.comment-list > li.comment:not(.comment-pending)").first();
    const targetId = Number((await target.getAttribute("id"))?.replace("comment-", ""));
    const targetName = (await target.locator(":scope > article .comment-author").textContent())
      ?.trim()
      .replace(/\s+/g, " ");
    expect(targetName).toBeTruthy();
    const replyLink = target
      .locator(":scope > article")
      .getByRole("link", { name: `Répondre à ${targetName}`, exact: true });
    expect((await replyLink.textContent())?.trim()).toBe("Répondre");
    const title = page.locator("#reply-title-text");
    const parent = page.locator("#comment-form input[name=parent]");

    await replyLink.click();
    await target.locator(":scope > #respond").waitFor();
    expect(await title.textContent()).toBe(`Répondre à ${targetName}`);
    expect(await parent.inputValue()).toBe(String(targetId));
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("body");
    expect(navigations()).toBe(loads);

    await page.getByRole("link", { name: TEXT.cancel, exact: true }).click();
    await page.locator("#comments > #respond").waitFor();
    expect(await target.locator("#respond").count()).toBe(0);
    expect(await title.textContent()).toBe(TEXT.leave);
    expect(await parent.inputValue()).toBe("");
    expect(await page.getByRole("link", { name: TEXT.cancel, exact: true }).count()).toBe(0);
    expect(page.url()).toBe(`${server.url}${url}`);

    // By keyboard: opened with Enter, cancelled with Enter; focus goes back to "Répondre".
    await replyLink.focus();
    await page.keyboard.press("Enter");
    await target.locator(":scope > #respond").waitFor();
    await page.getByRole("link", { name: TEXT.cancel, exact: true }).focus();
    await page.keyboard.press("Enter");
    await page.locator("#comments > #respond").waitFor();
    expect(await page.evaluate(() => document.activeElement?.getAttribute("aria-label"))).toBe(
      `Répondre à ${targetName}`,
    );

    // A reply posted from there lands among that comment's replies, and the form goes home.
    await replyLink.click();
    await target.locator(":scope > #respond").waitFor();
    const reply = "Je vous réponds directement, sous votre commentaire.";
    await fill(page, { body: reply });
    await submitButton(page).click();
    await target.locator(":scope > ol.children > li.comment", { hasText: reply }).waitFor();
    await page.locator("#comments > #respond").waitFor();
    expect(await title.textContent()).toBe(TEXT.leave);
    expect(await parent.inputValue()).toBe("");
    expect(navigations()).toBe(loads);
  });

  const longComment =
    "Je ne suis pas d’accord avec « l’analyse » de cet article & je vais dire pourquoi.\n\n" +
    Array.from(
      { length: 12 },
      (_, i) =>
        `Point ${i + 1} : le conseil municipal a voté, mais la commune voisine n’a pas été consultée.`,
    ).join("\n") +
    "\n\nCordialement, une lectrice fidèle depuis 1998.";

  it("without JavaScript, a rejected form comes back with a message per field and every value kept", async () => {
    const url = article();
    const { page } = await people.open({ javaScript: false, allowConsole: [STATUS_422] });
    await page.goto(url);
    await fill(page, {
      body: longComment,
      name: "",
      email: "claire@@exemple",
      website: "https://claire.exemple.fr/carnet",
    });
    const posts: string[] = [];
    page.on("request", (r) => {
      if (r.method() === "POST") posts.push(r.url());
    });
    expect(await postExpectingRefusal(page)).toBe(303);
    expect(posts).toHaveLength(1);

    // Landed on the summary: the first thing of <main>, in view, focused, said by the title.
    expect(await page.title()).toMatch(/^Erreur\s:\s/u);
    const summary = page.locator("#form-errors");
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe("form-errors");
    expect(
      await summary.evaluate((el) => {
        const r = el.getBoundingClientRect();
        return r.top >= 0 && r.bottom <= window.innerHeight;
      }),
    ).toBe(true);
    expect(await page.evaluate(() => document.querySelector("main")?.firstElementChild?.id)).toBe(
      "form-errors",
    );
    expect(await page.locator("#form-errors-title").textContent()).toBe(
      "2 champs sont à corriger.",
    );
    // Reloading shows the page again and posts nothing.
    await page.reload();
    expect(posts).toHaveLength(1);
    expect(await field(page, "email").inputValue()).toBe("claire@@exemple");
    expect(await description(field(page, "name"))).toBe(TEXT.required);
    expect(await description(field(page, "email"))).toBe(TEXT.email);
    expect(await description(field(page, "body"))).toBeNull();
    expect(await description(field(page, "website"))).toBeNull();
    expect(await field(page, "name").getAttribute("aria-invalid")).toBe("true");
    // A field to fix is marked for the eye too, not only for screen readers.
    const border = (id: Field) =>
      field(page, id).evaluate((el) => getComputedStyle(el).borderTopColor);
    expect(await border("name")).not.toBe(await border("website"));
    expect(await border("email")).toBe(await border("name"));
    expect(await field(page, "body").inputValue()).toBe(longComment);
    expect(await field(page, "email").inputValue()).toBe("claire@@exemple");
    expect(await field(page, "website").inputValue()).toBe("https://claire.exemple.fr/carnet");

    await fill(page, { name: "Claire Obstinée", email: "claire@exemple.fr" });
    const id = await postAndFollow(page);
    const mine = page.locator(`#comment-${id}`);
    expect((await mine.getByRole("status").textContent())?.trim()).toBe(TEXT.pending);
    expect(await mine.locator(".comment-text").textContent()).toContain(typeset("Point 12 :"));
    expect(await mine.locator(".comment-author a").getAttribute("href")).toBe(
      "https://claire.exemple.fr/carnet",
    );
  });

  it("with JavaScript, a rejected form shows each message inline, keeps every value, then posts", async () => {
    const url = article();
    const { page, navigations } = await people.open({ allowConsole: [STATUS_422] });
    await page.goto(url);
    const loads = navigations();
    await fill(page, {
      body: longComment,
      name: "   ",
      email: "pas-une-adresse",
      website: "https://remi.exemple.org/",
    });
    await submitButton(page).click();
    await page.locator("#name-error").waitFor();

    expect(navigations()).toBe(loads);
    expect(page.url()).toBe(`${server.url}${url}`);
    expect(await page.getByRole("alert").textContent()).toBe("2 champs sont à corriger.");
    expect(await description(field(page, "name"))).toBe(TEXT.required);
    expect(await description(field(page, "email"))).toBe(TEXT.email);
    expect(await description(field(page, "body"))).toBeNull();
    expect(await field(page, "body").inputValue()).toBe(longComment);
    expect(await field(page, "name").inputValue()).toBe("   ");
    expect(await field(page, "email").inputValue()).toBe("pas-une-adresse");
    expect(await field(page, "website").inputValue()).toBe("https://remi.exemple.org/");

    await fill(page, { name: "Rémi Tenace", email: "remi@exemple.org" });
    await submitButton(page).click();
    const mine = commentWithText(page, "Cordialement, une lectrice fidèle");
    await mine.waitFor({ state: "visible" });
    expect((await mine.getByRole("status").textContent())?.trim()).toBe(TEXT.pending);
    expect(await page.locator("#comment-form .field-error").count()).toBe(0);
    expect(await field(page, "name").getAttribute("aria-invalid")).toBeNull();
    expect(await page.locator("#form-errors").isHidden()).toBe(true);
    expect(navigations()).toBe(loads);
  });

  it("with JavaScript, a post that never reaches the server stays on the page, every value kept", async () => {
    const url = article();
    // Chromium logs the aborted request; the island says what happened, in the form.
    const { page, navigations } = await people.open({
      allowConsole: [/ERR_INTERNET_DISCONNECTED/],
    });
    await page.goto(url);
    const loads = navigations();
    // The connection drops for posts only: the form's stamp request still gets through.
    await page.route(`**${url}/commentaires`, (route) =>
      route.request().method() === "POST" ? route.abort("internetdisconnected") : route.continue(),
    );
    const values = {
      body: longComment,
      name: "Hélène Hors-Ligne",
      email: "helene@exemple.fr",
      website: "https://helene.exemple.fr/",
    };
    await fill(page, values);
    await submitButton(page).click();

    const summary = page.locator("#form-errors");
    await summary.getByText(TEXT.offline, { exact: true }).waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe("form-errors");
    expect(page.url()).toBe(`${server.url}${url}`);
    expect(navigations()).toBe(loads);
    for (const [name, value] of Object.entries(values) as [Field, string][])
      expect(await field(page, name).inputValue()).toBe(value);
    expect(await submitButton(page).isEnabled()).toBe(true);

    // Back online, the same form posts.
    await page.unroute(`**${url}/commentaires`);
    await submitButton(page).click();
    await commentWithText(page, "Cordialement, une lectrice fidèle").waitFor();
    expect(await summary.isHidden()).toBe(true);
  });

  it("with JavaScript, a comment past the server's body limit is said on its field, every value kept", async () => {
    const url = article();
    // The server refuses the post before reading it (413); Chromium logs that answer.
    const { page, navigations } = await people.open({ allowConsole: [/413/] });
    await page.goto(url);
    const loads = navigations();
    // 300,000 characters: far past the comment's limit and the 256 KB a post may weigh.
    const values = {
      body: `${longComment}\n`.repeat(Math.ceil(300_000 / longComment.length)),
      name: "Tom Trop-Long",
      email: "tom@exemple.fr",
      website: "",
    };
    const { body, ...rest } = values;
    // Typing 300,000 characters takes Chromium longer than a test may; a paste sets it at once.
    await field(page, "body").evaluate((area, text) => {
      (area as HTMLTextAreaElement).value = text;
    }, body);
    await fill(page, rest);
    await submitButton(page).click();

    const summary = page.locator("#form-errors");
    await summary.getByText(TEXT.oneError, { exact: true }).waitFor();
    expect(await page.locator("#body-error").textContent()).toBe(TEXT.tooLarge);
    expect(await field(page, "body").getAttribute("aria-invalid")).toBe("true");
    expect(page.url()).toBe(`${server.url}${url}`);
    expect(navigations()).toBe(loads);
    for (const [name, value] of Object.entries(values) as [Field, string][])
      expect(await field(page, name).inputValue()).toBe(value);
  });

  describe("hostile input renders as text", () => {
    const hostile = {
      script: "<script>alert(1)</script>",
      img: "<img src=x onerror=alert(2)>",
      svg: '"><svg onload=alert(3)>',
      js: "javascript:alert(4)",
      // A valid web address that would break out of an unescaped href attribute.
      href: 'https://exemple.org/"onmouseover="alert(5)"x="',
    };

    /** Only paragraphs and line breaks inside a comment's text; its author is plain text or one link. */
    async function expectInert(item: Locator, name: string, body: readonly string[]) {
      expect(await item.locator(".comment-author").textContent()).toBe(name);
      const text = (await item.locator(".comment-text").textContent()) ?? "";
      for (const part of body) expect(text).toContain(part);
      const tags = await item
        .locator(".comment-text *")
        .evaluateAll((els) => els.map((e) => e.tagName));
      expect(tags.every((t) => t === "P" || t === "BR")).toBe(true);
      expect(await item.locator("script, img, iframe, object, [onerror], [onload]").count()).toBe(
        0,
      );
      // The avatar is the comment's only drawing.
      expect(await item.locator("svg").count()).toBe(1);
    }

    it("without JavaScript: posted, shown to its author literally; a javascript: website is refused", async () => {
      const url = article();
      const { page } = await people.open({ javaScript: false, allowConsole: [STATUS_422] });
      await page.goto(url);

      const body = `${hostile.img}\n\n${hostile.svg}`;
      await fill(page, { name: hostile.script, email: "mallory1@example.net", body });
      const first = await postAndFollow(page);
      await expectInert(page.locator(`#comment-${first}`), hostile.script, [
        hostile.img,
        hostile.svg,
      ]);

      await fill(page, {
        name: hostile.svg,
        email: "mallory2@example.net",
        website: hostile.js,
        body: hostile.script,
      });
      expect(await postExpectingRefusal(page)).toBe(303);
      expect(await description(field(page, "website"))).toBe(TEXT.url);
      expect(await field(page, "website").inputValue()).toBe(hostile.js);
      expect(await field(page, "name").inputValue()).toBe(hostile.svg);
      expect(await field(page, "body").inputValue()).toBe(hostile.script);

      await fill(page, { website: hostile.href });
      const second = await postAndFollow(page);
      const item = page.locator(`#comment-${second}`);
      await expectInert(item, hostile.svg, [hostile.script]);
      const link = item.locator(".comment-author a");
      expect(await link.getAttribute("href")).toBe(hostile.href);
      expect(
        await link.evaluate((a) => a.getAttributeNames().sort((x, y) => x.localeCompare(y))),
      ).toEqual(["class", "href", "rel"]);
      expect(await page.locator("#comments").getByText(TEXT.pending).count()).toBe(2);
    });

    it("with JavaScript: the inline answer is inserted as text too", async () => {
      const url = article();
      const { page } = await people.open({ allowConsole: [STATUS_422] });
      await page.goto(url);
      await fill(page, {
        name: hostile.img,
        email: "mallory3@example.net",
        body: `${hostile.script}\n${hostile.svg}`,
        website: hostile.js,
      });
      await submitButton(page).click();
      await page.locator("#website-error").waitFor();
      expect(await description(field(page, "website"))).toBe(TEXT.url);
      expect(await field(page, "website").inputValue()).toBe(hostile.js);

      await fill(page, { website: "" });
      await submitButton(page).click();
      const item = commentWithText(page, hostile.svg);
      await item.waitFor({ state: "visible" });
      await expectInert(item, hostile.img, [hostile.script, hostile.svg]);
      expect((await item.getByRole("status").textContent())?.trim()).toBe(TEXT.pending);

      // And the same comment as the server renders it on the next visit.
      await page.reload();
      await expectInert(commentWithText(page, hostile.svg), hostile.img, [
        hostile.script,
        hostile.svg,
      ]);
    });
  });

  describe("remember me", () => {
    it("when ticked, the next article's form comes filled in", async () => {
      const [first, second] = [article(), article()];
      const { page, context } = await people.open();
      await page.goto(first);
      expect(await page.getByLabel(LABEL.remember).isChecked()).toBe(false);
      await fill(page, {
        name: "Mireille Fidèle",
        email: "mireille@example.net",
        website: "https://mireille.example.net/",
        body: "Je reviendrai commenter, promis.",
      });
      await page.getByLabel(LABEL.remember).check();
      await submitButton(page).click();
      await commentWithText(page, "Je reviendrai commenter").waitFor();

      const cookie = (await context.cookies()).find((c) => c.name === "kq_commenter");
      expect(cookie).toMatchObject({ httpOnly: true, sameSite: "Lax", path: "/" });

      await page.goto(second);
      expect(await field(page, "name").inputValue()).toBe("Mireille Fidèle");
      expect(await field(page, "email").inputValue()).toBe("mireille@example.net");
      expect(await field(page, "website").inputValue()).toBe("https://mireille.example.net/");
      expect(await field(page, "body").inputValue()).toBe("");
      expect(await page.getByLabel(LABEL.remember).isChecked()).toBe(true);
    });

    it("when not ticked, nothing about the reader is kept", async () => {
      const [first, second] = [article(), article()];
      const { page, context } = await people.open();
      await page.goto(first);
      await fill(page, {
        name: "Anne Onyme",
        email: "anne@example.net",
        website: "https://anne.example.net/",
        body: "Un commentaire sans laisser de trace.",
      });
      await submitButton(page).click();
      await commentWithText(page, "sans laisser de trace").waitFor();

      const names = (await context.cookies()).map((c) => c.name);
      // The post did set cookies (its pending comment's id), just not that one.
      expect(names).toContain("kq_mine");
      expect(names).not.toContain("kq_commenter");

      await page.goto(second);
      expect(await field(page, "name").inputValue()).toBe("");
      expect(await field(page, "email").inputValue()).toBe("");
      expect(await field(page, "website").inputValue()).toBe("");
      expect(await page.getByLabel(LABEL.remember).isChecked()).toBe(false);
    });
  });
});
