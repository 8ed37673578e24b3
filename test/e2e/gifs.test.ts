import type { Browser } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, readers } from "../helpers/browser.js";
import {
  FAKE_GIF_KEY,
  startFakeGifProvider,
  type FakeGifProvider,
} from "../helpers/fake-gif-provider.js";
import { startServer, type RunningServer } from "../helpers/server.js";

/**
 * A reader replies with a GIF on the real production server, in Chromium: the picker loads only
 * when the GIF button is pressed, searches as the reader types, is used with the keyboard, and
 * the posted comment shows Kiosque's kept copy. With no provider, there is no GIF button.
 */
describe("GIF replies in the browser", () => {
  let fake: FakeGifProvider;
  let server: RunningServer;
  let browser: Browser;
  let people: ReturnType<typeof readers>;
  let article: string;
  /**
   * The fake's catalogue holds GIFs whose media fail on purpose (a 404, a redirect to a private
   * address): their previews are refused by Kiosque with a 404, which Chromium logs.
   */
  const open = () => people.open({ allowConsole: [/status of 404/] });

  beforeAll(async () => {
    fake = await startFakeGifProvider();
    server = await startServer({
      settings: {
        "comments.holdFirst": "false",
        "gif.provider": "giphy",
        "gif.key": FAKE_GIF_KEY,
        "gif.giphyEndpoint": fake.url,
      },
    });
    browser = await launchBrowser();
    people = readers(browser, server.url);
    const home = await (await fetch(`${server.url}/`)).text();
    for (const [, slug] of home.matchAll(/href="\/article\/([^"#?]+)"/g)) {
      const html = await (await fetch(`${server.url}/article/${slug}`)).text();
      if (html.includes('id="comment-form"')) {
        article = `/article/${slug}`;
        break;
      }
    }
  });
  afterEach(() => people.closeAll());
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await fake?.close();
  });

  it("searches, picks with the keyboard, posts, and shows the GIF from Kiosque", async () => {
    const { page } = await open();
    const requested: string[] = [];
    page.on("request", (r) => requested.push(r.url()));
    await page.goto(article);
    expect(requested.some((u) => u.includes("gif-picker.js"))).toBe(false);
    // Nothing on the page comes from the provider, before or after the picker opens.
    const fromProvider = () => requested.filter((u) => u.startsWith(fake.url));

    const gifButton = page.getByRole("button", { name: "Ajouter un GIF" });
    await gifButton.click();
    const dialog = page.getByRole("dialog", { name: "Choisir un GIF" });
    await expect.poll(() => dialog.isVisible()).toBe(true);
    // Trending first.
    await dialog.getByRole("img", { name: "Bravo chat qui applaudit" }).waitFor();
    expect(await dialog.getByText("Powered by GIPHY").isVisible()).toBe(true);

    // As the reader types: the search field has focus when the dialog opens.
    await page.keyboard.type("merci");
    const merci = dialog.getByRole("button", { name: "Merci beaucoup" });
    await merci.waitFor();
    await expect.poll(() => dialog.getByRole("img", { name: "Chien content" }).count()).toBe(0);
    await page.keyboard.press("Tab");
    expect(await merci.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.press("Enter");
    await expect.poll(() => dialog.isVisible()).toBe(false);
    expect(await gifButton.evaluate((el) => el === document.activeElement)).toBe(true);

    // Chosen, and removable before posting.
    const remove = page.getByRole("button", { name: "Retirer le GIF" });
    expect(await remove.isVisible()).toBe(true);
    await remove.click();
    expect(await page.locator("#gif").inputValue()).toBe("");
    // Open again: the last search is still there.
    await gifButton.click();
    await dialog.getByRole("button", { name: "Merci beaucoup" }).click();

    await page.getByLabel("Commentaire *", { exact: true }).fill("Merci pour ce reportage !");
    await page.getByLabel("Nom *", { exact: true }).fill("Lectrice GIF");
    await page.getByLabel("E-mail *", { exact: true }).fill("gif@example.net");
    await page.getByRole("button", { name: "Laisser un commentaire", exact: true }).click();

    const posted = page.locator("li.comment", { hasText: "Merci pour ce reportage !" });
    const img = posted.getByRole("img", { name: "Merci beaucoup" });
    await img.waitFor();
    expect(await img.getAttribute("src")).toMatch(/^\/gifs\/media\//);
    expect(await img.getAttribute("width")).toBe("200");
    expect(await img.getAttribute("loading")).toBe("lazy");
    await expect.poll(() => img.evaluate((el) => (el as HTMLImageElement).naturalWidth)).toBe(200);
    expect(fromProvider()).toEqual([]);

    // After a reload, as every reader sees it.
    await page.reload();
    await page
      .locator("li.comment", { hasText: "Merci pour ce reportage !" })
      .getByRole("img", { name: "Merci beaucoup" })
      .waitFor();
    expect(fromProvider()).toEqual([]);
  });

  it("says so in the picker when the provider fails, and the comment still posts", async () => {
    fake.mode = "500";
    const { page } = await open();
    await page.goto(article);
    await page.getByRole("button", { name: "Ajouter un GIF" }).click();
    const dialog = page.getByRole("dialog", { name: "Choisir un GIF" });
    // The picker's script arrives after the click: type once its search field is there.
    await dialog.getByLabel("Chercher un GIF").fill("introuvable");
    await dialog.getByText("GIF indisponibles pour le moment.").waitFor();
    await dialog.getByRole("button", { name: "Fermer" }).click();
    await expect.poll(() => dialog.isVisible()).toBe(false);
    await page.getByLabel("Commentaire *", { exact: true }).fill("Sans GIF, tant pis.");
    await page.getByLabel("Nom *", { exact: true }).fill("Lecteur patient");
    await page.getByLabel("E-mail *", { exact: true }).fill("patient@example.net");
    await page.getByRole("button", { name: "Laisser un commentaire", exact: true }).click();
    const posted = page.locator("li.comment", { hasText: "Sans GIF, tant pis." });
    await posted.waitFor();
    expect(await posted.locator(".comment-gif").count()).toBe(0);
    // Neither the picker nor the discussion says anything of the configuration or the failure.
    for (const part of [page.locator("dialog.gif-picker"), page.locator("#comments")])
      expect(await part.evaluate((el) => el.textContent)).not.toMatch(
        /key|clé|Internal|500|erreur/i,
      );
    fake.mode = "ok";
  });

  it("says GIFs are unavailable when not one preview of the list loads", async () => {
    const { page } = await open();
    // The list comes from Kiosque's cache, but the provider is down: every preview answers 404.
    await page.route("**/gifs/preview/**", (route) => route.fulfill({ status: 404 }));
    await page.goto(article);
    await page.getByRole("button", { name: "Ajouter un GIF" }).click();
    const dialog = page.getByRole("dialog", { name: "Choisir un GIF" });
    await dialog.getByText("GIF indisponibles pour le moment.").waitFor();
    expect(await dialog.locator(".gif-results li").count()).toBe(0);
    expect(await dialog.getByText("GIF du moment").count()).toBe(0);
  });

  it("has no GIF button with no provider configured", async () => {
    await server.cli("settings", "set", "gif.provider", "disabled");
    const { page } = await open();
    await page.goto(article);
    await page.locator("#comment-form").waitFor();
    expect(await page.getByRole("button", { name: "Ajouter un GIF" }).count()).toBe(0);
    expect(await page.locator("#gif-button").count()).toBe(0);
  });
});
