import { AxeBuilder } from "@axe-core/playwright";
import type { Browser, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
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
  "/admin/commentaires?statut=pending",
  "/admin/commentaires?statut=approved",
  "/admin/commentaires?statut=spam&q=introuvable",
  "/admin/commentaires/bannissements",
  "/admin/journal",
];

const ADMIN = { email: "a11y-admin@redaction.example", password: "un mot de passe solide" };

async function seriousViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
    .analyze();
  return result.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

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
  });

  it("has no serious violation on the pages a signed-in admin opens", async () => {
    const { page } = await people.open();
    await page.goto("/admin/connexion");
    await page.getByLabel("E-mail").fill(ADMIN.email);
    await page.getByLabel("Mot de passe").fill(ADMIN.password);
    await page.getByRole("button", { name: "Se connecter" }).click();
    await page.waitForURL(/\/admin$/);
    for (const url of PAGES_SIGNED_IN) {
      await page.goto(url);
      expect(await seriousViolations(page), url).toEqual([]);
    }
  });

  it("has no serious violation on the desk's forms: a comment's edit, reply and ban", async () => {
    const { page } = await people.open({ allowConsole: [/status of 422/] });
    await page.goto("/admin/connexion");
    await page.getByLabel("E-mail").fill(ADMIN.email);
    await page.getByLabel("Mot de passe").fill(ADMIN.password);
    await page.getByRole("button", { name: "Se connecter" }).click();
    await page.waitForURL(/\/admin$/);
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
