/**
 * What the media picker (web/islands/media-picker.ts) and the server agree on: the words handed
 * to it through its button's `data-labels`, and the JSON of the media library it reads
 * (`GET /admin/medias` and `POST /admin/medias` with `Accept: application/json`). Browser-safe
 * (no imports): the island takes the types.
 */

/** The picker's words, in the person's language (web/i18n, `newsroom.media.picker`). */
export interface MediaPickerLabels {
  /** The dialog's heading. */
  title: string;
  close: string;
  search: string;
  searchSubmit: string;
  loading: string;
  /** No image matches (or none yet). */
  empty: string;
  /** The library could not be read or the upload not sent (network, server). */
  failed: string;
  previous: string;
  next: string;
  /** Shown on an image whose variants are still being made. */
  processing: string;
  upload: {
    title: string;
    file: string;
    fileHint: string;
    submit: string;
    sending: string;
  };
  /** The step after choosing: the words the picture goes with, where it goes. */
  details: {
    title: string;
    alt: string;
    altHint: string;
    caption: string;
    credit: string;
    /** Into the text (a `data-target`). */
    insert: string;
    /** As the featured image (`data-fill-*`). */
    use: string;
    back: string;
    /** The alternative text is empty. */
    altRequired: string;
  };
}

/** One image as the picker lists it. */
export interface PickerItem {
  id: number;
  filename: string;
  alt: string;
  caption: string;
  credit: string;
  status: "processing" | "ready" | "failed";
  /** What goes in an article: the widest WebP variant once made, else the master. */
  src: string;
  /** Of `src`. */
  width: number;
  height: number;
  /** A small picture for the list: the narrowest WebP variant, else the master. */
  thumb: string;
  /** The image's page in the newsroom. */
  edit: string;
}

/** `GET /admin/medias` as JSON: a page of the library, newest first. */
export interface LibraryAnswer {
  ok: true;
  q: string;
  page: number;
  totalPages: number;
  total: number;
  items: PickerItem[];
}

/** `POST /admin/medias` as JSON, status 201: the image just uploaded. */
export interface UploadAnswer {
  ok: true;
  item: PickerItem;
}

/**
 * The data attributes of a picker button (web/components/media-picker-button.tsx renders them):
 * the island reads these names and nothing else.
 */
export const pickerAttributes = {
  /** Marks the button; its value is unused. */
  button: "data-media-picker",
  /** Path of the library's JSON (`/admin/medias`). */
  library: "data-library",
  /** JSON of MediaPickerLabels. */
  labels: "data-labels",
  /** Id of a rich-text textarea (`data-editor="rich"`) to insert the picture into. */
  target: "data-target",
  /** Ids of the featured-image inputs to fill: the image's id, alt text, caption, credit. */
  fillId: "data-fill-id",
  fillAlt: "data-fill-alt",
  fillCaption: "data-fill-caption",
  fillCredit: "data-fill-credit",
  /** Id of the element that shows the chosen featured image. */
  preview: "data-preview",
} as const;
