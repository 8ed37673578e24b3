import sharp from "sharp";
import { loadConfig } from "../../src/config/index.js";
import { createLogger } from "../../src/lib/logger.js";
import { accounts } from "../../src/modules/accounts/index.js";
import { media } from "../../src/modules/media/index.js";
import { ENCODING, variantWidths } from "../../src/modules/media/image.js";
import { openRuntime } from "../../src/runtime.js";
import type { DatabaseLocation } from "./kiosque.js";
import { median } from "./load.js";

/** Issue 10's figure: a 12-megapixel camera JPEG, from upload to every variant ready. */
export interface MediaFigure {
  width: number;
  height: number;
  /** The JPEG as uploaded. */
  bytes: number;
  runs: number;
  /** `media.upload`: what the staff member waits for (checks, stripped master, stored). */
  uploadMs: number;
  /** `processPending`: the variants, made off the request path by the job. */
  variantsMs: number;
  /** Upload → variants ready: the two, median of the runs' sums. */
  readyMs: number;
  /** The baseline: sharp alone, the same master and variants, each variant from the file. */
  sharpAloneMs: number;
  variants: number;
}

const WIDTH = 4000;
const HEIGHT = 3000;

/**
 * A 4000 × 3000 JPEG as a camera makes one: detail everywhere (sensor noise over gradients), EXIF
 * with a GPS position. Flat colours would flatter every encoder.
 */
export async function twelveMegapixelJpeg(): Promise<Buffer> {
  const noise = await sharp({
    create: {
      width: WIDTH,
      height: HEIGHT,
      channels: 3,
      background: "#808080",
      noise: { type: "gaussian", mean: 128, sigma: 30 },
    },
  })
    .raw()
    .toBuffer();
  const pixels = Buffer.alloc(WIDTH * HEIGHT * 3);
  for (let y = 0; y < HEIGHT; y++)
    for (let x = 0; x < WIDTH; x++) {
      const i = (y * WIDTH + x) * 3;
      const d = Math.hypot(x - 1400, y - 1500) < 900 ? 80 : 0;
      pixels[i] = (((x * 255) / WIDTH + d) * 3 + (noise[i] ?? 0)) >> 2;
      pixels[i + 1] = (((y * 255) / HEIGHT) * 3 + (noise[i + 1] ?? 0)) >> 2;
      pixels[i + 2] = ((255 - (x * 255) / WIDTH - d) * 3 + (noise[i + 2] ?? 0)) >> 2;
    }
  return sharp(pixels, { raw: { width: WIDTH, height: HEIGHT, channels: 3 } })
    .jpeg({ quality: 92 })
    .withExif({
      IFD0: { Make: "Bench", Model: "12 MP" },
      IFD3: { GPSLatitudeRef: "N", GPSLatitude: "48/1 51/1 2400/100" },
    })
    .toBuffer();
}

/**
 * What a minimal script does with sharp alone: the same stripped master, and each variant resized
 * from the uploaded file, with the same encoders and settings. No checks, no storage, no database.
 */
async function sharpAlone(jpeg: Buffer): Promise<void> {
  sharp.cache(false);
  await sharp(jpeg).autoOrient().jpeg({ quality: ENCODING.masterQuality }).toBuffer();
  for (const width of variantWidths(WIDTH)) {
    await sharp(jpeg)
      .autoOrient()
      .resize({ width })
      .webp({ quality: ENCODING.webpQuality })
      .toBuffer();
    await sharp(jpeg)
      .autoOrient()
      .resize({ width })
      .avif({ quality: ENCODING.avifQuality, effort: ENCODING.avifEffort })
      .toBuffer();
  }
}

/**
 * Uploads the 12-megapixel JPEG through the media service on an empty, migrated database and
 * drives the variant maker until it is ready, `runs` times; then the baseline as many times, in
 * the same process. Images live in the database (the default store).
 */
export async function measureMediaUpload(
  location: DatabaseLocation,
  runs: number,
): Promise<MediaFigure> {
  const config = loadConfig({
    LOG_LEVEL: "silent",
    ...(location.engine === "sqlite"
      ? { KIOSQUE_DATA_DIR: location.dataDir }
      : { DATABASE_URL: location.url }),
  });
  const runtime = await openRuntime(config, { log: createLogger({ logLevel: "silent" }) });
  try {
    const { ctx } = runtime;
    const uploadedBy = await accounts.createUser(ctx, {
      email: "bench@example.org",
      password: "mot-de-passe-du-bench",
      role: "editor",
      name: "Bench",
    });
    const jpeg = await twelveMegapixelJpeg();
    const upload: number[] = [];
    const variants: number[] = [];
    const ready: number[] = [];
    let made = 0;
    for (let i = 0; i < runs; i++) {
      const t0 = performance.now();
      const item = await media.upload(ctx, { bytes: jpeg, filename: "camera.jpg", uploadedBy });
      const t1 = performance.now();
      const done = await media.processPending(ctx, 1);
      const t2 = performance.now();
      if (!done.ready.includes(item.id)) throw new Error(`image ${item.id} did not get ready`);
      made = (await media.get(ctx, item.id)).variants.length;
      upload.push(t1 - t0);
      variants.push(t2 - t1);
      ready.push(t2 - t0);
    }
    const alone: number[] = [];
    for (let i = 0; i < runs; i++) {
      const t0 = performance.now();
      await sharpAlone(jpeg);
      alone.push(performance.now() - t0);
    }
    return {
      width: WIDTH,
      height: HEIGHT,
      bytes: jpeg.length,
      runs,
      uploadMs: median(upload),
      variantsMs: median(variants),
      readyMs: median(ready),
      sharpAloneMs: median(alone),
      variants: made,
    };
  } finally {
    await runtime.close();
  }
}

/** "12 MP JPEG (9.3 MB): upload 410 ms + variants 2,050 ms = 2,460 ms; sharp alone 3,900 ms (0.63×)". */
export function describeMedia(f: MediaFigure): string {
  const ms = (n: number) => `${Math.round(n).toLocaleString("en")} ms`;
  return (
    `${((f.width * f.height) / 1e6).toFixed(0)} MP JPEG (${(f.bytes / 1e6).toFixed(1)} MB) → ${f.variants} variants: ` +
    `upload ${ms(f.uploadMs)} + variants ${ms(f.variantsMs)} = ${ms(f.readyMs)}; ` +
    `sharp alone ${ms(f.sharpAloneMs)} (${(f.readyMs / f.sharpAloneMs).toFixed(2)}× sharp alone), median of ${f.runs}`
  );
}
