import { Pagination } from "../../../web/components/pagination.js";
import type { Site } from "../../../web/site.js";
import type { ArticleSummary, Paged } from "../model.js";
import { ArticleList } from "./article-card.js";

/** Category, tag and author pages: a heading, an optional introduction, the articles. */
export function ListingView({
  site,
  title,
  intro,
  articles,
  href,
}: {
  site: Site;
  title: string;
  intro?: string;
  articles: Paged<ArticleSummary>;
  href: (page: number) => string;
}) {
  return (
    <section class="listing">
      <header class="listing-header">
        <h1>{title}</h1>
        {intro ? <p class="listing-intro">{intro}</p> : null}
      </header>
      <ArticleList site={site} articles={articles.items} level={2} />
      <Pagination t={site.t} page={articles.page} totalPages={articles.totalPages} href={href} />
    </section>
  );
}
