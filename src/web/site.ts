import type { Named } from "../modules/articles/index.js";
import type { Formatter } from "./i18n/format.js";
import type { Messages } from "./i18n/index.js";

/** What every page's chrome needs: the newsroom's name, its language and its sections. */
export interface Site {
  name: string;
  description: string;
  t: Messages;
  fmt: Formatter;
  categories: Named[];
  /** The site's own pages listed in the footer (« Mentions légales »…), in order. */
  footerLinks: { slug: string; title: string }[];
  assets: AssetUrls;
  /** A page's canonical link from its path: on the public origin when one is set (http/origin.ts). */
  canonical(path: string): string;
}

/** Content-hashed URLs of the stylesheet and islands, so browsers may keep them for a year. */
export interface AssetUrls {
  css: string;
  commentsIsland: string;
  /** The article form's autosave, on the newsroom's edit page only. */
  autosaveIsland: string;
  /** The article form's tag suggestions (new and edit pages). */
  tagSuggestIsland: string;
  /** The newsroom's own stylesheet, loaded on its pages only. */
  newsroomCss: string;
  /** The rich-text editor and its stylesheet: editor pages only, never a reader's page. */
  editorIsland: string;
  editorCss: string;
  /** The media picker (web/islands/media-picker.ts): newsroom pages with a picker button only. */
  mediaPickerIsland: string;
  /** The moderation desk's keys and inline actions: desk pages only. */
  deskIsland: string;
  icon: string;
}
