import type { Messages } from "../i18n/index.js";
import { pickerLabelsFor } from "../i18n/media-picker.js";
import { pickerAttributes as A } from "../media-picker-contract.js";
import { paths } from "../urls.js";

export interface MediaPickerButtonProps {
  t: Messages;
  /** The button's id; a featured image's preview is `${id}-preview`. */
  id: string;
  /** Into the text: the id of a RichTextField's textarea (its `id` prop). */
  target?: string;
  /**
   * As the featured image: the ids of the inputs the choice fills (the image's number alone for
   * a choice that takes no words: the site's logo).
   */
  fill?: { id: string; alt?: string; caption?: string; credit?: string };
  /** The featured image as it stands, shown until another is chosen. */
  current?: { src: string; alt: string };
  /** Words of the button, when not the default (insert into the text / choose the featured image). */
  label?: string;
}

/**
 * A button that opens the media library in a dialog (web/islands/media-picker.ts, which the page
 * loads with `site.assets.mediaPickerIsland` in its PageMeta `scripts`). Choosing an image
 * inserts it into the text named by `target`, or fills the featured-image inputs named by `fill`
 * and shows it. Without JavaScript the button stays hidden and a link opens the library in a new
 * tab instead, where the image's id and texts can be copied.
 */
export function MediaPickerButton({ t, id, target, fill, current, label }: MediaPickerButtonProps) {
  const preview = fill ? `${id}-preview` : undefined;
  const data: Record<string, string> = {
    [A.button]: "",
    [A.library]: paths.admin.media,
    [A.labels]: JSON.stringify(pickerLabelsFor(t)),
    ...(target ? { [A.target]: target } : {}),
    ...(fill
      ? {
          [A.fillId]: fill.id,
          ...(fill.alt ? { [A.fillAlt]: fill.alt } : {}),
          ...(fill.caption ? { [A.fillCaption]: fill.caption } : {}),
          ...(fill.credit ? { [A.fillCredit]: fill.credit } : {}),
          [A.preview]: preview ?? "",
        }
      : {}),
  };
  return (
    <span class="media-picker">
      <button type="button" class="secondary" id={id} hidden {...data}>
        {label ?? (fill ? t.newsroom.media.picker.choose : t.newsroom.media.picker.insert)}
      </button>
      <a class="media-picker-fallback" href={paths.admin.media} target="_blank" rel="noopener">
        {t.newsroom.media.picker.fallback}
      </a>
      {preview ? (
        <span class="media-picker-preview" id={preview}>
          {current ? <img src={current.src} alt={current.alt} /> : null}
        </span>
      ) : null}
    </span>
  );
}
