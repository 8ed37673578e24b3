import type { ComponentChildren } from "preact";
import { attr, html, keptMarkup, type Html } from "../../../web/html.js";
import type { Site } from "../../../web/site.js";
import { anchors, paths } from "../../../web/urls.js";
import type { Article, ArticleSummary } from "../model.js";
import { categoryLabel, contentLang } from "./article-card.js";
import { ResponsiveImage } from "../../../web/components/responsive-image.js";

/** "A, B and C", each a link to their page, joined as the site's language joins a list. */
function byline(site: Site, authors: Article["authors"]): Html[] {
  const parts = site.fmt.listParts(authors.map((_, i) => String(i)));
  return parts.map((p) => {
    const a = p.type === "element" ? authors[Number(p.value)] : undefined;
    return a ? html`<a href="${paths.author(a.slug)}" rel="author">${a.name}</a>` : p.value;
  });
}

const alt = (article: Article) => attr("alt", article.imageAlt ?? "");

/** The featured image, with its caption and credit when the newsroom gave them. */
function featuredImage(article: Article): Html {
  // The lead image is above the fold: fetched at once, at high priority, never lazily.
  const img = article.image ? (
    <ResponsiveImage
      class="article-image"
      image={{ ...article.image, alt: article.imageAlt || article.image.alt }}
      sizes="(min-width: 48rem) 44rem, 100vw"
      aboveFold
    />
  ) : (
    html`<img class="article-image"${attr("src", article.imageUrl ?? "")}${alt(article)}/>`
  );
  if (!article.imageCaption && !article.imageCredit) return img;
  const between = article.imageCaption && article.imageCredit ? " " : null;
  const credit = article.imageCredit
    ? html`<span class="credit">${article.imageCredit}</span>`
    : null;
  return html`
    <figure class="article-figure">
      ${img}
      <figcaption>${article.imageCaption}${between}${credit}</figcaption>
    </figure>`;
}

/**
 * An article as its reader sees it, with its related articles and (as children) its comments.
 * A template (web/html.ts): rendered for every cold article.
 */
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
  const ui = attr("lang", lang ? t.lang : undefined);
  const time = (iso: string) => html`<time datetime="${iso}">${fmt.dateTime(iso)}</time>`;
  const updated = article.updatedAt ? html` · ${t.updatedOn} ${time(article.updatedAt)}` : null;
  const count = t.commentCount(fmt.number(article.commentCount), article.commentCount);
  // Past a long article and its threads in one step, not forty Tab stops.
  const jumps = html`
    <p class="article-jumps"${ui}>
      <a href="#${anchors.comments}">${count}</a>${
        discussionOpen ? html` · <a href="#${anchors.respond}">${t.comments.leave}</a>` : null
      }
    </p>`;
  const tags =
    article.tags.length > 0
      ? html`
        <footer class="article-tags"${ui}>
          <h2 class="visually-hidden">${t.tags}</h2>
          <ul>
            ${article.tags.map(
              (tag) => html`<li><a href="${paths.tag(tag.slug)}" rel="tag">${tag.name}</a></li>`,
            )}
          </ul>
        </footer>`
      : null;
  const relatedLang = (r: ArticleSummary) => attr("lang", contentLang(site, r));
  const relatedList =
    related.length > 0
      ? html`
        <aside class="related" aria-labelledby="related-heading">
          <h2 id="related-heading" class="section-heading">${t.related}</h2>
          <ul>
            ${related.map(
              (r) => html`
                <li>
                  ${categoryLabel(site, r.category)}
                  <a class="related-title" href="${paths.article(r.slug)}"${relatedLang(r)}>
                    ${r.title}
                  </a>
                </li>`,
            )}
          </ul>
        </aside>`
      : null;
  // The body was sanitised by an allowlist when written (lib/sanitize.ts): staff markup is
  // rendered as such.
  return html`
    <article class="article"${attr("lang", lang)}>
      <header class="article-header">
        ${categoryLabel(site, article.category, lang ? t.lang : undefined)}
        <h1>${article.title}</h1>
        ${article.standfirst ? html`<p class="standfirst">${article.standfirst}</p>` : null}
        <p class="byline"${ui}>${t.by} ${byline(site, article.authors)}</p>
        <p class="dateline"${ui}>${t.publishedOn} ${time(article.publishedAt)}${updated}</p>
        ${jumps}
      </header>
      ${article.image || article.imageUrl ? featuredImage(article) : null}
      <div class="article-body">${keptMarkup(article.bodyHtml)}</div>
      ${tags}
    </article>
    ${relatedList}
    ${children as Html}`;
}
