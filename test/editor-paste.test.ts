import fs from "node:fs";
import path from "node:path";
import * as esbuild from "esbuild";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser } from "./helpers/browser.js";
import { root } from "./helpers/paths.js";

/**
 * The editor's paste cleaner (src/web/islands/editor/paste.ts) in Chromium, whose HTML parser is
 * the one it meets in the newsroom: samples shaped like Google Docs' and Word's clipboard
 * (test/fixtures/paste/, README there) and hostile pastes.
 */
const sample = (name: string) =>
  fs.readFileSync(path.join(root, "test/fixtures/paste", name), "utf8");

describe("cleanPastedHtml", () => {
  let browser: Browser;
  let page: Page;
  const clean = (html: string) =>
    page.evaluate(
      (h) =>
        (
          window as unknown as { paste: { cleanPastedHtml(h: string): string } }
        ).paste.cleanPastedHtml(h),
      html,
    );

  beforeAll(async () => {
    const bundle = await esbuild.build({
      entryPoints: [path.join(root, "src/web/islands/editor/paste.ts")],
      bundle: true,
      write: false,
      format: "iife",
      globalName: "paste",
      platform: "browser",
    });
    browser = await launchBrowser();
    page = await browser.newPage();
    await page.setContent("<!doctype html><title>paste</title>");
    await page.addScriptTag({ content: bundle.outputFiles[0]?.text ?? "" });
  });
  afterAll(async () => {
    await browser?.close();
  });

  /** The cleaner keeps the source's line breaks between blocks; the editor reads them as spaces. */
  const squash = (html: string) => html.replace(/\s+/g, " ").replace(/> </g, "><").trim();

  it("Google Docs: the wrapper is not bold, styled runs are, the rest of the dressing goes", async () => {
    const out = (await clean(sample("google-docs-text.html"))).trim();
    expect(out).toBe(
      "<h2>Le port de Brest se prépare</h2>" +
        "<p>Le conseil municipal a voté <strong>mardi soir</strong> un budget de <em>douze millions d’euros</em>.</p>" +
        '<p><em><strong>« Un tournant »</strong></em>, selon <a href="https://mairie.exemple.fr/deliberations/2026-03">la délibération</a> publiée mercredi.</p>' +
        // Already a heading: its bold run adds nothing.
        "<h2>Les quais d’abord</h2>" +
        "<p>Les travaux commencent en avril.</p>",
    );
  });

  it("Google Docs: a sub-list goes inside its item", async () => {
    expect((await clean(sample("google-docs-lists.html"))).trim()).toBe(
      "<ul><li><p>Les quais</p><ul><li><p><strong>Quai Tabarly</strong></p></li></ul></li><li><p>La digue</p></li></ul>" +
        "<ol><li><p>Avril : les quais</p></li><li><p>Juin : la digue</p></li></ol>",
    );
  });

  it("Word: no Office markup, comments or spacing paragraphs; its list paragraphs become lists", async () => {
    const out = await clean(sample("word-desktop.html"));
    expect(out).not.toMatch(
      /o:p|mso|Mso|class=|style=|lang=|<!--|\[if|file:|<img|<span|<meta|<style|<xml/i,
    );
    expect(squash(out)).toBe(
      "<h2>Le port de Brest se prépare</h2>" +
        '<p>Le conseil municipal a voté <b>mardi soir</b> un budget de <i>douze millions d’euros</i>, selon <a href="https://mairie.exemple.fr/deliberations/2026-03">la délibération</a>.</p>' +
        "<p><b><i>« Un tournant »</i></b>, dit la maire.</p>" +
        "<ul><li>Les quais<ul><li><b>Quai Tabarly</b></li></ul></li><li>La digue</li></ul>" +
        "<p>Le calendrier :</p>" +
        "<ol><li>Avril : les quais</li><li>Juin : la digue</li></ol>",
    );
  });

  it("Word: a list marker in a hidden conditional comment is found too", async () => {
    expect(
      await clean(
        "<p class=MsoListParagraph style='mso-list:l3 level1 lfo4'><!--[if !supportLists]--><span style='mso-list:Ignore'>a)<span>&nbsp; </span></span><!--[endif]-->Premier</p>" +
          "<p class=MsoListParagraph style='mso-list:l3 level1 lfo4'><!--[if !supportLists]--><span style='mso-list:Ignore'>b)<span>&nbsp; </span></span><!--[endif]-->Second</p>",
      ),
    ).toBe("<ol><li>Premier</li><li>Second</li></ol>");
  });

  it("reads a style whose value holds quotes and angle brackets, and nothing inside a value", async () => {
    expect(
      await clean(
        `<p><span style='font:7pt "Times New Roman";font-weight:700' title="a > b style=x">gras</span> <a href="https://ok.example/?style=1" title='style="font-weight:700"'>lien</a></p>`,
      ),
    ).toBe('<p><strong>gras</strong> <a href="https://ok.example/?style=1">lien</a></p>');
  });

  it("says bold and italic with elements, whatever styled them", async () => {
    expect(
      await clean(
        '<p><span style="font-weight: bold">a</span> <span style="FONT-WEIGHT:600 !important">b</span> <span style="font-weight:500">c</span> <span style="font-style:oblique">d</span> <b style="font-weight:400">e</b> <strong>f</strong></p>',
      ),
    ).toBe("<p><strong>a</strong> <strong>b</strong> c <em>d</em> e <strong>f</strong></p>");
  });

  it("keeps a copy made inside the editor whole: figures, credit, card, ProseMirror's slice mark", async () => {
    const html =
      '<figure data-pm-slice="0 0 []" class="image"><img src="/media/1.jpg" alt="Le port" width="1200" height="800"><figcaption>Le port. <small class="credit">A. Martin</small></figcaption></figure>' +
      '<figure class="embed" data-provider="youtube"><a href="https://www.youtube.com/watch?v=x">https://www.youtube.com/watch?v=x</a></figure>';
    expect(await clean(html)).toBe(html);
  });

  it("keeps a copy of the allowlist's other markup whole: table with scopes, listing, abbr, cite, q", async () => {
    // Cut and paste within the editor moves a paragraph this way: nothing in it may be lost.
    const html =
      '<table><thead><tr><th scope="col">Commune</th><th scope="col">Votes</th></tr></thead><tbody><tr><td>Valmorel</td><td>412</td></tr></tbody></table>' +
      "<pre><code>npm ci</code></pre>" +
      '<p>Le CO<sub>2</sub>, l’<abbr title="Institut national de la statistique">Insee</abbr>, <cite>Le Monde</cite>, <q>oui</q>, <code>x</code> <small>petit</small></p>';
    expect(await clean(html)).toBe(html);
    expect(
      await clean('<p><abbr title="Organisation" class="x" style="color:red">ONU</abbr></p>'),
    ).toBe('<p><abbr title="Organisation">ONU</abbr></p>');
  });

  it("drops what a web page would bring along: scripts, frames, handlers, styles, bad links, loose images", async () => {
    const out = await clean(
      '<div class="article" style="color:red"><p onclick="window.__xss=1" id="lead">Texte <u>souligné</u> <font color="red">rouge</font></p></div>' +
        '<script>window.__xss=2</script><style>p{color:red}</style><iframe src="https://evil.example/"></iframe>' +
        '<img src="x" onerror="window.__xss=3"><svg onload="window.__xss=4"><text>svg</text></svg>' +
        '<p><a href="javascript:window.__xss=5">lien piégé</a> <a href="data:text/html,x">data</a> <a href="https://ok.example/">sûr</a></p>',
    );
    expect(out).toBe(
      '<div><p>Texte souligné rouge</p></div><p>lien piégé data <a href="https://ok.example/">sûr</a></p>',
    );
    // The parser the cleaner uses is inert: nothing in the pasted HTML ran or loaded.
    await page.waitForTimeout(50);
    expect(
      await page.evaluate(() => (window as unknown as { __xss?: number }).__xss),
    ).toBeUndefined();
  });

  it("gives headings the editor's two levels", async () => {
    expect(await clean("<h1>Un</h1><h3>Trois</h3><h4>Quatre</h4><h6><b>Six</b></h6>")).toBe(
      "<h2>Un</h2><h3>Trois</h3><h3>Quatre</h3><h3>Six</h3>",
    );
  });
});
