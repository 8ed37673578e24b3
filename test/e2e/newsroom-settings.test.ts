import type { Browser } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { fr } from "../../src/web/i18n/fr.js";
import { mediaPickerLabels } from "../../src/web/i18n/media-picker.js";
import * as images from "../fixtures/media/images.js";
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
    // Twice more: kept from its second render (decision 024), the page then comes from B's cache.
    await reader.page.goto("/");
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

  it("an admin picks a logo; the other server's reader header shows it, then the name again", async () => {
    // French again, after the test above: the sign-in form's words are the site's.
    await a.cli("settings", "set", "site.locale", "fr");
    const reader = await onB.open();
    await reader.page.goto("/");
    expect(await reader.page.locator("header .site-logo").count()).toBe(0);

    const { page } = await onA.open();
    await page.goto("/admin/connexion");
    await page.getByLabel("E-mail").fill(ADMIN.email);
    await page.getByLabel("Mot de passe").fill(ADMIN.password);
    await page.getByRole("button", { name: "Se connecter" }).click();
    await page.waitForURL(/\/admin$/);
    await page.goto("/admin/reglages");
    const L = mediaPickerLabels.fr;
    const W = fr.newsroom.settingsPage.logo;
    // Uploaded in the picker, used as is: a logo takes the site's name, not words of its own.
    await page.getByRole("button", { name: W.choose }).click();
    const dialog = page.getByRole("dialog", { name: L.title });
    await dialog.waitFor();
    await dialog.getByLabel(L.upload.file).setInputFiles({
      name: "logo-echo.png",
      mimeType: "image/png",
      buffer: await images.png(600, 200),
    });
    await dialog.getByRole("button", { name: L.upload.submit, exact: true }).click();
    await dialog.getByRole("heading", { name: L.details.title }).waitFor();
    await dialog.getByRole("button", { name: L.details.use }).click();
    await dialog.waitFor({ state: "hidden" });
    expect(Number(await page.getByLabel(W.field).inputValue())).toBeGreaterThan(0);
    await page.getByRole("button", { name: W.save }).click();
    await expect.poll(() => page.getByRole("status").textContent()).toBe(W.saved);

    const name = await reader.page.locator(".site-name").textContent();
    await expect
      .poll(async () => {
        await reader.page.goto("/");
        return reader.page.locator("header img.site-logo").getAttribute("alt", { timeout: 1000 });
      })
      .toBe(name);
    const logo = reader.page.locator("header img.site-logo");
    expect(Number(await logo.getAttribute("width"))).toBeGreaterThan(0);
    expect(await logo.getAttribute("src")).toMatch(/^\/media\//);
    expect(await logo.evaluate((img) => (img as HTMLImageElement).naturalWidth)).toBeGreaterThan(0);

    await page.getByRole("button", { name: W.remove }).click();
    await expect.poll(() => page.getByRole("status").textContent()).toBe(W.removed);
    await expect
      .poll(async () => {
        await reader.page.goto("/");
        return reader.page.locator("header .site-logo").count();
      })
      .toBe(0);
  });
});
