import { imagesIn } from "./sanitize.js";

/**
 * Whether readers' browsers load an image from this address: the CSP's `img-src 'self'` lets a
 * page show images from the site alone (no other site learns who reads what). A path of the site
 * ("/media/…"), or an address under its public URL; "//host/…" is another site's.
 */
export function isOnSite(src: string, publicUrl: string | undefined): boolean {
  return (
    (src.startsWith("/") && !src.startsWith("//")) ||
    (publicUrl !== undefined && src.startsWith(`${publicUrl}/`))
  );
}

/**
 * What keeps a text's images from going out to readers, articles' bodies and site pages alike:
 * one at another site's address shows to nobody (the text is sanitised HTML).
 */
export function hasImageElsewhere(html: string, publicUrl: string | undefined): boolean {
  return imagesIn(html).some((image) => !isOnSite(image.src, publicUrl));
}

/** And one without alternative text: readers who cannot see it would hear nothing. */
export function hasImageWithoutAlt(html: string): boolean {
  return imagesIn(html).some((image) => image.alt === "");
}
