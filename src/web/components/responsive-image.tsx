import type { MediaItem, MediaVariant } from "../../modules/media/index.js";

/** The fallback `src` for a browser that reads no srcset: a column's width on a 1× screen. */
const FALLBACK_WIDTH = 960;

/** "a.avif 320w, b.avif 640w": narrowest first, as browsers pick from it. */
function srcset(variants: readonly MediaVariant[]): string {
  return [...variants]
    .sort((a, b) => a.width - b.width)
    .map((v) => `${v.src} ${v.width}w`)
    .join(", ");
}

/**
 * An uploaded image for readers: the browser picks the variant its screen and layout need, AVIF
 * where it reads it (a `<source>` in a `<picture>`, about 40 bytes of HTML for files a third
 * smaller than WebP), else WebP. `width` and `height` are always set: with the stylesheet's
 * `height: auto`, the browser reserves the image's place before a byte of it arrives, so nothing
 * moves when it does. Lazy unless `aboveFold` (the lead image: fetched first, at high priority).
 * Before its variants exist (just uploaded), the master is shown.
 */
export function ResponsiveImage({
  image,
  sizes = "100vw",
  aboveFold = false,
  class: className,
}: {
  image: MediaItem;
  /** What share of the viewport the image takes, as `sizes` says it: "(min-width: 60rem) 40rem, 100vw". */
  sizes?: string;
  aboveFold?: boolean;
  class?: string;
}) {
  const webp = image.variants.filter((v) => v.format === "webp");
  const avif = image.variants.filter((v) => v.format === "avif");
  const widest = webp.reduce<MediaVariant | undefined>(
    (w, v) => (w === undefined || v.width > w.width ? v : w),
    undefined,
  );
  const fallback =
    [...webp].sort((a, b) => a.width - b.width).find((v) => v.width >= FALLBACK_WIDTH) ?? widest;
  const img = (
    <img
      class={className}
      src={fallback?.src ?? image.src}
      srcset={webp.length > 0 ? srcset(webp) : undefined}
      sizes={webp.length > 0 ? sizes : undefined}
      width={widest?.width ?? image.width}
      height={widest?.height ?? image.height}
      alt={image.alt}
      loading={aboveFold ? "eager" : "lazy"}
      fetchpriority={aboveFold ? "high" : undefined}
      decoding="async"
    />
  );
  if (avif.length === 0) return img;
  return (
    <picture>
      <source type="image/avif" srcset={srcset(avif)} sizes={sizes} />
      {img}
    </picture>
  );
}
