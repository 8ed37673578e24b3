import { isOnSite } from "./on-site.js";
import { imagesIn } from "./sanitize.js";

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
