import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../../src/app.js";
import { backup, restore } from "../../src/db/backup.js";
import { createLogger } from "../../src/lib/logger.js";
import { media, mediaStore, type MediaItem } from "../../src/modules/media/index.js";
import { openRuntime, type Runtime } from "../../src/runtime.js";
import * as images from "../fixtures/media/images.js";
import { testEngines } from "../helpers/engines.js";
import { startFakeS3, type FakeS3 } from "../helpers/fake-s3.js";
import { makeAuthor } from "../helpers/factories.js";
import { testAssetsDir } from "../helpers/paths.js";
import { openTestApp, type TestApp } from "../helpers/runtime.js";

const STORES = ["database", "s3"] as const;
const YEAR_IMMUTABLE = "public, max-age=31536000, immutable";

describe.each(testEngines().flatMap((e) => STORES.map((s) => [e, s] as const)))(
  "GET /media on %s, %s store",
  (engine, store) => {
    let rt: TestApp;
    let fake: FakeS3 | undefined;
    let item: MediaItem;
    /** A second instance of the site: its own process state, the same database (and bucket). */
    let other: { runtime: Runtime; app: FastifyInstance };

    beforeAll(async () => {
      fake = store === "s3" ? await startFakeS3() : undefined;
      rt = await openTestApp(engine, undefined, fake ? { media: fake.config() } : {});
      const uploadedBy = (await makeAuthor(rt.ctx)).id;
      const uploaded = await media.upload(rt.ctx, {
        bytes: await images.jpegWithGps(),
        filename: "photo.jpg",
        uploadedBy,
        alt: "Une photo",
      });
      await media.processPending(rt.ctx, 10);
      item = await media.get(rt.ctx, uploaded.id);
      const runtime = await openRuntime(rt.ctx.config, {
        log: createLogger({ logLevel: "silent" }),
      });
      other = { runtime, app: await buildApp(runtime, { assetsDir: testAssetsDir }) };
    });
    afterAll(async () => {
      await other.app.close();
      await other.runtime.close();
      await rt.close();
      await fake?.close();
    });

    const get = (app: FastifyInstance, url: string, headers: Record<string, string> = {}) =>
      app.inject({ method: "GET", url, headers });

    it("serves the master and every variant with its type, cached for good", async () => {
      expect(item.status).toBe("ready");
      for (const file of [
        { src: item.src, type: item.type },
        ...item.variants.map((v) => ({ src: v.src, type: v.type })),
      ]) {
        const res = await get(rt.app, file.src);
        expect(res.statusCode).toBe(200);
        expect(res.headers["content-type"]).toBe(file.type);
        expect(res.headers["cache-control"]).toBe(YEAR_IMMUTABLE);
        expect(res.headers["x-content-type-options"]).toBe("nosniff");
        expect(res.headers.etag).toMatch(/^"[A-Za-z0-9_-]{16}"$/);
        const bytes = await mediaStore(rt.ctx).get(file.src.slice("/media/".length));
        expect(res.rawPayload.equals(bytes!.bytes)).toBe(true);
      }
    });

    it("answers 304 to a client that holds the bytes, and HEAD without them", async () => {
      const first = await get(rt.app, item.src);
      const etag = String(first.headers.etag);
      for (const header of [etag, `W/${etag}`, `"other", ${etag}`, "*"]) {
        const again = await get(rt.app, item.src, { "if-none-match": header });
        expect(again.statusCode).toBe(304);
        expect(again.rawPayload.length).toBe(0);
        expect(again.headers.etag).toBe(etag);
      }
      expect((await get(rt.app, item.src, { "if-none-match": '"other"' })).statusCode).toBe(200);
      const head = await rt.app.inject({ method: "HEAD", url: item.src });
      expect(head.statusCode).toBe(200);
      expect(head.headers["content-type"]).toBe("image/jpeg");
      expect(head.rawPayload.length).toBe(0);
      // `*` names what exists: a key well formed but holding nothing is a 404 all the same, for
      // uploads and for kept GIFs alike.
      for (const absent of [
        "/media/AAAAAAAAAAAAAAAA/640-AAAAAAAAAAAAAAAA.jpg",
        "/gifs/media/AAAAAAAAAAAAAAAA/anim-AAAAAAAAAAAAAAAA.webp",
      ]) {
        const star = await get(rt.app, absent, { "if-none-match": "*" });
        expect(star.statusCode, absent).toBe(404);
        expect(String(star.headers["cache-control"]), absent).not.toContain("immutable");
      }
    });

    it("serves every upload from every instance: the bytes live in the shared store", async () => {
      for (const src of [item.src, ...item.variants.map((v) => v.src)]) {
        const res = await get(other.app, src);
        expect(res.statusCode).toBe(200);
        expect(res.rawPayload.equals((await get(rt.app, src)).rawPayload)).toBe(true);
      }
    });

    it.each([
      "/media/AAAAAAAAAAAAAAAA/original-AAAAAAAAAAAAAAAA.jpg",
      "/media/../../etc/passwd",
      "/media/%2e%2e%2f%2e%2e%2fetc%2fpasswd",
      "/media/",
      "/media/x.svg",
      "/media/AAAAAAAAAAAAAAAA/original-AAAAAAAAAAAAAAAA.html",
    ])("answers 404, never cached, to %s", async (url) => {
      const res = await get(rt.app, url);
      expect(res.statusCode).toBe(404);
      expect(res.headers["cache-control"]).not.toBe(YEAR_IMMUTABLE);
    });

    it("answers 404 once an image is removed, on every instance", async () => {
      const gone = await media.upload(rt.ctx, {
        bytes: await images.gif(),
        filename: "g.gif",
        uploadedBy: item.uploadedBy,
      });
      expect((await get(other.app, gone.src)).statusCode).toBe(200);
      await media.remove(rt.ctx, gone.id);
      expect((await get(rt.app, gone.src)).statusCode).toBe(404);
      expect((await get(other.app, gone.src)).statusCode).toBe(404);
    });
  },
);

describe.each(testEngines())("backups include media, on %s", (engine) => {
  let dir: string;
  beforeAll(() => void (dir = fs.mkdtempSync(path.join(os.tmpdir(), "kiosque-media-backup-"))));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("restores the images' bytes with the rest: backup, restore, still served", async () => {
    const source = await openTestApp(engine);
    const target = await openTestApp(engine);
    try {
      const uploadedBy = (await makeAuthor(source.ctx)).id;
      const made = [];
      for (const bytes of [await images.jpegWithGps(), await images.png(), await images.avif()])
        made.push(await media.upload(source.ctx, { bytes, filename: "x", uploadedBy, alt: "x" }));
      await media.processPending(source.ctx, 10);
      const items = await Promise.all(made.map((m) => media.get(source.ctx, m.id)));
      const file = path.join(dir, `${engine}.kiosque.gz`);
      const report = await backup(source.ctx, file, { batch: 2 });
      expect(report.rows.media).toBe(3);
      expect(report.rows.media_blobs).toBe(items.reduce((n, i) => n + 1 + i.variants.length, 0));

      await restore(target.ctx, file);
      for (const i of items) {
        expect(await media.get(target.ctx, i.id)).toEqual(i);
        for (const src of [i.src, ...i.variants.map((v) => v.src)]) {
          const was = await source.app.inject({ method: "GET", url: src });
          const is = await target.app.inject({ method: "GET", url: src });
          expect(is.statusCode).toBe(200);
          expect(is.headers["content-type"]).toBe(was.headers["content-type"]);
          expect(is.rawPayload.equals(was.rawPayload)).toBe(true);
        }
      }
    } finally {
      await source.close();
      await target.close();
    }
  });
});
