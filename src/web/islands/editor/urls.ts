/**
 * Which addresses the editor accepts for a link or an image: the same schemes the article
 * allowlist keeps (lib/sanitize.ts), so what the editor shows is what readers get. Pure, for
 * unit tests.
 */

import { isOnSite } from "../../../lib/on-site.js";

/** A path of this site: "/article/x", never "//other.example" (another site). */
const SITE_PATH = /^\/(?!\/)/;
/** "www.lemonde.fr/x" or "lemonde.fr": a journalist leaves out the https:// more often than not. */
const BARE_HOST = /^(?:[a-z0-9-]+\.)+[a-z]{2,}(?:[/?#:]|$)/i;
const BARE_EMAIL = /^[^\s@/:]+@[^\s@/:]+\.[a-z]{2,}$/i;

function absolute(text: string, schemes: readonly string[]): string | undefined {
  try {
    const url = new URL(text);
    if (!schemes.includes(url.protocol)) return undefined;
    if (url.protocol !== "mailto:" && (url.username !== "" || url.password !== ""))
      return undefined;
    return url.href;
  } catch {
    return undefined;
  }
}

/**
 * The href for what was typed in the link dialog, or undefined when it is no address a reader
 * may follow (javascript:, data:, file:, another site without a scheme...). A bare host gets
 * https://, a bare e-mail address mailto:.
 */
export function linkHref(input: string): string | undefined {
  const text = input.trim();
  if (text === "" || /[\s<>"]/.test(text)) return undefined;
  if (SITE_PATH.test(text) || text.startsWith("#")) return text;
  if (BARE_EMAIL.test(text)) return `mailto:${text}`;
  if (BARE_HOST.test(text)) return absolute(`https://${text}`, ["https:"]);
  return absolute(text, ["http:", "https:", "mailto:"]);
}

/** The src for an image: http(s) or a path of this site (the media library's). */
export function imageSrc(input: string): string | undefined {
  const text = input.trim();
  if (text === "" || /[\s<>"]/.test(text)) return undefined;
  if (SITE_PATH.test(text)) return text;
  return absolute(text, ["http:", "https:"]);
}

/**
 * The address to keep for an image, or undefined when readers' browsers would not load it: the
 * server's rule (lib/on-site.ts) with the site's public URL. An address on the origin this page
 * came from is the same site reached by another name (an internal host, before the public URL is
 * set): it is kept as its path, which the server takes and readers load from wherever they are.
 */
export function ownImageSrc(
  src: string,
  pageOrigin: string,
  publicUrl: string | undefined,
): string | undefined {
  if (isOnSite(src, publicUrl)) return src;
  return src.startsWith(`${pageOrigin}/`) ? src.slice(pageOrigin.length) : undefined;
}
