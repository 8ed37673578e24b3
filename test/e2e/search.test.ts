import type { Browser } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { seriousViolations } from "../helpers/axe.js";
import { launchBrowser, readers } from "../helpers/browser.js";
import { startServer, type RunningServer } from "../helpers/server.js";

/**
 * Search in Chromium on the real production server (demo newsroom, SQLite): the header's form,
 * the search page, the search box's suggestions with the keyboard, and axe on the pages it adds.
 */

describe("search in Chromium", () => {
  let server: RunningServer;
  let browser: Browser;
  let people: ReturnType<typeof readers>;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    people = readers(browser, server.url);
  });
  afterEach(() => people.closeAll());
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it("searches from the header's form without JavaScript, results marked", async () => {
    const { page } = await people.open({ javaScript: false });
    await page.goto("/");
    await page.getByRole("searchbox", { name: "Rechercher sur le site" }).fill("glaciologue");
    await page
      .getByRole("search", { name: "Rechercher sur le site" })
      .getByRole("button", { name: "Rechercher" })
      .click();
    await page.waitForURL(/\/recherche\?q=glaciologue$/);
    const first = page.locator(".search-result").first();
    expect(await first.locator("h2 mark").first().textContent()).toMatch(/glaciologue/i);
  });

  it("suggests headlines as one types; arrows and Enter open one", async () => {
    const { page } = await people.open();
    await page.goto("/recherche");
    const box = page.getByRole("combobox", { name: "Mots recherchés" });
    await box.pressSequentially("glacio");
    const options = page.getByRole("listbox", { name: "Suggestions" }).getByRole("option");
    await options.first().waitFor();
    expect(await options.first().locator("mark").textContent()).toMatch(/^glacio/i);
    expect(await box.getAttribute("aria-expanded")).toBe("true");
    const href = await options.first().locator("a").getAttribute("href");
    await box.press("ArrowDown");
    expect(await options.first().getAttribute("aria-selected")).toBe("true");
    await box.press("Enter");
    await page.waitForURL(`**${href}`);
  });

  it("closes the suggestions with Escape", async () => {
    const { page } = await people.open();
    await page.goto("/recherche");
    const box = page.getByRole("combobox", { name: "Mots recherchés" });
    await box.pressSequentially("fromag");
    await page.getByRole("listbox", { name: "Suggestions" }).waitFor();
    await box.press("Escape");
    expect(await box.getAttribute("aria-expanded")).toBe("false");
    expect(await page.getByRole("listbox", { name: "Suggestions" }).isVisible()).toBe(false);
  });

  it("has no serious accessibility violation on the search pages and with the header's form", async () => {
    const { page } = await people.open();
    for (const url of ["/", "/recherche", "/recherche?q=eau", "/recherche?q=ornithorynque"]) {
      await page.goto(url);
      expect(await seriousViolations(page), url).toEqual([]);
    }
  });
});
