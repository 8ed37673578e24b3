import { render } from "preact-render-to-string";
import { describe, expect, it } from "vitest";
import type { MediaItem, MediaVariant } from "../../modules/media/index.js";
import { ResponsiveImage } from "./responsive-image.js";

const variant = (format: "avif" | "webp", width: number): MediaVariant => ({
  format,
  type: `image/${format}`,
  width,
  height: (width * 3) / 4,
  bytes: width * 10,
  src: `/media/item/${width}-digest.${format}`,
});

const item = (variants: MediaVariant[], status: MediaItem["status"] = "ready"): MediaItem => ({
  id: 1,
  filename: "photo.jpg",
  alt: 'La "une" & <le reste>',
  caption: "",
  credit: "",
  format: "jpeg",
  type: "image/jpeg",
  width: 4000,
  height: 3000,
  bytes: 2_000_000,
  src: "/media/item/original-digest.jpg",
  status,
  variants,
  uploadedBy: 1,
  createdAt: "2026-08-30T12:00:00.000Z",
  updatedAt: "2026-08-30T12:00:00.000Z",
});

const ready = item(
  [1920, 1280, 960, 640, 320].flatMap((w) => [variant("avif", w), variant("webp", w)]),
);

describe("ResponsiveImage", () => {
  it("lets the browser choose among the variants, AVIF first, lazily, its place reserved", () => {
    const html = render(<ResponsiveImage image={ready} sizes="(min-width: 50rem) 45rem, 100vw" />);
    expect(html).toBe(
      "<picture>" +
        '<source type="image/avif" srcset="/media/item/320-digest.avif 320w, /media/item/640-digest.avif 640w, /media/item/960-digest.avif 960w, /media/item/1280-digest.avif 1280w, /media/item/1920-digest.avif 1920w" sizes="(min-width: 50rem) 45rem, 100vw"/>' +
        '<img src="/media/item/960-digest.webp" srcset="/media/item/320-digest.webp 320w, /media/item/640-digest.webp 640w, /media/item/960-digest.webp 960w, /media/item/1280-digest.webp 1280w, /media/item/1920-digest.webp 1920w" sizes="(min-width: 50rem) 45rem, 100vw" width="1920" height="1440" alt="La &quot;une&quot; &amp; &lt;le reste>" loading="lazy" decoding="async"/>' +
        "</picture>",
    );
  });

  it("fetches an image above the fold at once, first", () => {
    const html = render(<ResponsiveImage image={ready} aboveFold class="article-image" />);
    expect(html).toContain('loading="eager"');
    expect(html).toContain('fetchpriority="high"');
    expect(html).toContain('class="article-image"');
    expect(html).toContain('sizes="100vw"');
  });

  it("shows the master, its size set, until the variants are made", () => {
    const html = render(<ResponsiveImage image={item([], "processing")} />);
    expect(html).toBe(
      '<img src="/media/item/original-digest.jpg" width="4000" height="3000" alt="La &quot;une&quot; &amp; &lt;le reste>" loading="lazy" decoding="async"/>',
    );
  });

  it("always gives width and height, whatever variants there are", () => {
    const small = item([variant("webp", 320)]);
    const html = render(<ResponsiveImage image={small} />);
    expect(html).toContain('width="320" height="240"');
    expect(html).toContain('src="/media/item/320-digest.webp"');
    expect(html).not.toContain("<picture>");
  });
});
