import type { Browser } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { seriousViolations, WCAG22_AA } from "../helpers/axe.js";
import { launchBrowser, readers } from "../helpers/browser.js";
import { startServer, type RunningServer } from "../helpers/server.js";

const STATUS_422 = /status of 422/;
const STATUS_404 = /status of 404/;

describe("reader accessibility", () => {
  let server: RunningServer;
  let browser: Browser;
  let people: ReturnType<typeof readers>;
  let open = "";
  let closed = "";
  const listings: string[] = [];

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    people = readers(browser, server.url);
    const home = await (await fetch(`${server.url}/`)).text();
    const links = (re: RegExp) => [...new Set([...home.matchAll(re)].map((m) => m[1] as string))];
    for (const slug of links(/href="\/article\/([^"#?]+)"/g)) {
      const html = await (await fetch(`${server.url}/article/${slug}`)).text();
      if (!open && html.includes('id="comment-form"')) open = `/article/${slug}`;
      if (!closed && !html.includes('id="comment-form"')) closed = `/article/${slug}`;
      if (listings.length === 0) {
        const tag = /href="(\/tag\/[^"]+)"/.exec(html)?.[1];
        const author = /href="(\/auteur\/[^"]+)"/.exec(html)?.[1];
        if (tag && author) listings.push(tag, author);
      }
    }
    listings.push(...links(/href="(\/rubrique\/[^"?]+)"/g).slice(0, 2));
    if (!open || !closed) await server.cli("settings", "set", "comments.closeAfterDays", "0");
  });
  afterEach(() => people.closeAll());
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it("has no serious violation on the home page, listings, an article, and 404", async () => {
    expect(open).not.toBe("");
    const { page } = await people.open({ allowConsole: [STATUS_404] });
    const wrong: string[] = [];
    for (const url of ["/", "/?page=2", ...listings, open, closed, "/article/nulle-part"]) {
      if (!url) continue;
      await page.goto(url);
      wrong.push(...(await seriousViolations(page, WCAG22_AA)).map((v) => `${url}: ${v}`));
    }
    expect(wrong).toEqual([]);
  });

  it("has none on the refused form without JavaScript, nor with the reader's own comment", async () => {
    // axe runs as a script, so the page has JavaScript; the form is sent as a browser without it
    // sends it (form.submit() fires no submit event: the island never sees it).
    const { page } = await people.open({ allowConsole: [STATUS_422] });
    /** Sends the form and waits for the page it leads to (`to`) to load. */
    const sendNatively = async (to: RegExp) => {
      const arrived = page.waitForURL(to, { waitUntil: "load" });
      const answer = page.waitForResponse((r) => r.request().method() === "POST");
      // The navigation it starts may end evaluate's context before it returns: that is fine.
      await page
        .evaluate(() => {
          const form = document.getElementById("comment-form") as HTMLFormElement | null;
          setTimeout(() => HTMLFormElement.prototype.submit.call(form), 0);
        })
        .catch((error: unknown) => {
          if (!String(error).includes("Execution context was destroyed")) throw error;
        });
      const status = (await answer).status();
      await arrived;
      return status;
    };
    await page.goto(open);
    // Refused: redirected (303) to the refused form's own page (decision 022).
    expect(await sendNatively(/\/commentaires#form-errors$/)).toBe(303);
    expect(await seriousViolations(page, WCAG22_AA), "refused form's page").toEqual([]);
    await page.getByLabel("Commentaire *", { exact: true }).fill("Un avis mesuré sur la question.");
    await page.getByLabel("Nom *", { exact: true }).fill("Lectrice Axe");
    await page.getByLabel("E-mail *", { exact: true }).fill("axe@exemple.fr");
    // Accepted: redirected (303) to the comment, shown to its author.
    expect(await sendNatively(/#comment-\d+$/)).toBe(303);
    expect(
      await page.locator("#comments li.comment").filter({ hasText: "Un avis mesuré" }).count(),
    ).toBe(1);
    expect(await seriousViolations(page, WCAG22_AA), "the reader's own comment").toEqual([]);
  });

  it("fits a 320 px screen: nothing scrolls sideways", async () => {
    const { page } = await people.open({ allowConsole: [STATUS_404] });
    await page.setViewportSize({ width: 320, height: 640 });
    const wide: string[] = [];
    for (const url of ["/", ...listings, open]) {
      await page.goto(url);
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      if (width > 320) wide.push(`${url}: ${width} px`);
    }
    expect(wide).toEqual([]);
  });

  it("starts an article on a phone's first screen, its section marked in the navigation", async () => {
    const { page } = await people.open();
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(open);
    const first = await page.locator(".article-body p").first().boundingBox();
    expect(first, "the article's first paragraph").not.toBeNull();
    expect(first?.y ?? Infinity).toBeLessThan(844 - 40);
    const section = await page.locator(".article-header .category-label a").textContent();
    expect(await page.locator(".site-nav a[aria-current]").textContent()).toBe(section);
    // The sections stay on one line, which scrolls sideways, not four wrapped ones.
    const nav = await page.locator(".site-nav ul").boundingBox();
    expect(nav?.height ?? Infinity).toBeLessThan(60);
  });

  it("has none in English", async () => {
    await server.cli("settings", "set", "site.locale", "en");
    try {
      const { page } = await people.open({ allowConsole: [STATUS_404] });
      const wrong: string[] = [];
      for (const url of ["/", open, "/article/nowhere"]) {
        await page.goto(url);
        wrong.push(...(await seriousViolations(page, WCAG22_AA)).map((v) => `${url}: ${v}`));
      }
      expect(wrong).toEqual([]);
    } finally {
      await server.cli("settings", "set", "site.locale", "fr");
    }
  });
});
