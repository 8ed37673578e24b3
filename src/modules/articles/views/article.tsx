import type { ComponentChildren } from "preact";
import type { Site } from "../../../web/site.js";
import { anchors, paths } from "../../../web/urls.js";
import type { Article, ArticleSummary } from "../model.js";
import { CategoryLabel, contentLang } from "./article-card.js";
import { ResponsiveImage } from "../../../web/components/responsive-image.js";

/** "A, B and C", each a link to their page, joined as the site's language joins a list. */
function Byline({ site, authors }: { site: Site; authors: Article["authors"] }) {
  const parts = site.fmt.listParts(authors.map((_, i) => String(i)));
  return (
    <>
      {parts.map((p) => {
        const a = p.type === "element" ? authors[Number(p.value)] : undefined;
        return a ? (
          <a href={paths.author(a.slug)} rel="author">
            {a.name}
          </a>
        ) : (
          p.value
        );
      })}
    </>
  );
}

/** The featured image, with its caption and credit when the newsroom gave them. */
function FeaturedImage({ article }: { article: Article }) {
  // The lead image is above the fold: fetched at once, at high priority, never lazily.
  const img = article.image ? (
    <ResponsiveImage
      class="article-image"
      image={{ ...article.image, alt: article.imageAlt || article.image.alt }}
      sizes="(min-width: 48rem) 44rem, 100vw"
      aboveFold
    />
  ) : (
    <img class="article-image" src={article.imageUrl ?? ""} alt={article.imageAlt ?? ""} />
  );
  if (!article.imageCaption && !article.imageCredit) return img;
  return (
    <figure class="article-figure">
      {img}
      <figcaption>
        {article.imageCaption}
        {article.imageCaption && article.imageCredit ? " " : null}
        {article.imageCredit ? <span class="credit">{article.imageCredit}</span> : null}
      </figcaption>
    </figure>
  );
}

export function ArticleView({
  site,
  article,
  related,
  discussionOpen = false,
  children,
}: {
  site: Site;
  article: Article;
  related: ArticleSummary[];
  /** Whether the comment form is on the page: the header then links to it. */
  discussionOpen?: boolean;
  /** The comment section, which the comments module renders. */
  children?: ComponentChildren;
}) {
  const { t, fmt } = site;
  // The article's words in its language, the interface's words around them in the page's.
  const lang = contentLang(site, article);
  const ui = lang ? t.lang : undefined;
  return (
    <>
      <article class="article" lang={lang}>
        <header class="article-header">
          <CategoryLabel site={site} category={article.category} lang={ui} />
          <h1>{article.title}</h1>
          {article.standfirst ? <p class="standfirst">{article.standfirst}</p> : null}
          <p class="byline" lang={ui}>
            {t.by} <Byline site={site} authors={article.authors} />
          </p>
          <p class="dateline" lang={ui}>
            {t.publishedOn}{" "}
            <time datetime={article.publishedAt}>{fmt.dateTime(article.publishedAt)}</time>
            {article.updatedAt ? (
              <>
                {" · "}
                {t.updatedOn}{" "}
                <time datetime={article.updatedAt}>{fmt.dateTime(article.updatedAt)}</time>
              </>
            ) : null}
          </p>
          {/* Past a long article and its threads in one step, not forty Tab stops. */}
          <p class="article-jumps" lang={ui}>
            <a href={`#${anchors.comments}`}>
              {t.commentCount(fmt.number(article.commentCount), article.commentCount)}
            </a>
            {discussionOpen ? (
              <>
                {" · "}
                <a href={`#${anchors.respond}`}>{t.comments.leave}</a>
              </>
            ) : null}
          </p>
        </header>
        {article.image || article.imageUrl ? <FeaturedImage article={article} /> : null}
        {/* Sanitised by an allowlist when written (lib/sanitize.ts); staff markup is rendered as such. */}
        <div class="article-body" dangerouslySetInnerHTML={{ __html: article.bodyHtml }} />
        {article.tags.length > 0 ? (
          <footer class="article-tags" lang={ui}>
            <h2 class="visually-hidden">{t.tags}</h2>
            <ul>
              {article.tags.map((tag) => (
                <li>
                  <a href={paths.tag(tag.slug)} rel="tag">
                    {tag.name}
                  </a>
                </li>
              ))}
            </ul>
          </footer>
        ) : null}
      </article>
      {related.length > 0 ? (
        <aside class="related" aria-labelledby="related-heading">
          <h2 id="related-heading" class="section-heading">
            {t.related}
          </h2>
          <ul>
            {related.map((r) => (
              <li>
                <CategoryLabel site={site} category={r.category} />
                <a class="related-title" href={paths.article(r.slug)} lang={contentLang(site, r)}>
                  {r.title}
                </a>
              </li>
            ))}
          </ul>
        </aside>
      ) : null}
      {children}
    </>
  );
}
