import type { Named } from "../modules/articles/index.js";
import type { MediaItem } from "../modules/media/index.js";
import type { Formatter } from "./i18n/format.js";
import type { Messages } from "./i18n/index.js";

/** What every page's chrome needs: the newsroom's name, its language and its sections. */
export interface Site {
  name: string;
  description: string;
  /** The image the header shows in place of the name (settings `site.logo`), when there is one. */
  logo?: MediaItem | undefined;
  t: Messages;
  fmt: Formatter;
  categories: Named[];
  /** The site's own pages listed in the footer (« Mentions légales »…), in order. */
  footerLinks: { slug: string; title: string }[];
  assets: AssetUrls;
  /** The site's public origin (KIOSQUE_PUBLIC_URL) when the operator set one. */
  publicUrl?: string | undefined;
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
  /** The GIF picker: loaded by the comment island when a reader presses the GIF button, never before. */
  gifPickerIsland: string;
  /** Suggestions under the search page's words field (web/islands/search-box.ts): that page only. */
  searchBoxIsland: string;
  /** The moderation desk's keys and inline actions: desk pages only. */
  deskIsland: string;
  /** The menu's desk counts, kept current: newsroom pages of people who moderate. */
  liveCountsIsland: string;
  icon: string;
}
