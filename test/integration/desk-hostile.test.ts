import type { LightMyRequestResponse } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hasControlCharacters } from "../../src/lib/text.js";
import { comments } from "../../src/modules/comments/index.js";
import { BLNS } from "../fixtures/hostile/blns.js";
import { XSS_PAYLOADS } from "../fixtures/xss-payloads.js";
import { testEngines } from "../helpers/engines.js";
import { makeArticle } from "../helpers/factories.js";
import { startTags } from "../helpers/http.js";
import { openTestApp, type TestApp } from "../helpers/runtime.js";
import { getPage, postForm, signedIn, type StaffMember } from "../helpers/staff.js";

/**
 * What commenters and staff type, hostile or not, on the desk: the Big List of Naughty Strings and
 * our XSS payloads as a comment's name, website and text (stored as typed, as an import would),
 * and in every field of the desk's forms. Pages show them as text: no tag or attribute of theirs
 * reaches the markup, nothing answers 500.
 */
const HOSTILE: readonly string[] = [...BLNS, ...XSS_PAYLOADS];
/** Stored as typed: PostgreSQL refuses a NUL, and the forms refuse control characters anyway. */
const STORABLE = HOSTILE.filter((s) => !hasControlCharacters(s));

/** Tags the desk's templates use: anything else in a page came from input. */
const TEMPLATE_TAGS = new Set(
  (
    "html head meta title link script body a header div p nav ul ol li main section form label " +
    "input button span h1 h2 table thead tbody tr th td select option strong b br article " +
    "details summary blockquote time fieldset legend textarea dl dt dd kbd"
  ).split(" "),
);

function expectInert(res: LightMyRequestResponse, where: string) {
  expect(res.statusCode, where).toBeLessThan(500);
  const strange = startTags(res.body)
    .filter(
      (t) =>
        !TEMPLATE_TAGS.has(t.name) ||
        // The page's scripts are the desk's and the menu's islands, from our own assets.
        (t.name === "script" &&
          !/^\/assets\/(?:desk|live-counts)\.js\?v=/.test(t.attrs.get("src") ?? "")) ||
        [...t.attrs.keys()].some((a) => a.startsWith("on")) ||
        /^\s*(?:javascript|data|vbscript):/i.test(t.attrs.get("href") ?? ""),
    )
    .map((t) => res.body.slice(t.start, t.end));
  expect(strange, where).toEqual([]);
}

const BATCH = 16;
async function inBatches<T>(items: readonly T[], run: (item: T, i: number) => Promise<void>) {
  for (let i = 0; i < items.length; i += BATCH)
    await Promise.all(items.slice(i, i + BATCH).map((x, j) => run(x, i + j)));
}

describe.each(testEngines())("hostile strings on the moderation desk on %s", (engine) => {
  let rt: TestApp;
  let moderator: StaffMember;
  let article: { id: number; slug: string };
  const ids: number[] = [];

  beforeAll(async () => {
    rt = await openTestApp(engine);
    moderator = await signedIn(rt.app, rt.ctx, "moderator");
    article = await makeArticle(rt.ctx);
    for (const [i, value] of STORABLE.entries())
      ids.push(
        await comments.importComment(
          rt.ctx,
          {
            articleId: article.id,
            parentId: null,
            name: value.trim() === "" ? `Vide ${i}` : value,
            email: `hostile${i}@example.net`,
            website: value,
            body: value.trim() === "" ? `Vide ${i}` : value,
            status: "pending",
            createdAt: new Date(rt.clock.now().getTime() - i * 1000),
          },
          "test",
        ),
      );
  }, 120_000);
  afterAll(() => rt.close());

  it(`shows ${STORABLE.length} hostile comments as text, on every page of the queue`, async () => {
    const pages = Math.ceil(STORABLE.length / 50);
    for (let page = 1; page <= pages; page++) {
      const res = await getPage(
        rt.app,
        `/admin/commentaires?statut=pending&article=${article.id}&page=${page}`,
        moderator.cookie,
      );
      expect(res.statusCode).toBe(200);
      expectInert(res, `page ${page}`);
    }
  });

  it("takes hostile searches: results or a message on the field, never markup", async () => {
    await inBatches(HOSTILE, async (value, i) => {
      const res = await getPage(
        rt.app,
        `/admin/commentaires?statut=pending&q=${encodeURIComponent(value)}`,
        moderator.cookie,
      );
      expect([200, 422], `q #${i}`).toContain(res.statusCode);
      expectInert(res, `q #${i}`);
    });
  });

  it("takes hostile edits, replies, ban reasons and bulk fields: saved as typed or refused", async () => {
    const target = ids[0]!;
    await inBatches(HOSTILE.slice(0, 200).concat(XSS_PAYLOADS), async (value, i) => {
      for (const [url, fields] of [
        [`/admin/commentaires/${target}/modifier`, { name: value, website: value, body: value }],
        [`/admin/commentaires/${target}/repondre`, { body: value, retour: value }],
        [`/admin/commentaires/${target}/action`, { action: value, retour: value, suivant: value }],
        ["/admin/commentaires/lot", { action: value, ids: value, portee: value, jusqua: value }],
        [
          "/admin/commentaires/bannissements",
          { kind: "email", email: value, mode: "hold", days: "7", reason: value },
        ],
      ] as const) {
        const res = await postForm(rt.app, url, moderator.cookie, fields);
        expect([303, 404, 422], `${url} #${i}`).toContain(res.statusCode);
        if (res.statusCode === 303) {
          // Never anywhere but the newsroom.
          expect(String(res.headers.location), `${url} #${i}`).toMatch(/^\/admin\//);
        } else expectInert(res, `${url} #${i}`);
      }
    });
    // What was saved shows as text.
    expectInert(
      await getPage(
        rt.app,
        `/admin/commentaires?statut=approved&article=${article.id}`,
        moderator.cookie,
      ),
      "replies",
    );
    expectInert(
      await getPage(rt.app, "/admin/commentaires/bannissements", moderator.cookie),
      "bans",
    );
    expectInert(
      await getPage(rt.app, `/admin/commentaires/${target}/modifier`, moderator.cookie),
      "edit form",
    );
  }, 300_000);
});
