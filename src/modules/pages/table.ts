import type { Generated } from "kysely";

export type SitePageStatus = "draft" | "published";

/** The site's own pages (« Mentions légales », « À propos »): outside the flow of articles. */
export interface SitePagesTable {
  id: Generated<number>;
  slug: string;
  title: string;
  /** Through the articles' allowlist (lib/sanitize.ts), like an article's body. */
  body_html: string;
  status: SitePageStatus;
  /** 0/1: listed in every page's footer. */
  in_footer: number;
  /** The footer's order. */
  position: number;
  created_at: string;
  updated_at: string;
  /** Its saves, from 1: a form saved on an older version is refused (migration 024). */
  version: Generated<number>;
}

export interface SitePagesTables {
  site_pages: SitePagesTable;
}
