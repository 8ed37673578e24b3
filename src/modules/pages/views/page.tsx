import type { SitePage } from "../service.js";

/** One of the site's own pages: its title and its body, as the allowlist kept it. */
export function SitePageView({ page }: { page: SitePage }) {
  return (
    <article class="article site-page">
      <header class="article-header">
        <h1>{page.title}</h1>
      </header>
      <div class="article-body" dangerouslySetInnerHTML={{ __html: page.bodyHtml }} />
    </article>
  );
}
