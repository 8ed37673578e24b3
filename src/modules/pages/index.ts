/**
 * The site's own pages (« Mentions légales », « À propos », contact): a title and a body at
 * `/page/<slug>`, listed in every page's footer. A French news site must publish its legal notice.
 */
export * as sitePages from "./service.js";
export type { SitePage, NewSitePage } from "./service.js";
export type { SitePagesTables, SitePageStatus } from "./table.js";
