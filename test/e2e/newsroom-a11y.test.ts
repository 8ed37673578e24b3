import type { Browser, BrowserContext, Page } from "playwright-core";
import sharp from "sharp";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { seriousViolations } from "../helpers/axe.js";
import { launchBrowser, readers } from "../helpers/browser.js";
import { startServer, type RunningServer } from "../helpers/server.js";

/**
 * axe-core on every newsroom page, as a signed-in admin sees it and as a refused form shows it:
 * no serious or critical violation (WCAG 2.1 A and AA rules). Pages are listed here as they land.
 */
const PAGES_SIGNED_IN = [
  "/admin",
  "/admin/compte",
  "/admin/compte/double-authentification",
  "/admin/personnes",
  "/admin/articles",
  "/admin/medias",
  "/admin/articles/nouveau",
  "/admin/rubriques",
  // A demo article: the edit form with the editor mounted, and its revisions.
  "/admin/articles/1",
  "/admin/articles/1/revisions",
  "/admin/reglages",
  "/admin/reglages/discussion",
  "/admin/reglages/integrations",
  "/admin/commentaires?statut=pending",
  "/admin/commentaires?statut=approved",
  "/admin/commentaires?statut=spam&q=introuvable",
  "/admin/commentaires/bannissements",
  "/admin/journal",
];

const ADMIN = { email: "a11y-admin@redaction.example", password: "un mot de passe solide" };

/** Signs the admin in through the form, as a person does. */
async function signIn(page: Page): Promise<void> {
  await page.goto("/admin/connexion");
  await page.getByLabel("E-mail").fill(ADMIN.email);
  await page.getByLabel("Mot de passe").fill(ADMIN.password);
  await page.getByRole("button", { name: "Se connecter" }).click();
  await page.waitForURL(/\/admin$/);
}

/** The class of the element that has the focus once the page has loaded. */
const focusedClass = (page: Page) => page.evaluate(() => document.activeElement?.className ?? "");

describe("newsroom accessibility", () => {
  let server: RunningServer;
  let browser: Browser;
  let people: ReturnType<typeof readers>;

  beforeAll(async () => {
    server = await startServer();
    await server.cli(
      "user",
      "create",
      "--email",
      ADMIN.email,
      "--password",
      ADMIN.password,
      "--role",
      "admin",
      "--name",
      "Alice Admin",
    );
    // A saved key: the integrations screen shows its mask, status line and key actions.
    await server.cli("settings", "set", "akismet.apiKey", "cleaxe123456");
    browser = await launchBrowser();
    people = readers(browser, server.url);
  });
  afterEach(() => people.closeAll());
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it("has no serious violation on the sign-in form, empty and refused", async () => {
    const { page } = await people.open({ allowConsole: [/status of 422/] });
    await page.goto("/admin/connexion");
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole("button", { name: "Se connecter" }).click();
    await page.getByText("2 champs sont à corriger.").waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    // A keyboard starts from what to correct: the summary has the focus (it had none).
    expect(await focusedClass(page)).toContain("form-errors");
  });

  it("has no serious violation on a settings screen refused with a message per field", async () => {
    const { page } = await people.open({ allowConsole: [/status of 422/] });
    await signIn(page);
    await page.goto("/admin/reglages/discussion");
    await page.getByLabel("Liens avant retenue").fill("beaucoup");
    await page.getByLabel("Longueur maximale du nom").fill("");
    await page.getByRole("button", { name: "Enregistrer les réglages" }).click();
    await page.getByText("2 champs sont à corriger.").waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    expect(await focusedClass(page)).toContain("form-errors");
  });

  describe("on the pages a signed-in admin opens", () => {
    // Signed in once: each page is a test of its own, with its own time, on a slow CI machine.
    let session: Awaited<ReturnType<BrowserContext["storageState"]>>;
    beforeAll(async () => {
      const { context, page } = await people.open();
      await signIn(page);
      session = await context.storageState();
    });

    it.each(PAGES_SIGNED_IN)("has no serious violation on %s", async (url) => {
      const { page } = await people.open({ storageState: session });
      const response = await page.goto(url);
      expect(response?.status(), url).toBe(200);
      // Still signed in: not sent to the sign-in form.
      expect(new URL(page.url()).pathname).toBe(new URL(url, server.url).pathname);
      expect(await seriousViolations(page), url).toEqual([]);
    });
  });

  it("has no serious violation on the media library's forms and an article form refused", async () => {
    const { page } = await people.open({ allowConsole: [/status of 422/] });
    await signIn(page);

    // The media library's forms refused and accepted, and an image's page.
    await page.goto("/admin/medias");
    await page.getByRole("button", { name: "Envoyer l’image" }).click();
    await page.getByText("Un champ est à corriger.").waitFor();
    expect(await seriousViolations(page), "refused upload").toEqual([]);
    await page.getByLabel("Fichier de l’image").setInputFiles({
      name: "a11y.gif",
      mimeType: "image/gif",
      buffer: await sharp({
        create: { width: 40, height: 30, channels: 3, background: "#0b4f8a" },
      })
        .gif()
        .toBuffer(),
    });
    await page.getByLabel("Texte alternatif").fill("Un rectangle bleu");
    await page.getByRole("button", { name: "Envoyer l’image" }).click();
    await page.waitForURL(/\/admin\/medias\/\d+/);
    expect(await seriousViolations(page), "image page").toEqual([]);
    await page.goto("/admin/medias");
    expect(await seriousViolations(page), "library with an image").toEqual([]);

    // The article form refused for a pinned related article that names none.
    await page.goto("/admin/articles/1");
    await page.getByLabel("Épinglés dans « À lire aussi »").fill("/article/nulle-part");
    await page.getByRole("button", { name: "Enregistrer", exact: true }).click();
    await page.getByText("Un champ est à corriger.").waitFor();
    expect(await seriousViolations(page), "article form, a pin refused").toEqual([]);
  });

  it("has no serious violation on the desk's forms: a comment's edit, reply and ban", async () => {
    const { page } = await people.open({ allowConsole: [/status of 422/] });
    await signIn(page);
    await page.goto("/admin/commentaires?statut=approved");
    const id = (await page.locator("article.desk-comment").first().getAttribute("data-id")) ?? "";
    expect(id).toMatch(/^\d+$/);
    for (const url of [
      `/admin/commentaires/${id}/modifier`,
      `/admin/commentaires/${id}/repondre`,
      `/admin/commentaires/bannissements/nouveau?commentaire=${id}`,
    ]) {
      await page.goto(url);
      expect(await seriousViolations(page), url).toEqual([]);
    }
    // A refused edit, with its messages.
    await page.goto(`/admin/commentaires/${id}/modifier`);
    await page.getByLabel("Nom", { exact: false }).fill("");
    await page.getByRole("button", { name: "Enregistrer" }).click();
    await page.getByText("Un champ est à corriger.").waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    // The desk with a comment's reply open and the shortcuts shown.
    await page.goto("/admin/commentaires?statut=approved");
    await page.locator("#desk-shortcuts summary").click();
    await page.locator("details.desk-reply summary").first().click();
    expect(await seriousViolations(page)).toEqual([]);
  });
});
