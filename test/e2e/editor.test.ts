import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { h } from "preact";
import type { Browser, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { SECURITY_HEADERS } from "../../src/http/security.js";
import { isOnSite } from "../../src/lib/on-site.js";
import { sanitizeArticleHtml } from "../../src/lib/sanitize.js";
import { RichTextField } from "../../src/web/components/rich-text-field.js";
import { renderPage } from "../../src/web/document.js";
import { editorLabels } from "../../src/web/i18n/editor.js";
import { formatter } from "../../src/web/i18n/format.js";
import { messages } from "../../src/web/i18n/index.js";
import type { Site } from "../../src/web/site.js";
import { launchBrowser, readers } from "../helpers/browser.js";
import { root, testAssetsDir } from "../helpers/paths.js";
import { assetUrls } from "../../src/http/assets.js";

/**
 * The newsroom's rich-text editor in Chromium: a page holding the RichTextField in a form, served
 * with the built assets and the site's own security headers (its CSP allows no inline style or
 * script), as the article form will hold it. The form posts to this test's server, which keeps
 * what it received.
 */

const LABEL = "Corps de l’article";
const L = editorLabels.fr;
const YOUTUBE = "https://www.youtube.com/watch?v=dQw4w9WgXcQ";
/** The site's public URL, as the newsroom layout says it: the test's server is reached by another. */
const PUBLIC_URL = "https://journal.exemple.fr";

const PICTURE =
  '<svg xmlns="http://www.w3.org/2000/svg" width="120" height="80"><rect width="120" height="80" fill="#0b4f8a"/></svg>';

const TYPES: Record<string, string> = {
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".svg": "image/svg+xml",
};

function editorPage(value: string): string {
  const t = messages("fr");
  const assets = assetUrls((file) => `/assets/${file}`);
  const site: Site = {
    name: "Le Kiosque",
    description: "",
    t,
    fmt: formatter(t, "Europe/Paris"),
    categories: [],
    footerLinks: [],
    assets,
    canonical: (p) => p,
  };
  const form = h(
    "form",
    { method: "post", action: "/publier" },
    h("p", { id: "body-hint" }, "Le texte de l’article."),
    h(RichTextField, {
      id: "body",
      name: "body",
      label: LABEL,
      value,
      labels: L,
      describedBy: "body-hint",
    }),
    h("button", { type: "submit" }, "Publier"),
  );
  return renderPage(
    site,
    { title: "Écrire", noindex: true, scripts: [assets.editorIsland], styles: [assets.editorCss] },
    h("div", { "data-public-url": PUBLIC_URL }, form),
  );
}

/** The editing page, the assets, and a form target that keeps each post's fields. */
function startEditorServer(initial: { value: string }) {
  const posts: URLSearchParams[] = [];
  const server = http.createServer((req, res) => {
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
    const url = new URL(req.url ?? "/", "http://localhost");
    if (req.method === "GET" && url.pathname === "/") {
      res.setHeader("content-type", "text/html; charset=utf-8");
      return res.end(editorPage(initial.value));
    }
    if (req.method === "GET" && url.pathname.startsWith("/assets/")) {
      const file = path.join(testAssetsDir, path.basename(url.pathname));
      if (!fs.existsSync(file)) return res.writeHead(404).end();
      res.setHeader("content-type", TYPES[path.extname(file)] ?? "application/octet-stream");
      return res.end(fs.readFileSync(file));
    }
    // The media library's pictures, all the same small drawing here.
    if (req.method === "GET" && url.pathname.startsWith("/media/")) {
      res.setHeader("content-type", "image/svg+xml");
      return res.end(PICTURE);
    }
    // Chromium asks for it whatever the page links; the app redirects it to the icon.
    if (url.pathname === "/favicon.ico") return res.writeHead(204).end();
    if (req.method === "POST" && url.pathname === "/publier") {
      let body = "";
      req.on("data", (chunk: Buffer) => (body += chunk.toString("utf8")));
      req.on("end", () => {
        posts.push(new URLSearchParams(body));
        res.setHeader("content-type", "text/html; charset=utf-8");
        res.end("<!doctype html><title>Reçu</title><p>Reçu</p>");
      });
      return;
    }
    res.writeHead(404).end();
  });
  return { server, posts };
}

describe("the rich-text editor in Chromium", () => {
  let browser: Browser;
  let people: ReturnType<typeof readers>;
  const initial = { value: "" };
  const { server, posts } = startEditorServer(initial);

  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as AddressInfo;
    browser = await launchBrowser();
    people = readers(browser, `http://127.0.0.1:${port}`);
  });
  afterEach(async () => {
    initial.value = "";
    await people.closeAll();
  });
  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => server.close(resolve));
  });

  const editorOf = (page: Page) => page.getByRole("textbox", { name: LABEL, exact: true });
  const button = (page: Page, name: string) => page.getByRole("button", { name, exact: true });
  /** What the form would post: the hidden textarea's value. */
  const posted = (page: Page) => page.locator("textarea#body").inputValue();

  /** Pastes a saved clipboard (test/fixtures/paste/) into the editor, as a browser hands it over. */
  const pasteFixture = async (page: Page, name: string) => {
    const html = fs.readFileSync(path.join(root, "test/fixtures/paste", name), "utf8");
    await editorOf(page).evaluate((el, data) => {
      const clipboardData = new DataTransfer();
      clipboardData.setData("text/html", data);
      clipboardData.setData("text/plain", "Le port de Brest se prépare");
      el.dispatchEvent(
        new ClipboardEvent("paste", { clipboardData, bubbles: true, cancelable: true }),
      );
    }, html);
  };

  async function open(value = "", allowConsole: RegExp[] = []): Promise<Page> {
    initial.value = value;
    const { page } = await people.open({ allowConsole });
    await page.goto("/");
    await editorOf(page).waitFor();
    return page;
  }

  /**
   * The dialog has done its work: it leaves the page in the same task as it hands its values to
   * the editor. (Its role is gone earlier, as soon as it closes.)
   */
  const closed = (page: Page) => page.locator("dialog").waitFor({ state: "detached" });

  async function dialogAsks(page: Page, title: string) {
    const dialog = page.getByRole("dialog", { name: title });
    await dialog.waitFor();
    return dialog;
  }

  it("replaces the textarea with a labelled editor and a named toolbar", async () => {
    const page = await open("<p>Premier paragraphe.</p>");
    expect(await page.locator("textarea#body").isHidden()).toBe(true);
    const editor = editorOf(page);
    expect(await editor.getAttribute("aria-multiline")).toBe("true");
    expect(await editor.getAttribute("aria-labelledby")).toBe("body-label");
    expect(await editor.getAttribute("aria-describedby")).toBe("body-hint");
    expect(await editor.textContent()).toBe("Premier paragraphe.");
    const toolbar = page.getByRole("toolbar", { name: L.toolbar });
    for (const name of [L.heading2, L.heading3, L.bold, L.italic, L.link, L.bulletList])
      await toolbar.getByRole("button", { name, exact: true }).waitFor();
    for (const name of [L.orderedList, L.blockquote, L.image, L.embed, L.undo, L.redo])
      await toolbar.getByRole("button", { name, exact: true }).waitFor();
    expect(await button(page, L.bold).getAttribute("aria-pressed")).toBe("false");
    // A click on the label goes to the editor.
    await page.getByText(LABEL, { exact: true }).click();
    expect(await editor.evaluate((el) => el === document.activeElement)).toBe(true);
    // One stop for the whole toolbar on the way back with Shift+Tab, then arrow keys inside it.
    await page.keyboard.press("Shift+Tab");
    const focused = () => page.evaluate(() => document.activeElement?.textContent);
    expect(await focused()).toBe(L.heading2);
    await page.keyboard.press("ArrowRight");
    expect(await focused()).toBe(L.heading3);
    await page.keyboard.press("ArrowLeft");
    await page.keyboard.press("ArrowLeft");
    // Undo and redo are disabled with nothing to undo: the arrows pass them by.
    expect(await focused()).toBe(L.embed);
    await page.keyboard.press("Home");
    expect(await focused()).toBe(L.heading2);
    await page.keyboard.press("Tab");
    expect(await editor.evaluate((el) => el === document.activeElement)).toBe(true);
    // Nothing changed yet: the field still holds what the page gave it.
    expect(await posted(page)).toBe("<p>Premier paragraphe.</p>");
  });

  it("writes each change back into the textarea with an input event, and the form posts it", async () => {
    const page = await open();
    await page.evaluate(() => {
      const w = window as unknown as { inputs: number };
      w.inputs = 0;
      // The editor's form (the page's chrome has a search form too).
      document.querySelector("textarea")?.form?.addEventListener("input", () => w.inputs++);
    });
    await editorOf(page).click();
    await page.keyboard.type("Le conseil municipal a voté.");
    expect(await posted(page)).toBe("<p>Le conseil municipal a voté.</p>");
    expect(await page.evaluate(() => (window as unknown as { inputs: number }).inputs)).toBe(
      "Le conseil municipal a voté.".length,
    );

    const received = page.waitForURL("**/publier");
    await button(page, "Publier").click();
    await received;
    expect(posts.at(-1)?.get("body")).toBe("<p>Le conseil municipal a voté.</p>");
  });

  it("makes text bold from the toolbar and from Markdown shortcuts, and headings from ##", async () => {
    const page = await open();
    await editorOf(page).click();
    await page.keyboard.type("Un mot important");
    for (let i = 0; i < "important".length; i++) await page.keyboard.press("Shift+ArrowLeft");
    await button(page, L.bold).click();
    expect(await button(page, L.bold).getAttribute("aria-pressed")).toBe("true");
    expect(await posted(page)).toBe("<p>Un mot <strong>important</strong></p>");

    await page.keyboard.press("End");
    await page.keyboard.press("Enter");
    await page.keyboard.type("## Les quais d’abord");
    await page.keyboard.press("Enter");
    await page.keyboard.type("Du **gras** et un mot en *italique*.");
    await page.keyboard.press("Enter");
    await page.keyboard.type("> Une citation");
    await page.keyboard.press("Enter");
    await page.keyboard.press("Enter");
    await page.keyboard.type("- un point");
    await page.keyboard.press("Enter");
    await page.keyboard.press("Enter");
    await page.keyboard.type("1. un numéro");
    expect(await posted(page)).toBe(
      "<p>Un mot <strong>important</strong></p>" +
        "<h2>Les quais d’abord</h2>" +
        "<p>Du <strong>gras</strong> et un mot en <em>italique</em>.</p>" +
        "<blockquote><p>Une citation</p></blockquote>" +
        "<ul><li><p>un point</p></li></ul>" +
        "<ol><li><p>un numéro</p></li></ol>",
    );
    expect(await button(page, L.heading2).getAttribute("aria-pressed")).toBe("false");
    await editorOf(page).getByRole("heading", { level: 2 }).click();
    expect(await button(page, L.heading2).getAttribute("aria-pressed")).toBe("true");
    expect(await button(page, L.bold).getAttribute("aria-pressed")).toBe("false");

    const before = await posted(page);
    await button(page, L.undo).click();
    expect(await posted(page)).not.toContain("un numéro");
    expect(await button(page, L.redo).isEnabled()).toBe(true);
    await button(page, L.redo).click();
    expect(await posted(page)).toBe(before);
  });

  it("links a selection through the dialog and refuses a javascript: address", async () => {
    const page = await open("<p>Lire la délibération.</p>");
    await editorOf(page).click();
    await page.keyboard.press("End");
    await page.keyboard.press("ArrowLeft");
    for (let i = 0; i < "délibération".length; i++) await page.keyboard.press("Shift+ArrowLeft");
    // Ctrl+K, as in most editors, asks for the link too.
    await page.keyboard.press("Control+k");
    const dialog = await dialogAsks(page, L.dialog.linkTitle);
    const url = dialog.getByLabel(L.dialog.linkUrl, { exact: true });
    await url.fill("javascript:alert(1)");
    await dialog.getByRole("button", { name: L.dialog.apply }).click();
    await dialog.getByText(L.problems.linkUrl).waitFor();
    expect(await url.getAttribute("aria-invalid")).toBe("true");
    expect(await url.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await posted(page)).toBe("<p>Lire la délibération.</p>");

    await url.fill("mairie.exemple.fr/deliberations");
    await dialog.getByRole("button", { name: L.dialog.apply }).click();
    await closed(page);
    expect(await posted(page)).toBe(
      '<p>Lire la <a href="https://mairie.exemple.fr/deliberations">délibération</a>.</p>',
    );
    expect(await editorOf(page).evaluate((el) => el === document.activeElement)).toBe(true);
    // A click on the link in the editor places the cursor; it does not leave the page.
    await editorOf(page).getByRole("link").click();
    expect(new URL(page.url()).pathname).toBe("/");
    expect(await button(page, L.link).getAttribute("aria-pressed")).toBe("true");
    // The dialog shows the link's address; emptied, it takes the link away.
    await button(page, L.link).click();
    const again = await dialogAsks(page, L.dialog.linkTitle);
    const field = again.getByLabel(L.dialog.linkUrl, { exact: true });
    expect(await field.inputValue()).toBe("https://mairie.exemple.fr/deliberations");
    await field.fill("");
    await again.getByRole("button", { name: L.dialog.apply }).click();
    await closed(page);
    expect(await posted(page)).toBe("<p>Lire la délibération.</p>");
  });

  it("inserts an embed as a link card, never an iframe", async () => {
    const page = await open("<p>Avant.</p>");
    await editorOf(page).click();
    await page.keyboard.press("End");
    await button(page, L.embed).click();
    const dialog = await dialogAsks(page, L.dialog.embedTitle);
    const url = dialog.getByLabel(L.dialog.embedUrl, { exact: true });
    await url.fill("data:text/html,<script>alert(1)</script>");
    await dialog.getByRole("button", { name: L.dialog.insert }).click();
    await dialog.getByText(L.problems.embedUrl).waitFor();
    await url.fill(`  ${YOUTUBE}  `);
    await dialog.getByRole("button", { name: L.dialog.insert }).click();
    await closed(page);

    const embed = `<figure class="embed" data-provider="youtube"><a href="${YOUTUBE}">${YOUTUBE}</a></figure>`;
    expect(await posted(page)).toBe(`<p>Avant.</p>${embed}`);
    expect(await page.locator("iframe").count()).toBe(0);
    const card = editorOf(page).locator("figure.embed");
    expect(await card.evaluate((el) => getComputedStyle(el, "::before").content)).toBe('"YouTube"');
    // What the editor stores is what the allowlist keeps (it adds rel to every link).
    expect(sanitizeArticleHtml(embed)).toBe(
      embed.replace(`">${YOUTUBE}`, `" rel="noopener noreferrer">${YOUTUBE}`),
    );
  });

  it("inserts a figure with caption and credit from the media library's event", async () => {
    const page = await open("<p>Le port.</p>");
    await editorOf(page).click();
    await page.keyboard.press("End");
    await page.evaluate(() => {
      const detail = {
        src: "/media/12/port.jpg",
        alt: "Le port de Brest au matin",
        caption: "Le port de Brest.",
        credit: "Photo : A. Martin",
        width: 1200,
        height: 800,
      };
      document
        .querySelector("textarea#body")
        ?.dispatchEvent(new CustomEvent("kiosque:insert-image", { detail }));
    });
    const figure =
      '<figure class="image"><img src="/media/12/port.jpg" alt="Le port de Brest au matin" width="1200" height="800">' +
      '<figcaption>Le port de Brest. <small class="credit">Photo : A. Martin</small></figcaption></figure>';
    expect(await posted(page)).toBe(`<p>Le port.</p>${figure}`);
    expect(sanitizeArticleHtml(figure)).toBe(
      figure.replace('height="800">', 'height="800" loading="lazy" />'),
    );

    // A hostile detail inserts nothing.
    await page.evaluate(() => {
      document.querySelector("textarea#body")?.dispatchEvent(
        new CustomEvent("kiosque:insert-image", {
          detail: { src: "javascript:alert(1)", alt: "x" },
        }),
      );
    });
    expect(await posted(page)).toBe(`<p>Le port.</p>${figure}`);
  });

  it("asks for an image in a dialog when there is no media library, alt text required", async () => {
    const page = await open("<p>Texte.</p>");
    await editorOf(page).click();
    await button(page, L.image).click();
    const dialog = await dialogAsks(page, L.dialog.imageTitle);
    await dialog.getByLabel(L.dialog.imageUrl, { exact: true }).fill("/media/3/digue.jpg");
    await dialog.getByRole("button", { name: L.dialog.insert }).click();
    const alt = dialog.getByLabel(L.dialog.imageAlt, { exact: true });
    await dialog.getByText(L.problems.required).waitFor();
    expect(await alt.getAttribute("aria-invalid")).toBe("true");
    await alt.fill("La digue sous la pluie");
    await dialog.getByLabel(L.dialog.imageCredit, { exact: true }).fill("Photo : B. Le Goff");
    await dialog.getByRole("button", { name: L.dialog.insert }).click();
    await closed(page);
    expect(await posted(page)).toContain(
      '<figure class="image"><img src="/media/3/digue.jpg" alt="La digue sous la pluie"><figcaption><small class="credit">Photo : B. Le Goff</small></figcaption></figure>',
    );

    // With the figure chosen, the same button edits its words.
    await editorOf(page).locator("figure.image").click();
    await button(page, L.image).click();
    const again = await dialogAsks(page, L.dialog.imageTitle);
    expect(await again.getByLabel(L.dialog.imageAlt, { exact: true }).inputValue()).toBe(
      "La digue sous la pluie",
    );
    await again.getByLabel(L.dialog.imageCaption, { exact: true }).fill("La digue, lundi.");
    await again.getByRole("button", { name: L.dialog.apply }).click();
    await closed(page);
    expect(await posted(page)).toContain(
      '<figcaption>La digue, lundi. <small class="credit">Photo : B. Le Goff</small></figcaption>',
    );
  });

  it("puts the cursor in the text after an inserted figure or card, so typing never replaces it", async () => {
    const page = await open("<p>Texte.</p>");
    await editorOf(page).click();
    await page.keyboard.press("End");
    await button(page, L.image).click();
    const dialog = await dialogAsks(page, L.dialog.imageTitle);
    await dialog.getByLabel(L.dialog.imageUrl, { exact: true }).fill("/media/3/digue.jpg");
    await dialog.getByLabel(L.dialog.imageAlt, { exact: true }).fill("La digue");
    await dialog.getByRole("button", { name: L.dialog.insert }).click();
    await closed(page);
    await page.keyboard.type("Suite");
    const digue = '<figure class="image"><img src="/media/3/digue.jpg" alt="La digue"></figure>';
    expect(await posted(page)).toBe(`<p>Texte.</p>${digue}<p>Suite</p>`);

    // From the media library, before a paragraph that is already there: the cursor goes into it.
    await page.keyboard.press("ArrowUp");
    await page.keyboard.press("ArrowUp");
    await page.keyboard.press("End");
    await page.evaluate(() => {
      const detail = { src: "/media/12/port.jpg", alt: "Le port" };
      document
        .querySelector("textarea#body")
        ?.dispatchEvent(new CustomEvent("kiosque:insert-image", { detail }));
    });
    await page.keyboard.type("Puis ");
    const port = '<figure class="image"><img src="/media/12/port.jpg" alt="Le port"></figure>';
    expect(await posted(page)).toBe(`<p>Texte.</p>${port}<p>Puis </p>${digue}<p>Suite</p>`);

    // A card, last in the text.
    await editorOf(page).getByText("Suite").click();
    await page.keyboard.press("End");
    await button(page, L.embed).click();
    const embedDialog = await dialogAsks(page, L.dialog.embedTitle);
    await embedDialog.getByLabel(L.dialog.embedUrl, { exact: true }).fill(YOUTUBE);
    await embedDialog.getByRole("button", { name: L.dialog.insert }).click();
    await closed(page);
    await page.keyboard.type("Fin");
    expect(await posted(page)).toBe(
      `<p>Texte.</p>${port}<p>Puis </p>${digue}<p>Suite</p>` +
        `<figure class="embed" data-provider="youtube"><a href="${YOUTUBE}">${YOUTUBE}</a></figure><p>Fin</p>`,
    );
  });

  it("refuses at once an image on another site, which readers' browsers would not load", async () => {
    const page = await open("<p>Texte.</p>");
    await editorOf(page).click();
    await button(page, L.image).click();
    const dialog = await dialogAsks(page, L.dialog.imageTitle);
    const src = dialog.getByLabel(L.dialog.imageUrl, { exact: true });
    await dialog.getByLabel(L.dialog.imageAlt, { exact: true }).fill("Un port");
    // Another host, and this host on another port: both another origin.
    for (const elsewhere of [
      "https://upload.wikimedia.org/pic.jpg",
      "http://127.0.0.1:1/media/4/port.jpg",
    ]) {
      await src.fill(elsewhere);
      await dialog.getByRole("button", { name: L.dialog.insert }).click();
      await dialog.getByText(L.problems.imageElsewhere, { exact: true }).waitFor();
      expect(await src.getAttribute("aria-invalid")).toBe("true");
    }
    expect(L.problems.imageElsewhere).toBe(messages("fr").problems.imageElsewhere);
    expect(await posted(page)).toBe("<p>Texte.</p>");

    // The site's own address, written in full on the name the newsroom was reached by, is the
    // site's: it is kept as its path, which readers load wherever they read from.
    await src.fill(`${new URL(page.url()).origin}/media/4/port.jpg`);
    await dialog.getByRole("button", { name: L.dialog.insert }).click();
    await closed(page);
    expect(await posted(page)).toContain(`<img src="/media/4/port.jpg" alt="Un port">`);
  });

  it("takes an image at the site's public URL, as the server does when the article goes out", async () => {
    // This browser reaches the test's server, not the public URL: the page's CSP keeps it from
    // loading the picture there, and Chromium says so.
    const page = await open("<p>Texte.</p>", [/Content Security Policy/]);
    await editorOf(page).click();
    await button(page, L.image).click();
    const dialog = await dialogAsks(page, L.dialog.imageTitle);
    const src = `${PUBLIC_URL}/media/5/quai.jpg`;
    await dialog.getByLabel(L.dialog.imageUrl, { exact: true }).fill(src);
    await dialog.getByLabel(L.dialog.imageAlt, { exact: true }).fill("Un quai");
    await dialog.getByRole("button", { name: L.dialog.insert }).click();
    await closed(page);
    expect(await posted(page)).toContain(`<img src="${src}" alt="Un quai">`);
    expect(isOnSite(src, PUBLIC_URL)).toBe(true);
  });

  it("reads the stored shapes back and keeps them through an edit", async () => {
    const stored =
      "<h2>Intertitre</h2>" +
      '<p>Un <a href="https://exemple.fr/">lien</a>, du <strong>gras</strong>.</p>' +
      '<figure class="image"><img src="/media/1.jpg" alt="Un port" width="10" height="5"><figcaption>Légende <small class="credit">Crédit</small></figcaption></figure>' +
      `<figure class="embed" data-provider="youtube"><a href="${YOUTUBE}">${YOUTUBE}</a></figure>` +
      // A picture that is a link, as WordPress's often are.
      '<figure class="image"><a href="/media/2.jpg"><img src="/media/2-petit.jpg" alt="La digue"></a></figure>' +
      "<h3>Sous-intertitre</h3><blockquote><p>Citation</p></blockquote><p>Fin.</p>";
    const page = await open(stored);
    await editorOf(page).getByText("Fin.").click();
    await page.keyboard.press("End");
    await page.keyboard.type(" Ajout.");
    expect(await posted(page)).toBe(stored.replace("Fin.", "Fin. Ajout."));
  });

  it("reads a figure written by hand as the editor's image, or as what it holds", async () => {
    const page = await open(
      '<figure><img src="/media/1.jpg" alt="Un port"><figcaption>Le port. <small class="credit">Photo : A. M.</small></figcaption></figure>' +
        '<p>Texte <a href="https://exemple.fr/"><img src="/media/2.jpg" alt="Une digue"></a> suite.</p>' +
        // A caption with a link in it is no image's caption (those are words only): the link stays.
        '<figure><img src="/media/3.jpg" alt="Un quai"><figcaption>Voir <a href="https://exemple.fr/">là</a></figcaption></figure>' +
        "<p>Fin</p>",
    );
    await editorOf(page).getByText("Fin", { exact: true }).click();
    await page.keyboard.press("End");
    await page.keyboard.type(".");
    expect(await posted(page)).toBe(
      '<figure class="image"><img src="/media/1.jpg" alt="Un port"><figcaption>Le port. <small class="credit">Photo : A. M.</small></figcaption></figure>' +
        '<p>Texte</p><figure class="image"><a href="https://exemple.fr/"><img src="/media/2.jpg" alt="Une digue"></a></figure><p> suite.</p>' +
        '<figure class="image"><img src="/media/3.jpg" alt="Un quai"></figure><p>Voir <a href="https://exemple.fr/">là</a></p>' +
        "<p>Fin.</p>",
    );
  });

  it("keeps every element and attribute of the allowlist through an edit and a save", async () => {
    // As the article is stored: through the allowlist (links carry its rel).
    const stored = sanitizeArticleHtml(
      "<p>Le CO<sub>2</sub> du 3<sup>e</sup> arrondissement, selon l’" +
        '<abbr title="Institut national de la statistique">Insee</abbr>.</p>' +
        "<p>Dans <cite>Le Monde</cite>, le maire dit <q>nous verrons</q> ; lancez " +
        '<code>kiosque reindex</code>, voir <a href="https://exemple.fr/doc"><code>la doc</code></a>. ' +
        "<small>Mis à jour à 18 h.</small></p>" +
        '<p><small class="credit">Photo : AFP</small></p>' +
        '<table><thead><tr><th scope="col">Commune</th><th scope="col">Votes</th></tr></thead>' +
        '<tbody><tr><th scope="row">Valmorel</th><td>412</td></tr>' +
        "<tr><td>Saint-Jean</td><td><strong>1 024</strong></td></tr></tbody></table>" +
        "<hr>" +
        "<pre><code>const votes = 412;\n  console.log(votes);</code></pre>" +
        "<pre>Un poème\n  en <em>retrait</em></pre>" +
        "<blockquote><p>Demain, dès l’aube.</p><p>— <cite>Victor Hugo</cite></p></blockquote>" +
        "<p>Ligne un<br>ligne deux.</p><p>Fin</p>",
    );
    const page = await open(stored);
    await editorOf(page).getByText("Fin", { exact: true }).click();
    await page.keyboard.press("End");
    await page.keyboard.type(".");
    const received = page.waitForURL("**/publier");
    await button(page, "Publier").click();
    await received;
    const body = posts.at(-1)?.get("body") ?? "";

    // Written the browser's way (`<hr>`, not `<hr />`), each element's attributes in one order.
    const normalise = (html: string) =>
      page.evaluate((h) => {
        const t = document.createElement("template");
        t.innerHTML = h;
        for (const el of Array.from(t.content.querySelectorAll("*"))) {
          const attrs = Array.from(el.attributes).sort((a, b) => a.name.localeCompare(b.name));
          for (const { name, value } of attrs) {
            el.removeAttribute(name);
            el.setAttribute(name, value);
          }
        }
        return t.innerHTML;
      }, html);
    expect(await normalise(body)).toBe(await normalise(stored.replace(/Fin</, "Fin.<")));
    // What the editor writes is what the allowlist keeps: saved again, nothing changes.
    expect(await normalise(sanitizeArticleHtml(body))).toBe(await normalise(body));
  });

  it("pastes from Google Docs without making everything bold", async () => {
    const page = await open();
    await editorOf(page).click();
    await pasteFixture(page, "google-docs-text.html");
    const out = await posted(page);
    expect(out).toContain("<h2>Le port de Brest se prépare</h2>");
    expect(out).toContain(
      "<p>Le conseil municipal a voté <strong>mardi soir</strong> un budget de <em>douze millions d’euros</em>.</p>",
    );
    expect(out).toContain(
      '<a href="https://mairie.exemple.fr/deliberations/2026-03">la délibération</a>',
    );
    expect(out).not.toMatch(/<strong>Le conseil|style=|docs-internal|<b[ >]|<span/);
    expect(await editorOf(page).locator("strong").count()).toBe(2);
  });

  it("pastes from Word without breaking the page's style policy", async () => {
    const page = await open();
    await editorOf(page).click();
    await pasteFixture(page, "word-desktop.html");
    const out = await posted(page);
    expect(out).toContain("<h2>Le port de Brest se prépare</h2>");
    expect(out).not.toMatch(/mso|style|<o:p/i);
    // Chromium logs a CSP violation a moment after the paste; readers() fails the test on one.
    await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 100)));
  });

  it("leaves the textarea of raw HTML to a browser without JavaScript", async () => {
    initial.value = "<p>Sans <strong>script</strong>.</p>";
    const { page } = await people.open({ javaScript: false });
    await page.goto("/");
    const field = page.getByRole("textbox", { name: LABEL, exact: true });
    expect(await field.evaluate((el) => el.tagName)).toBe("TEXTAREA");
    expect(await field.inputValue()).toBe("<p>Sans <strong>script</strong>.</p>");
    await field.fill("<p>Écrit à la main.</p>");
    const received = page.waitForURL("**/publier");
    await button(page, "Publier").click();
    await received;
    expect(posts.at(-1)?.get("body")).toBe("<p>Écrit à la main.</p>");
  });
});
