import { Pagination } from "../../../web/components/pagination.js";
import type { Site } from "../../../web/site.js";
import { paths } from "../../../web/urls.js";
import type { HomePage } from "../service.js";
import { ArticleCard, ArticleList } from "./article-card.js";

export function HomeView({ site, home }: { site: Site; home: HomePage }) {
  const { t } = site;
  const [lead, ...rest] = home.latest.items;
  return (
    <>
      <h1 class="visually-hidden">{site.name}</h1>
      <section class="latest" aria-labelledby="latest-heading">
        <h2 id="latest-heading" class="section-heading">
          {home.latest.page === 1 ? t.latest : t.latestArticles}
        </h2>
        {lead ? <ArticleCard site={site} article={lead} lead /> : <p>{t.noArticles}</p>}
        <ArticleList site={site} articles={rest} />
        <Pagination
          t={t}
          page={home.latest.page}
          totalPages={home.latest.totalPages}
          href={paths.home}
        />
      </section>
      {home.blocks.map((block) => (
        <section class="category-block" aria-labelledby={`block-${block.category.slug}`}>
          <h2 id={`block-${block.category.slug}`} class="section-heading">
            <a href={paths.category(block.category.slug)}>{block.category.name}</a>
          </h2>
          <ArticleList site={site} articles={block.articles} />
          <p class="see-all">
            <a href={paths.category(block.category.slug)}>{t.seeAll(block.category.name)}</a>
          </p>
        </section>
      ))}
    </>
  );
}
