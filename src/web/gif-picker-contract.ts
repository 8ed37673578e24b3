/**
 * What the GIF picker (web/islands/gif-picker.ts) and the server agree on: the words handed to it
 * through the GIF button's `data-words` (web/i18n `gifs`), and the JSON of `/gifs/search` and
 * `/gifs/trending` (modules/gifs/routes.tsx). Browser-safe (no imports): the island takes the types.
 */

export interface GifPickerWords {
  title: string;
  search: string;
  close: string;
  trending: string;
  none: string;
  unavailable: string;
  chosen: string;
  remove: string;
  loading: string;
  more: string;
  poweredBy: { giphy: string; klipy: string; disabled: string };
  alt: string;
}

/** One GIF of an answer: `preview` is Kiosque's own address unless the newsroom chose the CDN. */
export interface GifChoice {
  id: string;
  title: string;
  preview: string;
  width: number;
  height: number;
}

/** The answer to a search or trending page: never an error, at worst nothing (`unavailable`). */
export interface GifAnswer {
  ok: true;
  results: GifChoice[];
  /** The next page's cursor (`pos`), or null on the last. */
  next: string | null;
  unavailable: boolean;
  provider: "giphy" | "klipy" | "disabled";
}

/** The comment form's GIF parts, by id: the form renders them, the islands find them. */
export const gifFormIds = {
  field: "gif-field",
  input: "gif",
  button: "gif-button",
  chosen: "gif-chosen",
} as const;
