import type { ComponentChildren } from "preact";
import { render } from "preact-render-to-string";
import type { Site } from "./site.js";
import { typesetHtml } from "./typography.js";
import {
  feedLinks,
  shareMeta,
  structuredData,
  type PageFeed,
  type ShareCard,
} from "./head-extras.js";
import { html, type Html } from "./html.js";
import type { Messages } from "./i18n/index.js";
import { NewsroomLayout, type NewsroomPerson } from "./layouts/newsroom-layout.js";
import { SiteLayout } from "./layouts/site-layout.js";

export interface PageMeta {
  title: string;
  description?: string;
  /** Path of this page's canonical address. */
  canonical?: string;
  /** Islands this page uses; reader pages without one ship no script at all. */
  scripts?: string[];
  /** Stylesheets beyond the site's own (the newsroom's, the editor's). */
  styles?: string[];
  noindex?: boolean;
  /** Feeds of what this page lists, offered besides the site's (autodiscovery). */
  feeds?: readonly PageFeed[];
  /** What a share of this page shows (Open Graph, Twitter card). */
  card?: ShareCard;
  /** The section (its slug) the page is, or is in: the navigation marks it. */
  section?: string | undefined;
  /** schema.org objects (JSON-LD): web/structured-data.ts. */
  structuredData?: readonly object[];
}

/**
 * The page around a layout: the head, with what shares, feeds and search engines read. A template
 * (web/html.ts): every page, cold or not, has its ~25 head elements.
 */
function Document({
  site,
  meta,
  lang = site.t.lang,
  children,
}: {
  site: Site;
  meta: PageMeta;
  lang?: string;
  children: ComponentChildren;
}) {
  const title = meta.title === site.name ? site.name : `${meta.title} – ${site.name}`;
  const indexed = !meta.noindex;
  const canonical = meta.canonical
    ? html`<link rel="canonical" href="${site.canonical(meta.canonical)}"/>`
    : null;
  return html`
    <html lang="${lang}">
      <head>
        <meta charset="utf-8"/>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <title>${title}</title>
        ${meta.description ? html`<meta name="description" content="${meta.description}"/>` : null}
        ${canonical}
        ${indexed ? null : html`<meta name="robots" content="noindex"/>`}
        ${indexed ? feedLinks(site, meta.feeds) : null}
        ${meta.card && indexed ? shareMeta(site, meta.card, meta.canonical) : null}
        <link rel="icon" href="${site.assets.icon}" type="image/svg+xml"/>
        <link rel="stylesheet" href="${site.assets.css}"/>
        ${(meta.styles ?? []).map((href) => html`<link rel="stylesheet" href="${href}"/>`)}
        ${(meta.scripts ?? []).map((src) => html`<script type="module" src="${src}"></script>`)}
        ${meta.structuredData && indexed ? structuredData(meta.structuredData) : null}
      </head>
      <body>${children as Html}</body>
    </html>`;
}

/**
 * A whole reader page as a string. Preact escapes every text and attribute value; the page's
 * text is then set in French typography (web/typography.ts), reader pages only.
 */
export function renderPage(site: Site, meta: PageMeta, body: ComponentChildren): string {
  const page = render(
    <Document site={site} meta={meta}>
      <SiteLayout site={site} section={meta.section}>
        {body}
      </SiteLayout>
    </Document>,
  );
  // The head holds no text to set but its title and scripts, which stay as written anyway.
  return "<!doctype html>" + typesetHtml(page, Math.max(0, page.indexOf("<body>")));
}

/**
 * A newsroom page in the person's language `t` (the site's name and assets stay the site's). Never
 * indexed: the newsroom is not for search engines.
 */
export function renderNewsroomPage(
  site: Site,
  t: Messages,
  person: NewsroomPerson | undefined,
  meta: PageMeta,
  body: ComponentChildren,
): string {
  return (
    "<!doctype html>" +
    render(
      <Document
        site={site}
        meta={{ ...meta, noindex: true, styles: [site.assets.newsroomCss, ...(meta.styles ?? [])] }}
        lang={t.lang}
      >
        <NewsroomLayout site={site} t={t} person={person}>
          {body}
        </NewsroomLayout>
      </Document>,
    )
  );
}

/** A fragment (an inline-posted comment): the same components, without the page around them. */
export function renderFragment(node: ComponentChildren): string {
  return typesetHtml(render(<>{node}</>));
}
