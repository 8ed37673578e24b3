import type { Browser, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, readers } from "../helpers/browser.js";
import {
  FAKE_GIF_KEY,
  startFakeGifProvider,
  type FakeGifProvider,
} from "../helpers/fake-gif-provider.js";
import { startServer, type RunningServer } from "../helpers/server.js";
import { typeset } from "../../src/web/typography.js";

/**
 * The moderation desk in Chromium, on the real production server: a moderator clears a queue
 * with the keyboard alone, bulk-approves a filtered queue (and without JavaScript), and bans a
 * client whose next comment is then held.
 */

const MODERATOR = {
  email: "e2e-desk@redaction.example",
  password: "un mot de passe de modération",
};

describe("moderation desk in Chromium", () => {
  let server: RunningServer;
  let fake: FakeGifProvider;
  let browser: Browser;
  let people: ReturnType<typeof readers>;
  let slug: string;
  let n = 0;

  /** A reader's comment, posted as a browser without JavaScript would (from 127.0.0.1). */
  async function postComment(
    body: string,
    email = `lecteur-${++n}@example.net`,
    extra: Record<string, string> = {},
  ) {
    const res = await fetch(`${server.url}/article/${slug}/commentaires`, {
      method: "POST",
      headers: {
        "content-type": "application/x-www-form-urlencoded",
        "sec-fetch-site": "same-origin",
      },
      body: new URLSearchParams({ name: `Lecteur ${n}`, email, website: "", body, ...extra }),
      redirect: "manual",
    });
    expect(res.status).toBe(303);
  }

  async function signIn(page: Page): Promise<void> {
    await page.goto("/admin/connexion");
    await page.getByLabel("E-mail", { exact: false }).fill(MODERATOR.email);
    await page.getByLabel("Mot de passe", { exact: false }).fill(MODERATOR.password);
    await page.keyboard.press("Enter");
    await page.waitForURL(/\/admin$/);
  }

  /** The ids of comments whose text holds `word`, by status, as the CLI lists them. */
  async function statuses(word: string): Promise<Record<string, number>> {
    const { stdout } = await server.cli("comments", "list", "--limit", "500", "--json");
    const counts: Record<string, number> = {};
    for (const line of stdout.trim().split("\n")) {
      const row = JSON.parse(line) as { body: string; status: string };
      if (row.body.includes(word)) counts[row.status] = (counts[row.status] ?? 0) + 1;
    }
    return counts;
  }

  beforeAll(async () => {
    fake = await startFakeGifProvider();
    // Readers may reply with a GIF, which the desk can take away.
    server = await startServer({
      settings: {
        "gif.provider": "giphy",
        "gif.key": FAKE_GIF_KEY,
        "gif.giphyEndpoint": fake.url,
      },
    });
    await server.cli(
      "user",
      "create",
      "--email",
      MODERATOR.email,
      "--password",
      MODERATOR.password,
      "--role",
      "moderator",
      "--name",
      "Mona Modère",
    );
    browser = await launchBrowser();
    people = readers(browser, server.url);
    const home = await (await fetch(`${server.url}/`)).text();
    const slugs = [...new Set([...home.matchAll(/href="\/article\/([^"#?]+)"/g)].map((m) => m[1]))];
    for (const s of slugs) {
      const html = await (await fetch(`${server.url}/article/${s}`)).text();
      if (html.includes('id="comment-form"')) {
        slug = s as string;
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

  it("clears a queue of 20 with the keyboard only: j, a, s, t, the focus on the next each time", async () => {
    for (let i = 0; i < 20; i++) await postComment(`Clavier${i} : un avis à modérer au clavier.`);
    const { page } = await people.open();
    await signIn(page);
    await page.goto("/admin/commentaires?statut=pending&q=modérer%20au%20clavier");
    const items = page.locator("article.desk-comment");
    expect(await items.count()).toBe(20);
    // The shortcuts are written on the page.
    expect(await page.locator("#desk-shortcuts kbd").allTextContents()).toEqual(
      expect.arrayContaining(["j", "k", "a", "s", "t", "r"]),
    );
    await page.keyboard.press("j");
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.id))
      .toMatch(/^desk-comment-/);
    // k and j move without acting.
    await page.keyboard.press("j");
    await page.keyboard.press("k");
    const keys = ["a", "s", "t"];
    for (let i = 0; i < 20; i++) {
      const focused = await page.evaluate(() => document.activeElement?.id ?? "");
      expect(focused, `comment ${i}`).toMatch(/^desk-comment-\d+$/);
      await page.keyboard.press(keys[i % 3] ?? "a");
      if (i < 19) {
        await expect.poll(() => items.count()).toBe(19 - i);
        // The next comment has the focus, and its position was announced… or what was done.
        await expect
          .poll(() => page.evaluate(() => document.activeElement?.id ?? ""))
          .not.toBe(focused);
        expect(await page.locator("#desk-live").textContent()).not.toBe("");
      }
    }
    // The page is done: the desk loads the queue again, now empty.
    await page.getByText("Aucun commentaire en attente : la file est vide.").waitFor();
    expect(await statuses("modérer au clavier")).toEqual({ approved: 7, spam: 7, trash: 6 });
  });

  it("bulk-approves a filtered queue, with JavaScript and without", async () => {
    for (let i = 0; i < 6; i++) await postComment(`Fromage${i} : avis sur le comté affiné.`);
    for (let i = 0; i < 3; i++) await postComment(`Autre${i} : avis sur la météo.`);
    const { page } = await people.open();
    await signIn(page);
    await page.goto("/admin/commentaires?statut=pending&q=comt%C3%A9%20affin%C3%A9");
    expect(await page.locator("article.desk-comment").count()).toBe(6);
    await page.getByLabel("Action", { exact: true }).selectOption("approve");
    await page.getByRole("button", { name: "Appliquer aux 6 commentaires de cette file" }).click();
    await page.getByText("6 commentaires approuvés.").waitFor();
    expect(await statuses("comté affiné")).toEqual({ approved: 6 });
    expect(await statuses("la météo")).toEqual({ pending: 3 });

    // Without JavaScript: a tick, a bulk action on the selection, a redirect back.
    const plain = await people.open({ javaScript: false });
    await signIn(plain.page);
    await plain.page.goto("/admin/commentaires?statut=pending&q=la%20m%C3%A9t%C3%A9o");
    const boxes = plain.page.locator(".desk-select");
    await boxes.nth(0).check();
    await boxes.nth(1).check();
    await plain.page.getByLabel("Action", { exact: true }).selectOption("trash");
    await plain.page.getByRole("button", { name: "Appliquer à la sélection" }).click();
    await plain.page.getByText("2 commentaires mis à la corbeille.").waitFor();
    // One button on one comment, still without JavaScript.
    await plain.page
      .locator("article.desk-comment")
      .first()
      .getByRole("button", { name: "Approuver" })
      .click();
    await plain.page.getByText("1 commentaire approuvé.").waitFor();
    expect(await statuses("la météo")).toEqual({ trash: 2, approved: 1 });
  });

  it("bans a client from its comment; that client's next comment is held", async () => {
    await postComment("Client à bannir : premier message.", "fauteur@example.net");
    const { page } = await people.open();
    await signIn(page);
    await page.goto("/admin/commentaires?statut=pending&q=Client%20%C3%A0%20bannir");
    await page.getByRole("link", { name: /Bannir l’auteur du commentaire/ }).click();
    await page.getByLabel("Cette connexion (adresse IP ou bloc IPv6 /64)").check();
    await page.getByLabel("Les retenir pour modération").check();
    await page.getByLabel("Motif").fill("Messages hors sujet répétés");
    await page.getByRole("button", { name: "Bannir", exact: true }).click();
    await page.getByText("Bannissement enregistré.").waitFor();
    expect(await page.getByText("Messages hors sujet répétés").count()).toBe(1);

    // From now on, first comments are published at once: only the ban can hold this one.
    await server.cli("settings", "set", "comments.holdFirst", "false");
    try {
      await postComment("Après le bannissement : second message.", "autre-adresse@example.net");
      await page.goto("/admin/commentaires?statut=pending&q=Apr%C3%A8s%20le%20bannissement");
      const held = page.locator("article.desk-comment");
      expect(await held.count()).toBe(1);
      expect(await held.locator(".desk-why").textContent()).toContain("bannissement");
    } finally {
      await server.cli("settings", "set", "comments.holdFirst", "true");
    }
  });

  it("removes a GIF inline: the comment keeps the focus, so the next key acts on it", async () => {
    // Kiosque keeps only a GIF its own search offered.
    await fetch(`${server.url}/gifs/trending`);
    for (let i = 0; i < 2; i++)
      await postComment(`GifDesk${i} : un avis avec un GIF.`, undefined, { gif: "bravo1" });
    const { page, navigations } = await people.open();
    await signIn(page);
    await page.goto("/admin/commentaires?statut=pending&q=avis%20avec%20un%20GIF");
    const loads = navigations();
    const items = page.locator("article.desk-comment");
    expect(await items.locator(".desk-gif").count()).toBe(2);
    await page.keyboard.press("j");
    const first = items.first();
    const id = (await first.getAttribute("id")) ?? "";
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe(id);

    await first.getByRole("button", { name: "Retirer le GIF" }).click();
    await page
      .locator("#desk-live")
      .getByText("GIF retiré : le texte du commentaire reste.")
      .waitFor();
    expect(navigations()).toBe(loads);
    expect(await first.locator(".desk-gif").count()).toBe(0);
    expect(await first.getByRole("button", { name: "Retirer le GIF" }).count()).toBe(0);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe(id);
    // The next key is for the same comment: approved, it leaves the queue; the other stays held.
    const text = (await first.locator(".desk-text").textContent())?.trim() ?? "";
    await page.keyboard.press("a");
    await expect.poll(() => items.count()).toBe(1);
    expect(await items.first().locator(".desk-gif").count()).toBe(1);
    const word = text.includes("GifDesk0") ? "GifDesk0" : "GifDesk1";
    expect(await statuses(word)).toEqual({ approved: 1 });
  });

  it("answers a comment with r, inline, as the newsroom", async () => {
    await postComment("Une question pour la rédaction ?", "question@example.net");
    const { page } = await people.open();
    await signIn(page);
    await page.goto("/admin/commentaires?statut=pending&q=question%20pour%20la%20r%C3%A9daction");
    await page.keyboard.press("j");
    await page.keyboard.press("r");
    await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe("TEXTAREA");
    await page.keyboard.type("Bonne question : voici la réponse.");
    await page.keyboard.press("Tab");
    await page.keyboard.press("Enter");
    // Answering a held comment publishes it: it leaves the pending queue.
    await page.getByText("Aucun commentaire en attente : la file est vide.").waitFor();
    const reader = await (await fetch(`${server.url}/article/${slug}`)).text();
    // Shown to readers in French typography (web/typography.ts).
    expect(reader).toContain(typeset("Bonne question : voici la réponse."));
    expect(reader).toContain('<span class="staff-badge">Rédaction</span>');
  });
});
