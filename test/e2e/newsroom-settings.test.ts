import type { Browser } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, readers } from "../helpers/browser.js";
import { startServer, type RunningServer } from "../helpers/server.js";

const ADMIN = { email: "reglages@redaction.example", password: "un mot de passe solide" };
const REFUSED = /status of 422/;

/**
 * The settings screens on the real production server, in Chromium, with a second server on the
 * same database: an admin changes the site's language on one, and a reader's page on the other
 * switches at once (through its page cache, warned by the database).
 */
describe("settings screens in Chromium, two servers", () => {
  let a: RunningServer;
  let b: RunningServer;
  let browser: Browser;
  let onA: ReturnType<typeof readers>;
  let onB: ReturnType<typeof readers>;

  beforeAll(async () => {
    a = await startServer();
    await a.cli(
      "user",
      "create",
      "--email",
      ADMIN.email,
      "--password",
      ADMIN.password,
      "--role",
      "admin",
      "--name",
      "Ada Admin",
    );
    // Another instance: its own processes and page cache, the same SQLite file.
    b = await startServer({ dataDir: a.dataDir });
    browser = await launchBrowser();
    onA = readers(browser, a.url);
    onB = readers(browser, b.url);
  });
  afterEach(async () => {
    await onA.closeAll();
    await onB.closeAll();
  });
  afterAll(async () => {
    await browser?.close();
    await b?.stop();
    await a?.stop();
  });

  it("an admin switches the site to English; the other server's reader pages follow at once", async () => {
    const reader = await onB.open();
    await reader.page.goto("/");
    expect(await reader.page.locator("html").getAttribute("lang")).toBe("fr");
    // Once more: the page now comes from B's page cache.
    const cached = await reader.page.goto("/");
    expect(await cached?.headerValue("x-kiosque-cache")).toBe("hit");

    const { page } = await onA.open({ allowConsole: [REFUSED] });
    await page.goto("/admin/connexion");
    await page.getByLabel("E-mail").fill(ADMIN.email);
    await page.getByLabel("Mot de passe").fill(ADMIN.password);
    await page.getByRole("button", { name: "Se connecter" }).click();
    await page.waitForURL(/\/admin$/);
    await page.getByRole("link", { name: "Réglages" }).click();
    await page.waitForURL(/\/admin\/reglages$/);

    // A refused value first: the form comes back with it, and nothing changes.
    await page.getByLabel("Articles par page").fill("beaucoup");
    await page.getByLabel("Langue du site").selectOption("en");
    await page.getByRole("button", { name: "Enregistrer les réglages" }).click();
    await expect
      .poll(() => page.locator("#setting-articles-perPage-error").textContent())
      .toBe("Saisissez un nombre entier, par exemple 10.");
    expect(await page.getByLabel("Articles par page").inputValue()).toBe("beaucoup");
    expect(await page.getByLabel("Langue du site").inputValue()).toBe("en");
    await reader.page.goto("/");
    expect(await reader.page.locator("html").getAttribute("lang")).toBe("fr");

    await page.getByLabel("Articles par page").fill("12");
    await page.getByRole("button", { name: "Enregistrer les réglages" }).click();
    await expect
      .poll(() => page.getByRole("status").textContent())
      .toBe("Réglages enregistrés : ils s’appliquent dès maintenant.");

    await expect
      .poll(async () => {
        await reader.page.goto("/");
        return reader.page.locator("html").getAttribute("lang");
      })
      .toBe("en");
    // The newsroom keeps each person's own language.
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("Réglages — Site");
  });
});
