import { Secret, TOTP } from "otpauth";
import type { Browser, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, readers } from "../helpers/browser.js";
import { startServer, type RunningServer } from "../helpers/server.js";

/**
 * Newsroom staff signing in on the real production server, in Chromium: the lockout after wrong
 * passwords, and signing in with an authenticator app, its code computed here with the same
 * package the server uses.
 */

/** Chromium logs a 422 or 429 answer (a refused form, with its page) as a failed resource. */
const REFUSED = /status of (422|429)/;
const WAIT = /Réessayez dans \d+ (s|min)\./;

async function signIn(page: Page, email: string, password: string): Promise<number> {
  await page.goto("/admin/connexion");
  await page.getByLabel("E-mail", { exact: false }).fill(email);
  await page.getByLabel("Mot de passe", { exact: false }).fill(password);
  const answer = page.waitForResponse((r) => r.request().method() === "POST");
  await page.getByRole("button", { name: "Se connecter" }).click();
  const status = (await answer).status();
  await page.waitForLoadState("load");
  return status;
}

const codeAt = (secret: string, at: number) =>
  new TOTP({ secret: Secret.fromBase32(secret), digits: 6, period: 30 }).generate({
    timestamp: at,
  });

describe("newsroom accounts in Chromium", () => {
  let server: RunningServer;
  let browser: Browser;
  let people: ReturnType<typeof readers>;
  let n = 0;
  async function account(role: string) {
    const email = `e2e-${++n}@redaction.example`;
    const password = `mot de passe e2e ${n}`;
    await server.cli(
      "user",
      "create",
      "--email",
      email,
      "--password",
      password,
      "--role",
      role,
      "--name",
      `Personne ${n}`,
    );
    return { email, password, name: `Personne ${n}` };
  }

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

  it("a wrong password five times locks the sign-in, for every browser of that address", async () => {
    const member = await account("editor");
    const first = await people.open({ allowConsole: [REFUSED] });
    for (let i = 0; i < 5; i++) {
      expect(await signIn(first.page, member.email, `faux ${i}`)).toBe(422);
      await expect
        .poll(() => first.page.getByText("Adresse e-mail ou mot de passe incorrect.").count())
        .toBe(1);
      // The address stays, the password does not.
      await expect
        .poll(() => first.page.getByLabel("E-mail", { exact: false }).inputValue())
        .toBe(member.email);
      expect(await first.page.getByLabel("Mot de passe", { exact: false }).inputValue()).toBe("");
    }
    // The sixth, right this time, waits.
    expect(await signIn(first.page, member.email, member.password)).toBe(429);
    await expect.poll(() => first.page.getByRole("alert").first().textContent()).toBeTruthy();
    expect(await first.page.locator("#password-error").textContent()).toMatch(WAIT);
    // Another browser (its own cookies) from the same address waits too.
    const second = await people.open({ allowConsole: [REFUSED] });
    expect(await signIn(second.page, member.email, member.password)).toBe(429);
    expect(await second.page.locator("#password-error").textContent()).toMatch(WAIT);
    // The field says what is wrong to assistive technology.
    expect(
      await second.page
        .getByLabel("Mot de passe", { exact: false })
        .getAttribute("aria-describedby"),
    ).toContain("password-error");
  });

  it("sets up an authenticator app, then signs in with a code from it", async () => {
    const member = await account("admin");
    const reader = await people.open({ allowConsole: [REFUSED] });
    const { page } = reader;
    expect(await signIn(page, member.email, member.password)).toBe(303);
    await expect
      .poll(() => page.getByRole("heading", { level: 1 }).textContent())
      .toBe(`Bonjour, ${member.name}`);

    await page.getByRole("link", { name: "Mon compte" }).click();
    await page.getByRole("link", { name: "Gérer la double authentification" }).click();
    await page.getByRole("button", { name: "Activer la double authentification" }).click();
    const qr = page.getByRole("img", { name: /QR code/ });
    // Drawn: the data: URL is an image the page's CSP lets through.
    await expect
      .poll(() => qr.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth))
      .toBeGreaterThan(0);
    const secret = (await page.locator("#totp-secret").textContent()) ?? "";
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    await page
      .getByLabel("Code de l’application", { exact: false })
      .fill(codeAt(secret, Date.now()));
    await page.getByRole("button", { name: "Confirmer" }).click();
    await expect
      .poll(() => page.getByRole("heading", { level: 1 }).textContent())
      .toBe("Vos codes de secours");
    expect(await page.locator(".recovery-codes li").count()).toBe(10);

    await page.getByRole("button", { name: "Se déconnecter", exact: true }).click();
    await page.waitForURL(/\/admin\/connexion$/);
    expect(await signIn(page, member.email, member.password)).toBe(303);
    await page.waitForURL(/\/admin\/connexion\/code$/);
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe(
      "Vérification en deux étapes",
    );

    // The code the set-up used is spent; a wrong one is refused.
    await page.getByLabel("Code", { exact: false }).fill("000000");
    await page.getByRole("button", { name: "Vérifier" }).click();
    await expect
      .poll(() => page.locator("#code-error").textContent())
      .toContain("n’est pas valable");
    // The next step's code (a phone a little ahead): in.
    await page.getByLabel("Code", { exact: false }).fill(codeAt(secret, Date.now() + 30_000));
    await page.getByRole("button", { name: "Vérifier" }).click();
    await page.waitForURL(/\/admin$/);
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe(
      `Bonjour, ${member.name}`,
    );
    expect(
      await page
        .getByRole("navigation", { name: "Menu de la rédaction" })
        .getByRole("link", { name: "Personnes" })
        .count(),
    ).toBe(1);
  });
});
