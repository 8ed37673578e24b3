import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { media } from "../../src/modules/media/index.js";
import { setSetting } from "../../src/modules/settings/index.js";
import type { LibraryAnswer, UploadAnswer } from "../../src/web/media-picker-contract.js";
import { messages } from "../../src/web/i18n/index.js";
import { BLNS } from "../fixtures/hostile/blns.js";
import * as images from "../fixtures/media/images.js";
import { XSS_PAYLOADS } from "../fixtures/xss-payloads.js";
import { testEngines } from "../helpers/engines.js";
import { makeArticle } from "../helpers/factories.js";
import {
  formBody,
  inputValue,
  isOwnIsland,
  startTags,
  textareaValue,
  textBetween,
  textById,
} from "../helpers/http.js";
import { multipartBody, type FilePart } from "../helpers/multipart.js";
import { openTestApp, type TestApp } from "../helpers/runtime.js";
import { signedIn, type StaffMember } from "../helpers/staff.js";

const t = messages("fr");
const P = t.problems;
const M = t.newsroom.media;

let bomb: Buffer;
beforeAll(async () => {
  // Made once: 400 MB of zeros streamed through deflate, about 400 KB of PNG.
  bomb = await images.pngBomb();
});

type Part = readonly [string, string | FilePart];
const file = (bytes: Uint8Array, filename = "photo.jpg", type = "image/jpeg"): Part => [
  "file",
  { bytes, filename, type },
];

describe.each(testEngines())("the media library over HTTP on %s", (engine) => {
  let rt: TestApp;
  let editor: StaffMember;
  let author: StaffMember;
  let admin: StaffMember;
  let moderator: StaffMember;

  beforeAll(async () => {
    rt = await openTestApp(engine);
    editor = await signedIn(rt.app, rt.ctx, "editor");
    author = await signedIn(rt.app, rt.ctx, "author");
    admin = await signedIn(rt.app, rt.ctx, "admin");
    moderator = await signedIn(rt.app, rt.ctx, "moderator");
  });
  afterAll(() => rt?.close());

  const get = (url: string, cookie = editor.cookie, accept = "text/html") =>
    rt.app.inject({ method: "GET", url, headers: { cookie, accept } });

  async function upload(parts: readonly Part[], cookie = editor.cookie, accept = "text/html") {
    const { payload, headers } = await multipartBody(parts);
    return rt.app.inject({
      method: "POST",
      url: "/admin/medias",
      payload,
      headers: { ...headers, cookie, accept },
    });
  }

  const postForm = (
    url: string,
    fields: Record<string, string | string[]>,
    cookie = editor.cookie,
  ) =>
    rt.app.inject({
      method: "POST",
      url,
      payload: formBody(fields),
      headers: { cookie, "content-type": "application/x-www-form-urlencoded" },
    });

  /** The id an upload's redirect names. */
  function uploadedId(res: { statusCode: number; headers: Record<string, unknown>; body: string }) {
    expect(res.statusCode, res.body.slice(0, 300)).toBe(303);
    const match = /^\/admin\/medias\/(\d+)\?done=uploaded$/.exec(String(res.headers.location));
    expect(match).not.toBeNull();
    return Number(match![1]);
  }

  /** Rows of media and stored objects: what a refused upload must leave as it was. */
  async function footprint() {
    const count = async (table: "media" | "media_blobs") =>
      Number(
        (
          await rt.ctx.db
            .selectFrom(table)
            .select((eb) => eb.fn.countAll().as("n"))
            .executeTakeFirstOrThrow()
        ).n,
      );
    return { rows: await count("media"), objects: await count("media_blobs") };
  }

  const json = <T>(res: { body: string }) => JSON.parse(res.body) as T;

  it.each([
    ["jpeg", () => images.jpegWithGps(), "image/jpeg"],
    ["png", () => images.png(), "image/png"],
    ["webp", () => images.webp(), "image/webp"],
    ["gif", () => images.gif(), "image/gif"],
    ["avif", () => images.avif(), "image/avif"],
  ] as const)(
    "takes a %s by its content, whatever its name, and lists it",
    async (format, make, type) => {
      const filename = `envoi-${format}.bin`;
      const res = await upload([
        // Sent with a type that is not its own: the content decides.
        file(
          await make(),
          filename,
          type === "image/png" ? "image/gif" : "application/octet-stream",
        ),
        ["alt", `Un dessin en ${format}`],
        ["caption", "Légende"],
        ["credit", "Photo : Agence"],
      ]);
      const id = uploadedId(res);
      const stored = await media.get(rt.ctx, id);
      expect(stored).toMatchObject({
        format,
        filename,
        alt: `Un dessin en ${format}`,
        caption: "Légende",
        credit: "Photo : Agence",
        uploadedBy: editor.id,
        status: "processing",
      });

      const page = await get(`/admin/medias/${id}?done=uploaded`);
      expect(page.statusCode).toBe(200);
      expect(page.headers["cache-control"]).toBe("private, no-store");
      expect(page.body).toContain(M.uploaded);
      expect(textareaValue(page.body, "edit-alt")).toBe(`Un dessin en ${format}`);
      expect(inputValue(page.body, "edit-credit")).toBe("Photo : Agence");
      expect(page.body).toContain(M.status.processing);

      const list = await get("/admin/medias");
      expect(list.statusCode).toBe(200);
      const link = startTags(list.body).find(
        (tag) => tag.attrs.get("href") === `/admin/medias/${id}`,
      );
      expect(link).toBeDefined();
      expect(list.body).toContain(filename);
    },
  );

  it("answers the picker in JSON: the library a page at a time, an upload with 201", async () => {
    const res = await upload(
      [file(await images.jpegWithGps(1000, 750), "grand.jpg"), ["alt", "Grand format"]],
      editor.cookie,
      "application/json",
    );
    expect(res.statusCode).toBe(201);
    const { item } = json<UploadAnswer>(res);
    expect(item).toMatchObject({
      alt: "Grand format",
      filename: "grand.jpg",
      status: "processing",
      width: 1000,
      height: 750,
      edit: `/admin/medias/${item.id}`,
    });
    // Before its variants exist, the master goes in.
    expect(item.src).toBe((await media.get(rt.ctx, item.id)).src);
    expect(item.thumb).toBe(item.src);

    await media.processPending(rt.ctx, 100);
    const answer = json<LibraryAnswer>(
      await get("/admin/medias?q=grand.jpg", editor.cookie, "application/json"),
    );
    expect(answer).toMatchObject({ ok: true, q: "grand.jpg", page: 1, totalPages: 1, total: 1 });
    const listed = answer.items[0]!;
    expect(listed.status).toBe("ready");
    // The widest WebP variant goes into articles, the narrowest shows in the list.
    expect(listed.src).toMatch(/\.webp$/);
    expect([listed.width, listed.height]).toEqual([1000, 750]);
    expect(listed.thumb).toMatch(/\.webp$/);
    const thumb = (await media.get(rt.ctx, item.id)).variants.find((v) => v.src === listed.thumb);
    expect(thumb?.width).toBe(320);

    const refused = await upload(
      [file(images.svgWithScript(), "x.svg", "image/svg+xml")],
      editor.cookie,
      "application/json",
    );
    expect(refused.statusCode).toBe(422);
    expect(json(refused)).toEqual({
      ok: false,
      code: "KIOSQUE_MEDIA_INVALID",
      message: t.formErrors(1),
      errors: { file: P.notImage },
    });
  });

  /** A refused upload: 422, the library page with the message, the texts as typed, nothing stored. */
  async function refusedUpload(parts: readonly Part[], expected: Record<string, string>) {
    const before = await footprint();
    const res = await upload(parts);
    expect(res.statusCode, res.body.slice(0, 300)).toBe(422);
    expect(res.headers["cache-control"]).toBe("private, no-store");
    for (const [field, message] of Object.entries(expected)) {
      const shown = textById(res.body, "span", `upload-${field}-error`);
      expect(shown).toContain(message);
    }
    expect(await footprint()).toEqual(before);
    return res;
  }

  it.each([
    ["an empty file", "required", () => Buffer.alloc(0)],
    ["an SVG with a script", "notImage", images.svgWithScript],
    ["an HTML page", "notImage", images.htmlPage],
    ["a JPEG that is also an HTML page", "notImage", images.jpegHtmlPolyglot],
    ["a zip named photo.jpg", "notImage", images.zipNamedJpg],
    ["a truncated JPEG", "damagedImage", images.truncatedJpeg],
    ["a JPEG whose header says 20,000 × 20,000", "tooManyPixels", images.jpegClaimingHugeSize],
    ["a PNG zip bomb of 20,000 × 20,000", "tooManyPixels", () => bomb],
  ] as const)(
    "refuses %s (%s), keeping the texts, storing nothing",
    async (_what, problem, make) => {
      const words = { alt: "Texte gardé", caption: "Légende gardée", credit: "Crédit gardé" };
      const res = await refusedUpload(
        [
          file(await make()),
          ["alt", words.alt],
          ["caption", words.caption],
          ["credit", words.credit],
        ],
        {
          file:
            typeof P[problem] === "function"
              ? (P[problem] as (n: number) => string)(50)
              : P[problem],
        },
      );
      expect(textareaValue(res.body, "upload-alt")).toBe(words.alt);
      expect(textareaValue(res.body, "upload-caption")).toBe(words.caption);
      expect(inputValue(res.body, "upload-credit")).toBe(words.credit);
      expect(res.body).toContain(t.formErrors(1));
      // A file was sent, and cannot come back: the message says to choose it again.
      if (problem !== "required")
        expect(textById(res.body, "span", "upload-file-error")).toContain(M.upload.reselect);
    },
  );

  it("refuses a file over the size limit with the field's message, not a bare 413", async () => {
    await setSetting(rt.ctx, "media.maxUploadMB", "1");
    try {
      // A JPEG's first bytes, then 3 MB: cut at 1 MB and a byte as it arrives.
      const big = Buffer.alloc(3 * 1024 * 1024);
      big.set([0xff, 0xd8, 0xff, 0xe0]);
      const res = await refusedUpload([file(big), ["alt", "Trop lourde"]], {
        file: P.tooLarge(1),
      });
      expect(textareaValue(res.body, "upload-alt")).toBe("Trop lourde");
      // The form's hint says the limit before anyone tries.
      expect(res.body).toContain(M.upload.fileHint(1));
    } finally {
      await setSetting(rt.ctx, "media.maxUploadMB", "20");
    }
  });

  it("refuses two files, a file in a text field and a repeated text, field by field", async () => {
    const gif = await images.gif();
    await refusedUpload([file(gif, "a.gif"), file(gif, "b.gif"), ["alt", "Deux"]], {
      file: P.oneFile,
    });
    await refusedUpload([file(gif), ["alt", { bytes: gif, filename: "alt.gif" }]], {
      alt: P.notText,
    });
    const res = await refusedUpload([file(gif), ["caption", "une"], ["caption", "deux"]], {
      caption: P.notText,
    });
    expect(res.body).toContain(t.formErrors(1));
    // A text past what the parser reads (64 KB) is cut, and still refused as too long.
    await refusedUpload([file(gif), ["alt", "é".repeat(100_000)]], { alt: P.tooLong(500) });
    // A plain form, without any file: the file is missing, the texts come back.
    const before = await footprint();
    const plain = await postForm("/admin/medias", { alt: "Sans fichier" });
    expect(plain.statusCode).toBe(422);
    expect(textById(plain.body, "span", "upload-file-error")).toBe(P.required);
    expect(textareaValue(plain.body, "upload-alt")).toBe("Sans fichier");
    expect(await footprint()).toEqual(before);
  });

  it("parses multipart on the upload route alone; every other route keeps its 256 KB limit", async () => {
    const id = uploadedId(await upload([file(await images.gif())]));
    const { payload, headers } = await multipartBody([["alt", "Par multipart"]]);
    const elsewhere = await rt.app.inject({
      method: "POST",
      url: `/admin/medias/${id}`,
      payload,
      headers: { ...headers, cookie: editor.cookie },
    });
    expect(elsewhere.statusCode).toBe(415);
    const big = await postForm(`/admin/medias/${id}`, { alt: "x".repeat(300 * 1024) });
    expect(big.statusCode).toBe(413);
    expect((await media.get(rt.ctx, id)).alt).toBe("");
  });

  it("answers a body it cannot read with a 400 page, not a 500", async () => {
    const res = await rt.app.inject({
      method: "POST",
      url: "/admin/medias",
      payload:
        '--abc\r\nContent-Disposition: form-data; name="file"; filename="x.jpg"\r\n\r\nunfinished',
      headers: { cookie: editor.cookie, "content-type": "multipart/form-data; boundary=abc" },
    });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain(t.errors.badRequest.title);
  });

  it("refuses every hostile upload without its memory growing by hundreds of MB", async () => {
    const hostile = [
      bomb,
      await images.jpegClaimingHugeSize(),
      await images.truncatedJpeg(),
      await images.jpegHtmlPolyglot(),
      images.svgWithScript(),
    ];
    const before = process.memoryUsage().rss;
    for (let round = 0; round < 3; round++)
      for (const bytes of hostile) expect((await upload([file(bytes)])).statusCode).toBe(422);
    // Decoded, the bomb alone would take 400 MB (1.2 GB as RGB): a sanity bound, not a timing.
    expect(process.memoryUsage().rss - before).toBeLessThan(150 * 1024 * 1024);
  });

  it("takes several uploads at once, each answered (two decode at a time, the rest wait)", async () => {
    const bytes = await images.jpegWithGps(1200, 900);
    const all = await Promise.all(
      [1, 2, 3, 4, 5, 6].map((i) => upload([file(bytes, `lot-${i}.jpg`), ["alt", `Lot ${i}`]])),
    );
    for (const res of all) uploadedId(res);
  });

  it("turns uploads past the line away with a clear 429 on the form, never a 500", async () => {
    const bytes = await images.jpegWithGps(2400, 1800);
    const before = await footprint();
    const all = await Promise.all(
      Array.from({ length: 14 }, (_, i) =>
        upload([file(bytes, `rafale-${i}.jpg`), ["alt", `Rafale ${i}`]]),
      ),
    );
    // How many find a slot depends on the machine; what each is answered does not.
    for (const res of all) {
      expect([303, 422, 429]).toContain(res.statusCode);
      expect(res.statusCode).not.toBe(422);
      if (res.statusCode === 429) {
        expect(res.headers["retry-after"]).toBe("5");
        expect(textById(res.body, "span", "upload-file-error")).toContain(P.busy(5));
        expect(textareaValue(res.body, "upload-alt")).toMatch(/^Rafale \d+$/);
      }
    }
    const taken = all.filter((res) => res.statusCode === 303).length;
    expect(taken).toBeGreaterThanOrEqual(6);
    expect((await footprint()).rows).toBe(before.rows + taken);
  });

  it("keeps hostile texts as text: XSS payloads stored as typed and escaped on every page", async () => {
    const gif = await images.gif();
    const ids: number[] = [];
    for (const payload of XSS_PAYLOADS) {
      const res = await upload([
        file(gif, `${payload}.gif`),
        ["alt", payload],
        ["caption", payload],
        ["credit", payload.slice(0, 200)],
      ]);
      if (res.statusCode === 422) {
        // Only a rule of the field's own (a length) may refuse it, and the text comes back.
        expect(textareaValue(res.body, "upload-alt")).toBe(payload);
        continue;
      }
      const id = uploadedId(res);
      ids.push(id);
      // A form's new lines travel as CR LF (the HTML standard's form encoding), as from a browser.
      const sent = payload.replace(/\r?\n/g, "\r\n").trim();
      expect((await media.get(rt.ctx, id)).alt).toBe(sent);
      const page = await get(`/admin/medias/${id}`);
      expect(textareaValue(page.body, "edit-alt")).toBe(sent);
      expectNoInjectedMarkup(page.body);
    }
    expect(ids.length).toBeGreaterThan(XSS_PAYLOADS.length / 2);
    for (let page = 1; ; page++) {
      const list = await get(`/admin/medias?page=${page}`);
      expect(list.statusCode).toBe(200);
      expectNoInjectedMarkup(list.body);
      if (!list.body.includes('rel="next"')) break;
    }
  });

  it("keeps or refuses every BLNS string in the details form, never storing it changed", async () => {
    const id = uploadedId(await upload([file(await images.gif())]));
    for (const text of BLNS) {
      const res = await postForm(`/admin/medias/${id}`, { alt: text, caption: text, credit: text });
      if (res.statusCode === 303) {
        expect(res.headers.location).toBe(`/admin/medias/${id}?done=saved`);
        expect(await media.get(rt.ctx, id)).toMatchObject({
          alt: text.trim(),
          caption: text.trim(),
          credit: text.trim(),
        });
      } else {
        expect(res.statusCode).toBe(422);
        // The values as typed, with a message on a field.
        expect(textareaValue(res.body, "edit-caption")).toBe(text.replace(/\r\n?/g, "\n"));
        expect(res.body).toMatch(/class="field-error" id="edit-(alt|caption|credit)-error"/);
      }
    }
  });

  it("changes an image's texts from its page, refusing bad ones with the values kept", async () => {
    const id = uploadedId(await upload([file(await images.gif()), ["alt", "Avant"]]));
    const saved = await postForm(`/admin/medias/${id}`, {
      alt: " Après ",
      caption: "Une légende",
      credit: "Studio",
    });
    expect(saved.headers.location).toBe(`/admin/medias/${id}?done=saved`);
    const page = await get(`/admin/medias/${id}?done=saved`);
    expect(page.body).toContain(M.saved);
    expect(textareaValue(page.body, "edit-alt")).toBe("Après");
    expect(textareaValue(page.body, "edit-caption")).toBe("Une légende");

    const refused = await postForm(`/admin/medias/${id}`, {
      alt: "a".repeat(501),
      caption: "Gardée",
      credit: ["un", "deux"],
    });
    expect(refused.statusCode).toBe(422);
    expect(textById(refused.body, "span", "edit-alt-error")).toBe(P.tooLong(500));
    expect(textById(refused.body, "span", "edit-credit-error")).toBe(P.notText);
    expect(textareaValue(refused.body, "edit-alt")).toBe("a".repeat(501));
    expect(textareaValue(refused.body, "edit-caption")).toBe("Gardée");
    expect(await media.get(rt.ctx, id)).toMatchObject({ alt: "Après", caption: "Une légende" });
    expect((await get("/admin/medias/999999")).statusCode).toBe(404);
    expect((await get("/admin/medias/abc")).statusCode).toBe(400);
  });

  it("searches by name, alternative text, caption or credit; refuses a search it cannot run", async () => {
    const a = uploadedId(
      await upload([file(await images.gif(), "phare.gif"), ["alt", "Le phare"]]),
    );
    const b = uploadedId(
      await upload([file(await images.gif(), "x.gif"), ["caption", "Vue du PHARE de nuit"]]),
    );
    const res = await get("/admin/medias?q=phare");
    expect(res.body).toContain(M.results("phare"));
    const linked = startTags(res.body)
      .map((tag) => tag.attrs.get("href") ?? "")
      .filter((href) => /^\/admin\/medias\/\d+$/.test(href));
    expect(linked.sort()).toEqual([`/admin/medias/${a}`, `/admin/medias/${b}`].sort());
    expect(inputValue(res.body, "q")).toBe("phare");
    const none = await get("/admin/medias?q=introuvable-xyz");
    expect(none.body).toContain(M.none);

    const long = await get(`/admin/medias?q=${"x".repeat(201)}`);
    expect(long.statusCode).toBe(422);
    expect(textById(long.body, "span", "q-error")).toBe(P.tooLong(200));
    expect(inputValue(long.body, "q")).toBe("x".repeat(201));
    const control = await get("/admin/medias?q=a%07b");
    expect(control.statusCode).toBe(422);
    expect(textById(control.body, "span", "q-error")).toBe(P.control);
    expect((await get("/admin/medias?page=9999")).statusCode).toBe(404);
    expect((await get("/admin/medias?page=0")).statusCode).toBe(400);
  });

  it("says where each image is used, with links to the articles' pages, and deletes only unused ones", async () => {
    const id = uploadedId(await upload([file(await images.gif(), "utilisee.gif")]));
    const item = await media.get(rt.ctx, id);
    const article = await makeArticle(rt.ctx, { title: "Le sommet <b>européen</b>" });
    await rt.ctx.write((tx) => media.recordUsage(tx, article.id, [id]));

    for (const url of ["/admin/medias?q=utilisee.gif", `/admin/medias/${id}`]) {
      const res = await get(url);
      const link = startTags(res.body).find(
        (tag) => tag.attrs.get("href") === `/admin/articles/${article.id}`,
      );
      expect(link, url).toBeDefined();
      const text = textBetween(res.body, link!.end, res.body.indexOf("</a>", link!.end));
      expect(text).toBe("Le sommet <b>européen</b>");
    }

    const refused = await postForm(`/admin/medias/${id}/suppression`, {});
    expect(refused.statusCode).toBe(422);
    expect(textById(refused.body, "p", "delete-error")).toBe(P.inUse);
    expect((await media.get(rt.ctx, id)).id).toBe(id);
    expect((await get(item.src)).statusCode).toBe(200);

    await rt.ctx.write((tx) => media.recordUsage(tx, article.id, []));
    const removed = await postForm(`/admin/medias/${id}/suppression`, {});
    expect(removed.statusCode).toBe(303);
    expect(removed.headers.location).toBe("/admin/medias?done=deleted");
    expect((await get("/admin/medias?done=deleted")).body).toContain(M.deleted);
    expect((await get(`/admin/medias/${id}`)).statusCode).toBe(404);
    expect((await get(item.src)).statusCode).toBe(404);
    expect((await postForm(`/admin/medias/${id}/suppression`, {})).statusCode).toBe(404);
  });

  it("is in the menu of those who write articles, not of moderators", async () => {
    const menuLinks = async (cookie: string) =>
      startTags((await get("/admin", cookie)).body)
        .filter((tag) => tag.name === "a")
        .map((tag) => tag.attrs.get("href"));
    expect(await menuLinks(editor.cookie)).toContain("/admin/medias");
    expect(await menuLinks(author.cookie)).toContain("/admin/medias");
    expect(await menuLinks(moderator.cookie)).not.toContain("/admin/medias");
  });

  describe("refuses whoever may not use it", () => {
    let id: number;
    beforeAll(async () => {
      id = uploadedId(await upload([file(await images.gif())]));
    });

    /** Each route as a browser sends it. */
    const routes = () =>
      [
        ["GET /admin/medias", (cookie: string) => get("/admin/medias", cookie)],
        [
          "GET /admin/medias (JSON)",
          (cookie: string) => get("/admin/medias", cookie, "application/json"),
        ],
        [
          "POST /admin/medias",
          async (cookie: string) => upload([file(await images.gif())], cookie),
        ],
        ["GET /admin/medias/:id", (cookie: string) => get(`/admin/medias/${id}`, cookie)],
        [
          "POST /admin/medias/:id",
          (cookie: string) => postForm(`/admin/medias/${id}`, { alt: "Changée" }, cookie),
        ],
        [
          "POST /admin/medias/:id/suppression",
          (cookie: string) => postForm(`/admin/medias/${id}/suppression`, {}, cookie),
        ],
      ] as const;

    it("answers 403 to a moderator on every route, changing nothing", async () => {
      const before = await footprint();
      for (const [name, send] of routes()) {
        const res = await send(moderator.cookie);
        expect(res.statusCode, name).toBe(403);
      }
      expect(await footprint()).toEqual(before);
      expect((await media.get(rt.ctx, id)).alt).toBe("");
    });

    it("sends a signed-out browser to the sign-in form on every route, changing nothing", async () => {
      const before = await footprint();
      for (const [name, send] of routes()) {
        const res = await send("");
        if (name.endsWith("(JSON)")) {
          expect(res.statusCode, name).toBe(401);
          continue;
        }
        expect(res.statusCode, name).toBe(303);
        expect(String(res.headers.location), name).toMatch(/^\/admin\/connexion/);
      }
      expect(await footprint()).toEqual(before);
    });

    it("lets authors, editors and admins in", async () => {
      for (const member of [author, editor, admin])
        for (const url of ["/admin/medias", `/admin/medias/${id}`])
          expect((await get(url, member.cookie)).statusCode, `${member.role} ${url}`).toBe(200);
    });
  });
});

/** Nothing a payload wrote became markup: no event handler, no script, every image ours. */
function expectNoInjectedMarkup(html: string) {
  for (const tag of startTags(html)) {
    if (isOwnIsland(tag)) continue;
    expect([...tag.attrs.keys()].filter((name) => name.startsWith("on"))).toEqual([]);
    expect(["script", "iframe", "svg", "object", "embed", "math", "base"]).not.toContain(tag.name);
    if (tag.name === "img" || tag.name === "source")
      expect(tag.attrs.get("src") ?? tag.attrs.get("srcset") ?? "").toMatch(/^\/media\//);
  }
}
