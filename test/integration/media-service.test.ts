import { sql } from "kysely";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Invalid, NotFound, type Problem } from "../../src/lib/errors.js";
import {
  media,
  mediaStore,
  MediaStoreError,
  type MediaItem,
} from "../../src/modules/media/index.js";
import { setSetting } from "../../src/modules/settings/index.js";
import { BLNS } from "../fixtures/hostile/blns.js";
import * as images from "../fixtures/media/images.js";
import { testEngines } from "../helpers/engines.js";
import { startFakeS3, type FakeS3 } from "../helpers/fake-s3.js";
import { makeArticle, makeAuthor } from "../helpers/factories.js";
import { openTestRuntime, type TestRuntime } from "../helpers/runtime.js";

const STORES = ["database", "s3"] as const;
type StoreName = (typeof STORES)[number];

/** The bytes a MediaItem's path names, read back from the store. */
async function stored(rt: TestRuntime, src: string) {
  return mediaStore(rt.ctx).get(src.replace(/^\/media\//, ""));
}

/** The refusal an upload (or any call) ends with, as a field → problem map. */
async function refusal(
  work: Promise<unknown>,
): Promise<{ code: string; fields: Record<string, Problem> }> {
  const error: unknown = await work.then(
    () => new Error("expected a refusal"),
    (e: unknown) => e,
  );
  if (!(error instanceof Invalid)) throw error;
  return { code: error.code, fields: { ...error.fields } };
}

/** EXIF, XMP, IPTC and ICC of an image, as libvips reads them: all must be absent. */
async function metadataOf(bytes: Buffer) {
  const m = await sharp(bytes).metadata();
  return { exif: m.exif, xmp: m.xmp, iptc: m.iptc, icc: m.icc, orientation: m.orientation };
}

const NO_METADATA = {
  exif: undefined,
  xmp: undefined,
  iptc: undefined,
  icc: undefined,
  orientation: undefined,
};

let bomb: Buffer;
beforeAll(async () => {
  // Made once: 400 MB of zeros streamed through deflate.
  bomb = await images.pngBomb();
});

describe.each(testEngines().flatMap((e) => STORES.map((s) => [e, s] as const)))(
  "media on %s, %s store",
  (engine, store: StoreName) => {
    let rt: TestRuntime;
    let fake: FakeS3 | undefined;
    let uploadedBy: number;

    beforeAll(async () => {
      fake = store === "s3" ? await startFakeS3() : undefined;
      rt = await openTestRuntime(engine, undefined, fake ? { media: fake.config() } : {});
      uploadedBy = (await makeAuthor(rt.ctx)).id;
    });
    afterAll(async () => {
      await rt.close();
      await fake?.close();
    });

    /** Objects in the store and rows of media: what a refused upload must leave as it was. */
    async function footprint() {
      const rows = await rt.ctx.db
        .selectFrom("media")
        .select((eb) => eb.fn.countAll().as("n"))
        .executeTakeFirstOrThrow();
      const blobs = await rt.ctx.db
        .selectFrom("media_blobs")
        .select((eb) => eb.fn.countAll().as("n"))
        .executeTakeFirstOrThrow();
      return {
        rows: Number(rows.n),
        objects: fake ? fake.objects.size : Number(blobs.n),
      };
    }

    const upload = (bytes: Buffer, filename = "photo.jpg", more: Partial<media.Upload> = {}) =>
      media.upload(rt.ctx, { bytes, filename, uploadedBy, ...more });

    async function ready(item: MediaItem): Promise<MediaItem> {
      await media.processPending(rt.ctx, 50);
      return media.get(rt.ctx, item.id);
    }

    it("takes a JPEG at once, then makes WebP and AVIF variants off the request path", async () => {
      const item = await upload(await images.jpegWithGps(), "Conférence de presse.jpg", {
        alt: "  La ministre au pupitre ",
        credit: "Photo : Agence",
      });
      expect(item).toMatchObject({
        status: "processing",
        format: "jpeg",
        type: "image/jpeg",
        width: 800,
        height: 600,
        filename: "Conférence de presse.jpg",
        alt: "La ministre au pupitre",
        credit: "Photo : Agence",
        caption: "",
        variants: [],
        uploadedBy,
      });
      const master = await stored(rt, item.src);
      expect(master?.type).toBe("image/jpeg");
      expect((await sharp(master!.bytes).metadata()).format).toBe("jpeg");

      const done = await ready(item);
      expect(done.status).toBe("ready");
      // Never wider than the master: 800 is the widest, made instead of 960.
      const widths = (format: string) =>
        done.variants.filter((v) => v.format === format).map((v) => v.width);
      expect(widths("webp")).toEqual([800, 640, 320]);
      expect(widths("avif")).toEqual([800, 640, 320]);
      for (const v of done.variants) {
        const bytes = await stored(rt, v.src);
        expect(bytes?.type).toBe(v.type);
        const m = await sharp(bytes!.bytes).metadata();
        expect(m.width).toBe(v.width);
        expect(m.height).toBe(v.height);
        expect(v.height).toBe(Math.round((v.width * 600) / 800));
        expect(m.format).toBe(v.format === "avif" ? "heif" : "webp");
      }
    });

    it("strips EXIF (GPS position, camera), XMP and ICC from the master and every variant", async () => {
      const original = await images.jpegWithGps();
      const before = await sharp(original).metadata();
      // The fixture does carry them.
      expect(before.exif?.toString("latin1")).toContain("KiosqueCam");
      expect(before.xmp?.toString()).toContain("Photographe Secret");
      const done = await ready(await upload(original));
      const files = [done.src, ...done.variants.map((v) => v.src)];
      expect(files.length).toBe(7);
      for (const src of files) {
        const bytes = (await stored(rt, src))!.bytes;
        expect(await metadataOf(bytes)).toEqual(NO_METADATA);
        // Not hidden anywhere else in the file either.
        const text = bytes.toString("latin1");
        expect(text).not.toContain("KiosqueCam");
        expect(text).not.toContain("Photographe Secret");
        expect(text).not.toContain("Agence Secrète");
      }
    });

    it("turns a sideways photo upright by its EXIF orientation", async () => {
      const item = await upload(await images.jpegSideways());
      expect([item.width, item.height]).toEqual([20, 60]);
      const done = await ready(item);
      const m = await sharp((await stored(rt, done.src))!.bytes).metadata();
      expect([m.width, m.height, m.orientation]).toEqual([20, 60, undefined]);
      expect(done.variants.map((v) => [v.format, v.width, v.height])).toEqual([
        ["avif", 20, 60],
        ["webp", 20, 60],
      ]);
    });

    it.each([
      ["png", images.png, "image/png"],
      ["webp", images.webp, "image/webp"],
      ["gif", images.gif, "image/gif"],
      ["avif", images.avif, "image/avif"],
    ] as const)("takes %s, by its content whatever its name", async (format, make, type) => {
      const bytes = await make();
      const item = await upload(bytes, "named-wrongly.txt");
      expect(item).toMatchObject({ format, type, status: "processing" });
      const master = (await stored(rt, item.src))!;
      expect(master.type).toBe(type);
      expect(await metadataOf(master.bytes)).toEqual(NO_METADATA);
      const done = await ready(item);
      expect(done.status).toBe("ready");
      expect(done.variants.length).toBeGreaterThan(0);
      for (const v of done.variants)
        expect(await metadataOf((await stored(rt, v.src))!.bytes)).toEqual(NO_METADATA);
    });

    it.each([
      ["an empty file", "required", () => Buffer.alloc(0)],
      ["an SVG with a script", "notImage", images.svgWithScript],
      ["an HTML page", "notImage", images.htmlPage],
      ["a PDF", "notImage", images.pdf],
      ["a JPEG that is also an HTML page", "notImage", images.jpegHtmlPolyglot],
      ["a zip named photo.jpg", "notImage", images.zipNamedJpg],
      ["a truncated JPEG", "damagedImage", images.truncatedJpeg],
      ["a JPEG whose header says 20,000 × 20,000", "tooManyPixels", images.jpegClaimingHugeSize],
      ["a PNG zip bomb of 20,000 × 20,000", "tooManyPixels", () => bomb],
    ] as const)("refuses %s (%s), storing nothing", async (_what, problem, make) => {
      const bytes = await make();
      const before = await footprint();
      const { code, fields } = await refusal(upload(bytes, "photo.jpg"));
      expect(code).toBe("KIOSQUE_MEDIA_INVALID");
      expect(fields.file?.problem).toBe(problem);
      if (problem === "tooManyPixels") expect(fields.file?.limit).toBe(50);
      expect(await footprint()).toEqual(before);
    });

    it("refuses every hostile file without its memory growing by hundreds of MB", async () => {
      const hostile = [
        bomb,
        await images.jpegClaimingHugeSize(),
        await images.truncatedJpeg(),
        await images.jpegHtmlPolyglot(),
        images.svgWithScript(),
      ];
      const before = process.memoryUsage().rss;
      for (let round = 0; round < 3; round++)
        for (const bytes of hostile) await refusal(upload(bytes));
      // Decoded, the bomb alone would take 400 MB (1.2 GB as RGB): a sanity bound, not a timing.
      expect(process.memoryUsage().rss - before).toBeLessThan(150 * 1024 * 1024);
    });

    it("holds to the size and pixel settings, saying the limit", async () => {
      await setSetting(rt.ctx, "media.maxUploadMB", "1");
      try {
        const big = Buffer.alloc(1024 * 1024 + 1);
        big.set([0xff, 0xd8, 0xff]);
        expect((await refusal(upload(big))).fields.file).toEqual({ problem: "tooLarge", limit: 1 });
      } finally {
        await setSetting(rt.ctx, "media.maxUploadMB", "20");
      }
      await setSetting(rt.ctx, "media.maxMegapixels", "1");
      try {
        const photo = await images.jpegWithGps(1200, 900);
        expect((await refusal(upload(photo))).fields.file).toEqual({
          problem: "tooManyPixels",
          limit: 1,
        });
      } finally {
        await setSetting(rt.ctx, "media.maxMegapixels", "50");
      }
    });

    it("checks alternative text, caption and credit like any text field, every problem at once", async () => {
      const before = await footprint();
      const { fields } = await refusal(
        upload(Buffer.alloc(0), "x.jpg", {
          alt: "a".repeat(501),
          caption: "ligne\u0000nulle",
          credit: 42 as unknown as string,
        }),
      );
      expect(fields).toEqual({
        file: { problem: "required" },
        alt: { problem: "tooLong", limit: 500 },
        caption: { problem: "control" },
        credit: { problem: "notText" },
      });
      expect(await footprint()).toEqual(before);
      // A good file with a bad caption is refused too, and nothing of it kept.
      const again = await refusal(upload(await images.gif(), "g.gif", { caption: "\u202e\u0007" }));
      expect(again.fields).toEqual({ caption: { problem: "control" } });
      expect(await footprint()).toEqual(before);
    });

    it("keeps hostile names and texts as text: each stored as given or refused field by field", async () => {
      const item = await upload(await images.gif(), "../../etc/passwd\u0000\u202egpj.exe");
      // Only the last segment, without controls or bidi overrides: never a path.
      expect(item.filename).toBe("passwdgpj.exe");
      for (const text of BLNS) {
        const done = await media.update(rt.ctx, item.id, { alt: text, caption: text }).then(
          (updated) => updated,
          (error: unknown) => error,
        );
        if (done instanceof Invalid) {
          expect(Object.values(done.fields).map((p) => p.problem)).toEqual(
            expect.arrayContaining([expect.stringMatching(/^(control|tooLong)$/)]),
          );
        } else {
          expect(done).toMatchObject({ alt: text.trim(), caption: text.trim() });
        }
      }
    });

    it("finds images by name, alternative text, caption or credit, newest first, a page at a time", async () => {
      const a = await upload(await images.gif(), "Manif-Bastille.gif", { alt: "Cortège" });
      rt.clock.advance(1000);
      const b = await upload(await images.gif(), "img_001.gif", { caption: "La foule à BASTILLE" });
      rt.clock.advance(1000);
      const c = await upload(await images.gif(), "100%_net.gif", { credit: "Studio_Nord" });
      rt.clock.advance(1000);
      const ids = (page: Awaited<ReturnType<typeof media.library>>) => page.items.map((i) => i.id);
      expect(ids(await media.library(rt.ctx, { q: "bastille" }))).toEqual([b.id, a.id]);
      expect(ids(await media.library(rt.ctx, { q: "cortège" }))).toEqual([a.id]);
      // LIKE's wildcards are taken literally.
      expect(ids(await media.library(rt.ctx, { q: "100%" }))).toEqual([c.id]);
      expect(ids(await media.library(rt.ctx, { q: "o_n" }))).toEqual([c.id]);
      expect(ids(await media.library(rt.ctx, { q: "%" }))).toEqual([c.id]);
      expect((await media.library(rt.ctx, { q: "introuvable" })).total).toBe(0);
      const all = await media.library(rt.ctx);
      expect(all.items[0]?.id).toBe(c.id);
      expect(all.items.length).toBe(Math.min(24, all.total));
      const created = all.items.map((i) => i.createdAt);
      expect(created).toEqual([...created].sort().reverse());
      await expect(media.library(rt.ctx, { page: all.totalPages + 1 })).rejects.toBeInstanceOf(
        NotFound,
      );
      expect((await refusal(media.library(rt.ctx, { q: "x".repeat(201) }))).fields.q).toEqual({
        problem: "tooLong",
        limit: 200,
      });
    });

    it("changes details, and says which images still lack alternative text", async () => {
      const item = await upload(await images.gif());
      const described = await upload(await images.gif(), "d.gif", { alt: "Un dessin" });
      expect(await media.missingAlt(rt.ctx, [item.id, described.id, 999_999])).toEqual([item.id]);
      await expect(media.requireAlt(rt.ctx, [item.id, described.id])).rejects.toMatchObject({
        code: "KIOSQUE_MEDIA_ALT_MISSING",
        fields: { image: { problem: "altMissing" } },
      });
      const changed = await media.update(rt.ctx, item.id, { alt: " Un graphique ", credit: "AFP" });
      expect(changed).toMatchObject({ alt: "Un graphique", credit: "AFP", caption: "" });
      // Fields not given stay as they were.
      expect(await media.update(rt.ctx, item.id, { caption: "Légende" })).toMatchObject({
        alt: "Un graphique",
        caption: "Légende",
      });
      expect(await media.missingAlt(rt.ctx, [item.id, described.id])).toEqual([]);
      await media.requireAlt(rt.ctx, [item.id, described.id]);
      // Blank is no text at all.
      await media.update(rt.ctx, item.id, { alt: "   " });
      expect(await media.missingAlt(rt.ctx, [item.id])).toEqual([item.id]);
      await expect(media.update(rt.ctx, 999_999, { alt: "x" })).rejects.toBeInstanceOf(NotFound);
      await expect(media.get(rt.ctx, 2 ** 40)).rejects.toBeInstanceOf(NotFound);
    });

    it("says where an image is used, and removes it, files and all, only once unused", async () => {
      const item = await ready(await upload(await images.jpegWithGps(400, 300), "une.jpg"));
      const article = await makeArticle(rt.ctx, { title: "Le sommet" });
      await rt.ctx.write((tx) => media.recordUsage(tx, article.id, [item.id, item.id]));
      expect(await media.usage(rt.ctx, item.id)).toEqual([
        { articleId: article.id, slug: article.slug, title: "Le sommet" },
      ]);
      const refused = await refusal(media.remove(rt.ctx, item.id));
      expect(refused).toEqual({
        code: "KIOSQUE_MEDIA_IN_USE",
        fields: { media: { problem: "inUse" } },
      });
      expect((await media.get(rt.ctx, item.id)).id).toBe(item.id);

      // An unknown id is refused and changes nothing.
      await expect(
        rt.ctx.write((tx) => media.recordUsage(tx, article.id, [999_999])),
      ).rejects.toBeInstanceOf(NotFound);
      expect((await media.usage(rt.ctx, item.id)).length).toBe(1);
      const listed = (await media.library(rt.ctx, { q: "une.jpg" })).items;
      expect(listed.map((i) => [i.id, i.usage])).toEqual([
        [item.id, [{ articleId: article.id, slug: article.slug, title: "Le sommet" }]],
      ]);

      await rt.ctx.write((tx) => media.recordUsage(tx, article.id, []));
      expect(await media.usage(rt.ctx, item.id)).toEqual([]);
      const files = [item.src, ...item.variants.map((v) => v.src)];
      for (const src of files) expect(await stored(rt, src)).toBeDefined();
      await media.remove(rt.ctx, item.id);
      await expect(media.get(rt.ctx, item.id)).rejects.toBeInstanceOf(NotFound);
      for (const src of files) expect(await stored(rt, src)).toBeUndefined();
      await expect(media.remove(rt.ctx, item.id)).rejects.toBeInstanceOf(NotFound);
    });

    it("has each image's variants made once, however many makers ask at the same moment", async () => {
      await media.processPending(rt.ctx, 100);
      const items = await Promise.all([1, 2, 3, 4].map(() => images.gif().then((b) => upload(b))));
      const runs = await Promise.all([1, 2, 3].map(() => media.processPending(rt.ctx, 10)));
      const readied = runs.flatMap((r) => r.ready).sort((x, y) => x - y);
      expect(readied).toEqual(items.map((i) => i.id).sort((x, y) => x - y));
      for (const i of items) {
        const done = await media.get(rt.ctx, i.id);
        expect(done.status).toBe("ready");
        expect(done.variants.length).toBe(2);
      }
    });

    it("takes up an image whose maker died, once its claim lapses; gives up after 3 attempts", async () => {
      await media.processPending(rt.ctx, 100);
      const item = await upload(await images.gif());
      // Another process claimed it a minute ago, and died.
      const claimedUntil = new Date(rt.clock.now().getTime() + 4 * 60_000).toISOString();
      await sql`update media set claimed_until = ${claimedUntil}, attempts = 1
        where id = ${item.id}`.execute(rt.ctx.db);
      expect(await media.processPending(rt.ctx, 10)).toEqual({ ready: [], failed: [] });
      rt.clock.advance(5 * 60_000);
      expect(await media.processPending(rt.ctx, 10)).toEqual({ ready: [item.id], failed: [] });

      // One that killed its process three times is not tried a fourth.
      const poison = await upload(await images.gif());
      await sql`update media set claimed_until = ${rt.clock.now().toISOString()}, attempts = 3
        where id = ${poison.id}`.execute(rt.ctx.db);
      rt.clock.advance(1);
      expect(await media.processPending(rt.ctx, 10)).toEqual({ ready: [], failed: [poison.id] });
      expect((await media.get(rt.ctx, poison.id)).status).toBe("failed");
    });

    it("marks failed an image whose master is gone from the store", async () => {
      const item = await upload(await images.gif());
      await mediaStore(rt.ctx).delete(item.src.replace("/media/", ""));
      expect(await media.processPending(rt.ctx, 10)).toEqual({ ready: [], failed: [item.id] });
      const failed = await media.get(rt.ctx, item.id);
      expect(failed).toMatchObject({ status: "failed", variants: [] });
    });

    if (store === "s3")
      it("refuses an upload whole when the bucket fails, and makes variants once it is back", async () => {
        const s3 = fake!;
        const before = await footprint();
        s3.failNext = 100;
        await expect(upload(await images.gif())).rejects.toBeInstanceOf(MediaStoreError);
        s3.failNext = 0;
        expect(await footprint()).toEqual(before);

        const item = await upload(await images.gif());
        s3.failNext = 100;
        await expect(media.processPending(rt.ctx, 10)).rejects.toBeInstanceOf(MediaStoreError);
        s3.failNext = 0;
        expect((await media.get(rt.ctx, item.id)).status).toBe("processing");
        rt.clock.advance(6 * 60_000);
        expect((await media.processPending(rt.ctx, 10)).ready).toEqual([item.id]);
        // Every request was signed and its signature held.
        expect(s3.requests.filter((r) => r.status === 403)).toEqual([]);
      });
  },
);
