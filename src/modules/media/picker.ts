import type { PickerItem } from "../../web/media-picker-contract.js";
import { paths } from "../../web/urls.js";
import type { MediaItem, MediaVariant } from "./model.js";

/**
 * An image as the picker lists it (web/media-picker-contract.ts): what goes into an article is
 * the widest WebP variant once they are made (every browser reads WebP; the article's own
 * `<picture>` is the reader page's business), else the master, stripped and upright.
 */
export function toPickerItem(item: MediaItem): PickerItem {
  // Widest first within each format (model.ts).
  const webp: MediaVariant[] = item.variants.filter((v) => v.format === "webp");
  const widest = webp[0];
  const narrowest = webp[webp.length - 1];
  return {
    id: item.id,
    filename: item.filename,
    alt: item.alt,
    caption: item.caption,
    credit: item.credit,
    status: item.status,
    src: widest?.src ?? item.src,
    width: widest?.width ?? item.width,
    height: widest?.height ?? item.height,
    thumb: narrowest?.src ?? item.src,
    edit: paths.admin.mediaItem(item.id),
  };
}
