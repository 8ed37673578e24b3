import { paths } from "../../web/urls.js";

/**
 * Everything public may be crawled; the newsroom may not (its pages also say noindex). The
 * sitemaps are named so crawlers find them without being told.
 */
export function robotsTxt(base: string): string {
  return [
    "User-agent: *",
    "Allow: /",
    `Disallow: ${paths.admin.home}`,
    "",
    `Sitemap: ${base}${paths.sitemaps.index}`,
    `Sitemap: ${base}${paths.sitemaps.news}`,
    "",
  ].join("\n");
}
