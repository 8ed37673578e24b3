import type { Browser, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { messages } from "../../src/web/i18n/index.js";
import { mediaPickerLabels } from "../../src/web/i18n/media-picker.js";
import * as images from "../fixtures/media/images.js";
import { launchBrowser, readers } from "../helpers/browser.js";
import { startServer, type RunningServer } from "../helpers/server.js";

/**
 * The newsroom in Chromium on the production server (demo newsroom, SQLite): an author writes
 * and submits, an editor schedules and publishes, two people save the same article, and a
 * closed tab's typing comes back.
 */

/**
 * Chromium logs a document answered 409 or 422 (the conflict page, a refused form) as "Failed
 * to load resource"; that is the expected answer, not a page error.
 */
const EXPECTED_STATUS = /status of (409|422)/;

const PASSWORD = "un mot de passe assez long";

describe("the newsroom in Chromium", () => {
  let server: RunningServer;
  let browser: Browser;
  let people: ReturnType<typeof readers>;
  let n = 0;

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

  /** A new account of this role, signed in in a browser context of its own. */
  async function staff(
    role: "author" | "editor",
    name: string,
    allowConsole: readonly RegExp[] = [],
  ): Promise<Page> {
    const email = `${role}${++n}@redaction.example`;
    await server.cli(
      "user",
      "create",
      "--email",
      email,
      "--password",
      PASSWORD,
      "--role",
      role,
      "--name",
      name,
    );
    const { page } = await people.open({ allowConsole: [EXPECTED_STATUS, ...allowConsole] });
    await page.goto("/admin/connexion");
    await page.getByLabel("E-mail *", { exact: true }).fill(email);
    await page.getByLabel("Mot de passe *", { exact: true }).fill(PASSWORD);
    await page.getByRole("button", { name: "Se connecter" }).click();
    await page.waitForURL(/\/admin$/);
    return page;
  }

  /**
   * Replaces the body's text through the rich-text editor, as a person types it: the editor keeps
   * the hidden textarea (what the form posts) in step.
   */
  async function typeBody(page: Page, text: string): Promise<void> {
    await page.locator('textarea#body[data-editor-ready="true"]').waitFor({ state: "attached" });
    const area = page.locator('[role="textbox"][aria-labelledby="body-label"]');
    await area.click();
    await page.keyboard.press("ControlOrMeta+A");
    await page.keyboard.type(text);
  }

  /** Writes a new draft through the form; returns its edit page's path. */
  async function write(page: Page, title: string, body: string): Promise<string> {
    await page.goto("/admin/articles/nouveau");
    await page.getByLabel("Titre *", { exact: true }).fill(title);
    await page.getByLabel("Rubrique *", { exact: true }).selectOption({ index: 1 });
    await typeBody(page, body);
    await page.getByRole("button", { name: "Créer le brouillon" }).click();
    await page.waitForURL(/\/admin\/articles\/\d+\?fait=created$/);
    return new URL(page.url()).pathname;
  }

  const button = (page: Page, name: string) => page.getByRole("button", { name, exact: true });

  it("lets an author write and submit, and an editor schedule then publish it", async () => {
    const author = await staff("author", "Agathe Plume");
    const path = await write(author, "Le port au petit matin", "Les chalutiers rentrent.");
    await expect(button(author, "Publier maintenant").count()).resolves.toBe(0);
    await button(author, "Envoyer en relecture").click();
    await author.waitForURL(/fait=submitted$/);
    await expect(author.getByRole("status").first().textContent()).resolves.toContain(
      "Article envoyé en relecture.",
    );

    const editor = await staff("editor", "Émile Rédac");
    await editor.goto("/admin/articles?status=review");
    await editor.getByRole("link", { name: "Le port au petit matin" }).click();
    await editor.waitForURL(new RegExp(`${path}$`));
    await editor.getByLabel("Date de publication").fill("2031-06-01T07:30");
    await button(editor, "Programmer").click();
    await editor.waitForURL(/fait=scheduled$/);
    await expect(editor.locator(".article-meta").textContent()).resolves.toContain("Programmé");
    expect((await fetch(`${server.url}/article/le-port-au-petit-matin`)).status).toBe(404);

    await button(editor, "Publier maintenant").click();
    await editor.waitForURL(/fait=published$/);
    await editor.getByRole("link", { name: "Voir la page publiée" }).click();
    await editor.waitForURL(/\/article\/le-port-au-petit-matin$/);
    await expect(editor.locator("h1").textContent()).resolves.toBe("Le port au petit matin");
    await expect(editor.locator(".byline").textContent()).resolves.toContain("Agathe Plume");
    await expect(editor.locator(".article-body").textContent()).resolves.toContain(
      "Les chalutiers rentrent.",
    );
  });

  it("lets an author put an image from the library into the text, then submit", async () => {
    const t = messages("fr");
    const L = mediaPickerLabels.fr;
    const author = await staff("author", "Yann Photo");
    const path = await write(author, "La digue en hiver", "La mer est haute.");
    await typeBody(author, "La mer est haute.");
    await author.getByRole("button", { name: t.newsroom.media.picker.insert }).click();
    const dialog = author.getByRole("dialog", { name: L.title });
    await dialog.waitFor();
    await dialog.getByLabel(L.upload.file).setInputFiles({
      name: "digue.jpg",
      mimeType: "image/jpeg",
      buffer: await images.jpegWithGps(640, 480),
    });
    await dialog.getByLabel(L.details.alt).first().fill("La digue sous les vagues");
    await dialog.getByLabel(L.details.credit).first().fill("Photo : Y. Photo");
    await dialog.getByRole("button", { name: L.upload.submit, exact: true }).click();
    await dialog.getByRole("heading", { name: L.details.title }).waitFor();
    await dialog.getByRole("button", { name: L.details.insert }).click();
    await dialog.waitFor({ state: "hidden" });
    await button(author, "Envoyer en relecture").click();
    await author.waitForURL(/fait=submitted$/);
    // What was stored: the figure, with its text and credit, as the editor wrote it.
    await author.locator('textarea#body[data-editor-ready="true"]').waitFor({ state: "attached" });
    const stored = await author.locator("textarea#body").inputValue();
    expect(stored).toMatch(
      /<figure class="image"><img src="\/media\/[^"]+" alt="La digue sous les vagues"/,
    );
    expect(stored).toContain('<small class="credit">Photo : Y. Photo</small>');
    // And the library knows where it is used.
    await author.goto("/admin/medias");
    await expect(author.locator("main").textContent()).resolves.toContain("La digue en hiver");
    expect(path).toMatch(/^\/admin\/articles\/\d+$/);
  });

  it("suggests existing tags for the last one typed", async () => {
    const author = await staff("author", "Tag Suggéré");
    await author.goto("/admin/articles/nouveau");
    const tags = author.getByLabel("Mots-clés", { exact: true });
    await tags.fill("Climat, Agri");
    const options = author.locator("#tag-suggestions option");
    await options.first().waitFor({ state: "attached" });
    expect(await options.evaluateAll((o) => o.map((e) => (e as HTMLOptionElement).value))).toEqual([
      "Climat, Agriculture",
    ]);
  });

  it("shows the second of two people saving one article both texts, and loses neither", async () => {
    const first = await staff("editor", "Première Main");
    const path = await write(first, "Deux mains", "Texte de départ.");
    const second = await staff("editor", "Seconde Main");
    await second.goto(path);
    await typeBody(first, "Version de la première main.");
    await typeBody(second, "Version de la seconde main.");
    await button(first, "Enregistrer").click();
    await first.waitForURL(/fait=saved$/);
    const answer = second.waitForResponse(
      (r) => r.request().method() === "POST" && r.url().endsWith(path),
    );
    await button(second, "Enregistrer").click();
    expect((await answer).status()).toBe(409);
    await expect(second.locator("#mine").textContent()).resolves.toContain(
      "Version de la seconde main.",
    );
    await expect(second.locator("#current").textContent()).resolves.toContain(
      "Version de la première main.",
    );
    await button(second, "Appliquer ma version").click();
    await second.waitForURL(/fait=restored$/);
    await expect(second.locator("textarea#body").inputValue()).resolves.toBe(
      "<p>Version de la seconde main.</p>",
    );
    await second.goto(`${path}/revisions`);
    await expect(second.locator("body").textContent()).resolves.toContain(
      "Conflit (non appliquée)",
    );
  });

  it("gives back what was typed before the tab was closed", async () => {
    const author = await staff("author", "Onglet Fermé");
    const path = await write(author, "Brouillon fragile", "Début.");
    await typeBody(author, "Début. Une phrase tapée puis l’onglet fermé.");
    await expect(author.locator("#autosave-status")).toBeTruthy();
    await author.waitForFunction(
      () => document.getElementById("autosave-status")?.textContent === "Brouillon sauvegardé.",
    );
    const context = author.context();
    await author.close();

    const again = await context.newPage();
    await again.goto(path);
    await expect(again.locator(".autosave-found").textContent()).resolves.toContain(
      "Une version non enregistrée",
    );
    await again.getByRole("button", { name: "La reprendre" }).click();
    await expect(again.locator("textarea#body").inputValue()).resolves.toBe(
      "<p>Début. Une phrase tapée puis l’onglet fermé.</p>",
    );
    await button(again, "Enregistrer").click();
    await again.waitForURL(/fait=saved$/);
    await expect(again.locator(".autosave-found").count()).resolves.toBe(0);
  });
  it("keeps what a writer typed when a colleague saves meanwhile, from the server or the browser", async () => {
    const t = messages("fr").newsroom.writing.autosave;
    const editor = await staff("editor", "Relecture Rapide");
    /** The writer's typing kept (or not, `offline`), their tab closed, then a colleague's save. */
    const typedThenOvertaken = async (offline: boolean) => {
      // Offline, the autosave's failed request is the expected answer.
      const writer = await staff("author", offline ? "Hors Ligne" : "Tapé Avant", [
        /net::ERR_FAILED/,
      ]);
      const path = await write(
        writer,
        offline ? "Train sans réseau" : "Deux mains pressées",
        "Début.",
      );
      if (offline) await writer.route("**/brouillon", (route) => route.abort());
      await typeBody(writer, "Début. Ma phrase jamais enregistrée.");
      await writer.waitForFunction(
        (text) => document.getElementById("autosave-status")?.textContent === text,
        offline ? t.failed : t.saved,
      );
      const context = writer.context();
      await writer.close();
      await editor.goto(path);
      await typeBody(editor, "Début corrigé par l’édition.");
      await button(editor, "Enregistrer").click();
      await editor.waitForURL(/fait=saved$/);
      const again = await context.newPage();
      await again.goto(path);
      return { again, path };
    };
    const savedMeetsTheConflict = async (page: Page, path: string) => {
      await expect(page.locator("textarea#body").inputValue()).resolves.toBe(
        "<p>Début. Ma phrase jamais enregistrée.</p>",
      );
      const answer = page.waitForResponse(
        (r) => r.request().method() === "POST" && r.url().endsWith(path),
      );
      await button(page, "Enregistrer").click();
      expect((await answer).status()).toBe(409);
      await expect(page.locator("#mine").textContent()).resolves.toContain(
        "Ma phrase jamais enregistrée.",
      );
      await expect(page.locator("#current").textContent()).resolves.toContain(
        "corrigé par l’édition",
      );
    };

    // The server's copy: offered, saying someone saved since.
    const kept = await typedThenOvertaken(false);
    await expect(kept.again.locator(".autosave-found").textContent()).resolves.toContain(
      t.overtaken,
    );
    await button(kept.again, t.restore).click();
    await savedMeetsTheConflict(kept.again, kept.path);

    // The connection lost: only this browser's copy, offered the same way.
    const local = await typedThenOvertaken(true);
    await expect(local.again.locator("#autosave-status").textContent()).resolves.toContain(
      t.localOvertaken,
    );
    await local.again.locator("#autosave-status").getByRole("button", { name: t.restore }).click();
    await savedMeetsTheConflict(local.again, local.path);
  });
});
