import type { VNode } from "preact";
import { attr, html } from "../../../web/html.js";
import { ResponsiveImage } from "../../../web/components/responsive-image.js";
import type { Site } from "../../../web/site.js";
import { paths } from "../../../web/urls.js";
import type { ArticleSummary } from "../model.js";

/**
 * The language an article's own words are in, when it is not the page's (the interface's): what
 * their `lang` says, so that a screen reader reads a French article in French on an English site.
 */
export function contentLang(site: Site, article: Pick<ArticleSummary, "language">) {
  return article.language && article.language !== site.t.lang ? article.language : undefined;
}

/** The "In: World" label: every article shows the section it sits in, as a link. */
export function categoryLabel(
  site: Site,
  category: ArticleSummary["category"],
  /** The interface's language, inside an element in the article's. */
  lang?: string,
): VNode {
  return html`
    <p class="category-label"${attr("lang", lang)}>
      <span class="visually-hidden">${site.t.inCategory} </span>
      <a href="${paths.category(category.slug)}">${category.name}</a>
    </p>`;
}

/** How wide a card's image shows (site.css): the lead spans the column, others a grid cell. */
const LEAD_SIZES = "(min-width: 72rem) 44rem, 100vw";
const CARD_SIZES = "(min-width: 72rem) 22rem, (min-width: 40rem) 50vw, 100vw";

export function ArticleCard({
  site,
  article,
  lead = false,
  level = 3,
}: {
  site: Site;
  article: ArticleSummary;
  lead?: boolean;
  /** Its heading's level: under the page's h1 on a listing, under a section's h2 at home. */
  level?: 2 | 3;
}) {
  const Heading = lead || level === 2 ? "h2" : "h3";
  const lang = contentLang(site, article);
  return (
    <article class={lead ? "card card-lead" : "card"}>
      {article.image ? (
        <ResponsiveImage
          class="card-image"
          image={{ ...article.image, alt: article.imageAlt || article.image.alt }}
          sizes={lead ? LEAD_SIZES : CARD_SIZES}
          aboveFold={lead}
        />
      ) : article.imageUrl ? (
        <img
          class="card-image"
          src={article.imageUrl}
          alt={article.imageAlt ?? ""}
          loading="lazy"
        />
      ) : null}
      {categoryLabel(site, article.category)}
      <Heading class="card-title" lang={lang}>
        <a href={paths.article(article.slug)}>{article.title}</a>
      </Heading>
      {article.standfirst ? (
        <p class="card-standfirst" lang={lang}>
          {article.standfirst}
        </p>
      ) : null}
      <p class="card-meta">
        <time datetime={article.publishedAt}>{site.fmt.date(article.publishedAt)}</time>
        {" · "}
        <a href={paths.commentPage(article.slug)}>
          {site.t.commentCount(site.fmt.number(article.commentCount), article.commentCount)}
        </a>
      </p>
    </article>
  );
}

export function ArticleList({
  site,
  articles,
  level = 3,
}: {
  site: Site;
  articles: ArticleSummary[];
  level?: 2 | 3;
}) {
  if (articles.length === 0) return <p>{site.t.noArticles}</p>;
  return (
    <div class="card-list">
      {articles.map((a) => (
        <ArticleCard site={site} article={a} level={level} />
      ))}
    </div>
  );
}
