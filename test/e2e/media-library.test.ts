import http from "node:http";
import type { AddressInfo } from "node:net";
import { h } from "preact";
import type { Browser, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { SECURITY_HEADERS } from "../../src/http/security.js";
import { MediaPickerButton } from "../../src/web/components/media-picker-button.js";
import { RichTextField } from "../../src/web/components/rich-text-field.js";
import { renderNewsroomPage } from "../../src/web/document.js";
import { editorLabels } from "../../src/web/i18n/editor.js";
import { formatter } from "../../src/web/i18n/format.js";
import { messages } from "../../src/web/i18n/index.js";
import { mediaPickerLabels } from "../../src/web/i18n/media-picker.js";
import type { Site } from "../../src/web/site.js";
import * as images from "../fixtures/media/images.js";
import { seriousViolations } from "../helpers/axe.js";
import { launchBrowser, readers } from "../helpers/browser.js";
import { startServer, type RunningServer } from "../helpers/server.js";
import { assetUrls } from "../../src/http/assets.js";

/**
 * The media library in Chromium, against the real server: an upload without JavaScript, and the
 * picker on a page that holds it as the article form will (a rich-text field with its button, the
 * featured image's inputs with theirs). That page is served by a small proxy in front of the
 * server, so that it and the newsroom share one origin: the picker's fetches carry the staff
 * cookie and pass the cross-site check as they will in the article form.
 */

const t = messages("fr");
const M = t.newsroom.media;
const L = mediaPickerLabels.fr;
const EDITOR = { email: "media-editor@redaction.example", password: "un mot de passe solide" };
const BODY_LABEL = "Corps de l’article";

/** The writing page: the body with an "insert" button, the featured image with a "choose" one. */
function writingPage(withEditor: boolean): string {
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
  const input = (id: string, label: string, type = "text") => [
    h("label", { for: id }, label),
    h("input", { id, name: id, type }),
  ];
  const form = h(
    "form",
    { method: "post", action: "/publier" },
    h(RichTextField, {
      id: "body",
      name: "body",
      label: BODY_LABEL,
      value: "<p>Le port.</p>",
      labels: editorLabels.fr,
    }),
    h(MediaPickerButton, { t, id: "insert-image", target: "body" }),
    h(
      "fieldset",
      {},
      h("legend", {}, "Image à la une"),
      ...input("image_media_id", "Numéro de l’image", "number"),
      ...input("image_alt", "Texte alternatif de l’image à la une"),
      ...input("image_caption", "Légende de l’image à la une"),
      ...input("image_credit", "Crédit de l’image à la une"),
      h(MediaPickerButton, {
        t,
        id: "featured-image",
        fill: {
          id: "image_media_id",
          alt: "image_alt",
          caption: "image_caption",
          credit: "image_credit",
        },
      }),
    ),
  );
  return renderNewsroomPage(
    site,
    t,
    undefined,
    {
      title: "Écrire",
      scripts: withEditor
        ? [assets.editorIsland, assets.mediaPickerIsland]
        : [assets.mediaPickerIsland],
      styles: [assets.editorCss],
    },
    [h("h1", {}, "Écrire"), form],
  );
}

/**
 * The writing page at /ecrire (and at /ecrire-sans-editeur without the editor, as when it fails
 * to start); everything else goes to the server, unchanged.
 */
function startProxy(target: string) {
  const upstream = new URL(target);
  return http.createServer((req, res) => {
    if (req.method === "GET" && (req.url === "/ecrire" || req.url === "/ecrire-sans-editeur")) {
      for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
      res.setHeader("content-type", "text/html; charset=utf-8");
      return res.end(writingPage(req.url === "/ecrire"));
    }
    const forward = http.request(
      {
        host: upstream.hostname,
        port: upstream.port,
        method: req.method,
        path: req.url,
        headers: req.headers,
      },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    forward.on("error", () => res.writeHead(502).end());
    req.pipe(forward);
  });
}

describe("the media library in Chromium", () => {
  let server: RunningServer;
  let proxy: http.Server;
  let browser: Browser;
  let people: ReturnType<typeof readers>;
  let jpeg: Buffer;

  beforeAll(async () => {
    server = await startServer();
    await server.cli(
      "user",
      "create",
      "--email",
      EDITOR.email,
      "--password",
      EDITOR.password,
      "--role",
      "editor",
      "--name",
      "Élise Éditrice",
    );
    proxy = startProxy(server.url);
    await new Promise<void>((resolve) => proxy.listen(0, "127.0.0.1", resolve));
    browser = await launchBrowser();
    people = readers(browser, `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`);
    jpeg = await images.jpegWithGps();
  });
  afterEach(() => people.closeAll());
  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => proxy?.close(resolve));
    await server?.stop();
  });

  async function signIn(page: Page) {
    await page.goto("/admin/connexion");
    await page.getByLabel("E-mail").fill(EDITOR.email);
    await page.getByLabel("Mot de passe").fill(EDITOR.password);
    await page.getByRole("button", { name: "Se connecter" }).click();
    await page.waitForURL(/\/admin$/);
  }

  it("uploads a JPEG without JavaScript and lists it; a refused file keeps the texts", async () => {
    const { page } = await people.open({ javaScript: false, allowConsole: [/status of 422/] });
    await signIn(page);
    await page.getByRole("link", { name: M.title }).click();
    await page.waitForURL(/\/admin\/medias$/);

    // An SVG is refused, with the message on the file and the texts as typed.
    await page.getByLabel(M.upload.file).setInputFiles({
      name: "dessin.svg",
      mimeType: "image/svg+xml",
      buffer: images.svgWithScript(),
    });
    await page.getByLabel(M.alt, { exact: true }).fill("Le port de Brest au matin");
    await page.getByRole("button", { name: M.upload.submit }).click();
    await page.getByText(t.problems.notImage).waitFor();
    await page.getByText(M.upload.reselect).waitFor();
    expect(await page.getByLabel(M.alt, { exact: true }).inputValue()).toBe(
      "Le port de Brest au matin",
    );

    await page.getByLabel(M.upload.file).setInputFiles({
      name: "port-de-brest.jpg",
      mimeType: "image/jpeg",
      buffer: jpeg,
    });
    await page.getByLabel(M.credit, { exact: true }).fill("Photo : A. Martin");
    await page.getByRole("button", { name: M.upload.submit }).click();
    await page.waitForURL(/\/admin\/medias\/\d+\?done=uploaded$/);
    await page.getByText(M.uploaded).waitFor();
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("port-de-brest.jpg");

    await page.getByRole("link", { name: M.back }).click();
    const card = page.locator(".media-card", { hasText: "port-de-brest.jpg" });
    await card.waitFor();
    expect(await card.textContent()).toContain("Le port de Brest au matin");
    expect(await card.locator("img").getAttribute("alt")).toBe("Le port de Brest au matin");
  });

  it("without JavaScript, offers the library in a new tab instead of the picker buttons", async () => {
    const { page } = await people.open({ javaScript: false });
    await page.goto("/ecrire");
    const links = page.getByRole("link", { name: M.picker.fallback });
    expect(await links.count()).toBe(2);
    expect(await links.first().getAttribute("href")).toBe("/admin/medias");
    expect(await links.first().getAttribute("target")).toBe("_blank");
    expect(await page.getByRole("button", { name: M.picker.insert }).isVisible()).toBe(false);
  });

  it("inserts an uploaded image into the text, and fills the featured image from the library", async () => {
    const { page } = await people.open({ allowConsole: [/status of 422/] });
    await signIn(page);
    await page.goto("/ecrire");
    await page.locator('textarea#body[data-editor-ready="true"]').waitFor({ state: "attached" });
    expect(await page.getByRole("link", { name: M.picker.fallback }).first().isVisible()).toBe(
      false,
    );

    // Into the text, where the cursor is: upload in the dialog, check the words, insert.
    await page.getByRole("textbox", { name: BODY_LABEL, exact: true }).click();
    await page.keyboard.press("Control+End");
    await page.getByRole("button", { name: M.picker.insert }).click();
    const dialog = page.getByRole("dialog", { name: L.title });
    await dialog.waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    // A file that is no image: the server's message on the file, in the dialog.
    await dialog.getByLabel(L.upload.file).setInputFiles({
      name: "digue.jpg",
      mimeType: "image/jpeg",
      buffer: images.svgWithScript(),
    });
    await dialog.getByRole("button", { name: L.upload.submit, exact: true }).click();
    await dialog.getByText(t.problems.notImage).waitFor();
    const fileInput = dialog.getByLabel(L.upload.file);
    expect(await fileInput.getAttribute("aria-invalid")).toBe("true");
    expect(await fileInput.evaluate((el) => el === document.activeElement)).toBe(true);
    await dialog.getByLabel(L.upload.file).setInputFiles({
      name: "digue.jpg",
      mimeType: "image/jpeg",
      buffer: await images.jpegWithGps(640, 480),
    });
    await dialog.getByLabel(L.details.alt).first().fill("La digue sous la pluie");
    await dialog.getByLabel(L.details.caption).first().fill("La digue, un soir d’hiver.");
    await dialog.getByLabel(L.details.credit).first().fill("Photo : B. Le Goff");
    await dialog.getByRole("button", { name: L.upload.submit, exact: true }).click();
    await dialog.getByRole("heading", { name: L.details.title }).waitFor();
    const alt = dialog.getByLabel(L.details.alt).last();
    expect(await alt.inputValue()).toBe("La digue sous la pluie");
    expect(await alt.evaluate((el) => el === document.activeElement)).toBe(true);
    await dialog.getByRole("button", { name: L.details.insert }).click();
    await dialog.waitFor({ state: "hidden" });
    const body = await page.locator("textarea#body").inputValue();
    expect(body).toMatch(
      /^<p>Le port\.<\/p><figure class="image"><img src="\/media\/[A-Za-z0-9_-]+\/original-[A-Za-z0-9_-]+\.jpg" alt="La digue sous la pluie" width="640" height="480"><figcaption>La digue, un soir d’hiver\. <small class="credit">Photo : B\. Le Goff<\/small><\/figcaption><\/figure>$/,
    );

    // The featured image: chosen from the list, its alternative text required.
    await page.getByRole("button", { name: M.picker.choose }).click();
    await dialog.waitFor();
    await dialog.getByRole("searchbox", { name: L.search }).fill("introuvable");
    await dialog.getByRole("button", { name: L.searchSubmit }).click();
    await dialog.getByText(L.empty).waitFor();
    await dialog.getByRole("searchbox", { name: L.search }).fill("digue");
    await dialog.getByRole("button", { name: L.searchSubmit }).click();
    await dialog.getByRole("button", { name: "La digue sous la pluie" }).click();
    const chosenAlt = dialog.getByLabel(L.details.alt).last();
    await chosenAlt.fill("");
    await dialog.getByRole("button", { name: L.details.use }).click();
    await dialog.getByText(L.details.altRequired).waitFor();
    expect(await chosenAlt.getAttribute("aria-invalid")).toBe("true");
    await chosenAlt.fill("La digue, vue du quai");
    await dialog.getByRole("button", { name: L.details.use }).click();
    await dialog.waitFor({ state: "hidden" });

    const value = (id: string) => page.locator(`#${id}`).inputValue();
    expect(Number(await value("image_media_id"))).toBeGreaterThan(0);
    expect(await value("image_alt")).toBe("La digue, vue du quai");
    expect(await value("image_caption")).toBe("La digue, un soir d’hiver.");
    expect(await value("image_credit")).toBe("Photo : B. Le Goff");
    const preview = page.locator("#featured-image-preview img");
    expect(await preview.getAttribute("alt")).toBe("La digue, vue du quai");
    expect(await preview.getAttribute("src")).toMatch(/^\/media\//);
    // Focus comes back to the button that opened the dialog.
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("featured-image");
  });

  it("writes the figure into the textarea itself when the editor is not there", async () => {
    const { page } = await people.open();
    await signIn(page);
    await page.goto("/ecrire-sans-editeur");
    await page.getByRole("button", { name: M.picker.insert }).click();
    const dialog = page.getByRole("dialog", { name: L.title });
    await dialog.getByLabel(L.upload.file).setInputFiles({
      name: "phare.gif",
      mimeType: "image/gif",
      buffer: await images.gif(),
    });
    await dialog.getByLabel(L.details.credit).first().fill("Photo : C. Kervella");
    await dialog.getByRole("button", { name: L.upload.submit, exact: true }).click();
    await dialog.getByRole("heading", { name: L.details.title }).waitFor();
    await dialog.getByLabel(L.details.alt).last().fill('Le "phare" <b>sous</b> la pluie & le vent');
    await dialog.getByRole("button", { name: L.details.insert }).click();
    await dialog.waitFor({ state: "hidden" });
    const parsed = await page.locator("textarea#body").evaluate((el) => {
      const html = (el as HTMLTextAreaElement).value;
      const doc = new DOMParser().parseFromString(html, "text/html");
      return {
        starts: html.startsWith('<p>Le port.</p><figure class="image">'),
        alt: doc.querySelector("figure.image img")?.getAttribute("alt"),
        bold: doc.querySelectorAll("b").length,
        credit: doc.querySelector("figcaption small.credit")?.textContent,
      };
    });
    expect(parsed).toEqual({
      starts: true,
      alt: 'Le "phare" <b>sous</b> la pluie & le vent',
      bold: 0,
      credit: "Photo : C. Kervella",
    });
  });
});
