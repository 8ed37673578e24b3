import type { ComponentChildren } from "preact";
import { render } from "preact-render-to-string";
import type { Site } from "./site.js";
import { SiteLayout } from "./layouts/site-layout.js";

export interface PageMeta {
  title: string;
  description?: string;
  /** Path of this page's canonical address. */
  canonical?: string;
  /** Islands this page uses; reader pages without one ship no script at all. */
  scripts?: string[];
  /** Stylesheets after the site's own, for a page's islands (the editor's). */
  styles?: string[];
  noindex?: boolean;
}

function Document({
  site,
  meta,
  children,
}: {
  site: Site;
  meta: PageMeta;
  children: ComponentChildren;
}) {
  const title = meta.title === site.name ? site.name : `${meta.title} – ${site.name}`;
  return (
    <html lang={site.t.lang}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{title}</title>
        {meta.description ? <meta name="description" content={meta.description} /> : null}
        {meta.canonical ? <link rel="canonical" href={site.canonical(meta.canonical)} /> : null}
        {meta.noindex ? <meta name="robots" content="noindex" /> : null}
        <link rel="alternate" type="application/rss+xml" title={site.name} href="/feed.xml" />
        <link rel="icon" href={site.assets.icon} type="image/svg+xml" />
        <link rel="stylesheet" href={site.assets.css} />
        {(meta.styles ?? []).map((href) => (
          <link rel="stylesheet" href={href} />
        ))}
        {(meta.scripts ?? []).map((src) => (
          <script type="module" src={src} defer />
        ))}
      </head>
      <body>
        <SiteLayout site={site}>{children}</SiteLayout>
      </body>
    </html>
  );
}

/** A whole HTML page as a string. Preact escapes every text and attribute value. */
export function renderPage(site: Site, meta: PageMeta, body: ComponentChildren): string {
  return (
    "<!doctype html>" +
    render(
      <Document site={site} meta={meta}>
        {body}
      </Document>,
    )
  );
}

/** A fragment (an inline-posted comment): the same components, without the page around them. */
export function renderFragment(node: ComponentChildren): string {
  return render(<>{node}</>);
}
