import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TARGETS } from "../bench/runner/targets.js";
import { buildAssets } from "../scripts/assets.mjs";
import { bytesIn, preparePage } from "../src/http/page-cache.js";
import { testEngines } from "./helpers/engines.js";
import { makeArticle } from "./helpers/factories.js";
import { openTestApp, type TestApp } from "./helpers/runtime.js";

/** Islands a reader's page may load: together, the bench's byte budget (STYLE 15). */
const READER_ISLANDS = ["comments.js"];
/** The newsroom's rich-text editor, on editor pages only: a budget of its own (issue 10). */
const EDITOR_ISLANDS = ["editor.js"];
/**
 * The article edit page's autosave and tag suggestions, the menu's live desk counts (newsroom
 * pages of people who moderate): a few lines each.
 */
const NEWSROOM_ISLANDS = ["autosave.js", "tag-suggest.js", "live-counts.js"];
const NEWSROOM_KB = 8;
const EDITOR_KB = 150;
/** The media picker, on newsroom pages with a picker button: a few DOM calls, no framework. */
const PICKER_ISLANDS = ["media-picker.js"];
const PICKER_KB = 5;
/** The moderation desk's keys and inline actions, on desk pages only (issue 11). */
const DESK_ISLANDS = ["desk.js"];
const DESK_KB = 5;
/**
 * The GIF picker (issue 12): on reader pages, but fetched only when a reader presses the GIF
 * button (the comment island imports it), so it stays outside the readers' budget above.
 */
const GIF_PICKER_ISLANDS = ["gif-picker.js"];
const GIF_PICKER_KB = 4;
/** The search page's suggestions (issue 13): that page only, never an article's. */
const SEARCH_ISLANDS = ["search-box.js"];
const SEARCH_KB = 3;

/** Bytes as served: brotli, as http/assets.ts compresses it. 1 KB = 1,000 bytes. */
async function served(dir: string, files: readonly string[]): Promise<number> {
  let bytes = 0;
  for (const file of files) {
    const body = fs.readFileSync(path.join(dir, file));
    const page = await preparePage(body, "text/javascript", [], zlib.constants.BROTLI_MAX_QUALITY);
    bytes += (await bytesIn(page, "br")).length;
  }
  return bytes;
}

/**
 * The byte budgets for island JavaScript, the readers' one being the constant the bench checks on
 * the article page: here they fail the tests, before anyone runs the bench.
 */
describe("island JavaScript", () => {
  let dir: string;
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "kiosque-islands-"));
    await buildAssets(dir);
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("has a budget for every island built", () => {
    const islands = fs.readdirSync(dir).filter((f) => f.endsWith(".js"));
    expect(islands.sort()).toEqual(
      [
        ...READER_ISLANDS,
        ...EDITOR_ISLANDS,
        ...NEWSROOM_ISLANDS,
        ...PICKER_ISLANDS,
        ...DESK_ISLANDS,
        ...GIF_PICKER_ISLANDS,
        ...SEARCH_ISLANDS,
      ].sort(),
    );
  });

  it(`reader islands stay under ${TARGETS.jsKB} KB as served`, async () => {
    expect(await served(dir, READER_ISLANDS)).toBeLessThan(TARGETS.jsKB * 1000);
  });

  it(`the editor stays under ${EDITOR_KB} KB as served`, async () => {
    expect(await served(dir, EDITOR_ISLANDS)).toBeLessThan(EDITOR_KB * 1000);
  });

  it(`each other newsroom island stays under ${NEWSROOM_KB} KB as served`, async () => {
    for (const island of NEWSROOM_ISLANDS)
      expect(await served(dir, [island]), island).toBeLessThan(NEWSROOM_KB * 1000);
  });

  it(`the search box stays under ${SEARCH_KB} KB as served`, async () => {
    expect(await served(dir, SEARCH_ISLANDS)).toBeLessThan(SEARCH_KB * 1000);
  });

  it(`the media picker stays under ${PICKER_KB} KB as served`, async () => {
    expect(await served(dir, PICKER_ISLANDS)).toBeLessThan(PICKER_KB * 1000);
  });

  it(`the desk island stays under ${DESK_KB} KB as served`, async () => {
    expect(await served(dir, DESK_ISLANDS)).toBeLessThan(DESK_KB * 1000);
  });

  it(`the GIF picker stays under ${GIF_PICKER_KB} KB as served`, async () => {
    expect(await served(dir, GIF_PICKER_ISLANDS)).toBeLessThan(GIF_PICKER_KB * 1000);
  });
});

describe.each(testEngines())("reader pages on %s", (engine) => {
  let rt: TestApp;
  let slug: string;
  beforeAll(async () => {
    rt = await openTestApp(engine);
    ({ slug } = await makeArticle(rt.ctx));
  });
  afterAll(() => rt?.close());

  it("never load the editor's script or stylesheet", async () => {
    for (const url of ["/", `/article/${slug}`]) {
      const res = await rt.app.inject({ method: "GET", url });
      expect(res.statusCode).toBe(200);
      expect(res.body).not.toMatch(/\/assets\/editor\.(?:js|css)/);
      expect(res.body).not.toContain("/assets/media-picker.js");
      expect(res.body).not.toMatch(/\/assets\/desk\.js/);
      expect(res.body).not.toContain("/assets/live-counts.js");
      // Named by the GIF button (when a provider is set) but never loaded with the page.
      expect(res.body).not.toMatch(/<script[^>]+gif-picker\.js/);
    }
    // The check sees islands when a page has one: the article's comments island.
    const article = await rt.app.inject({ method: "GET", url: `/article/${slug}` });
    expect(article.body).toMatch(/<script type="module" src="\/assets\/comments\.js\?v=/);
  });
});
