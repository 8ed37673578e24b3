import { randomBytes } from "node:crypto";
import type { ComponentChildren } from "preact";
import { render } from "preact-render-to-string";
import { keptMarkup } from "../html.js";
import { ResponsiveImage } from "../components/responsive-image.js";
import type { Site } from "../site.js";
import { paths } from "../urls.js";

/** The logo's box at most (the stylesheet's `.site-logo`): the browser picks a variant for it. */
const LOGO_SIZES = "20rem";

interface LayoutProps {
  site: Site;
  /** The section this page is, or is in: marked in the navigation. */
  section?: string | undefined;
  children: ComponentChildren;
}

/** What a page's content goes into, rendered once: before the content, and after it. */
type Chrome = [before: string, after: string];

/** A site's chrome per section, dropped with the site (every change makes a new one). */
const chromes = new WeakMap<Site, Map<string, Chrome>>();
/** Sections are the site's categories; past this many, a page's chrome is rendered each time. */
const CHROMES_MAX = 256;
/** Where the content goes; unknown outside the process, so no site text can pass for it. */
const CONTENT = `kqcontent${randomBytes(9).toString("hex")}`;

/**
 * Every reader page's header, navigation and footer. They change with the site only (its name,
 * sections, footer links) and the section marked: rendered once per site and section, and kept.
 * A render of them was ~20 µs of every cold page.
 */
export function SiteLayout({ site, section, children }: LayoutProps) {
  let kept = chromes.get(site);
  if (!kept) chromes.set(site, (kept = new Map()));
  const key = section ?? "";
  let chrome = kept.get(key);
  if (!chrome) {
    const [before = "", after = ""] = render(
      <FullSiteLayout site={site} section={section}>
        {CONTENT}
      </FullSiteLayout>,
    ).split(CONTENT);
    chrome = [before, after];
    if (kept.size < CHROMES_MAX) kept.set(key, chrome);
  }
  return (
    <>
      {keptMarkup(chrome[0])}
      {children}
      {keptMarkup(chrome[1])}
    </>
  );
}

/** The layout rendered in full (the kept chrome's reference). */
export function FullSiteLayout({ site, section, children }: LayoutProps) {
  const { t } = site;
  return (
    <>
      <a class="skip-link" href="#content">
        {t.skipToContent}
      </a>
      <header class="site-header">
        <div class="wrap">
          <a class="site-name" href={paths.home()}>
            {site.logo ? (
              // The name is the logo's text: what it says, for who cannot see it.
              <ResponsiveImage
                image={{ ...site.logo, alt: site.name }}
                class="site-logo"
                sizes={LOGO_SIZES}
                aboveFold
              />
            ) : (
              site.name
            )}
          </a>
          {site.description ? <p class="site-description">{site.description}</p> : null}
          <form
            class="site-search"
            role="search"
            aria-label={t.search.label}
            method="get"
            action={paths.search(t.lang)}
          >
            <label for="site-search-q" class="visually-hidden">
              {t.search.label}
            </label>
            <input type="search" id="site-search-q" name="q" maxLength={1000} />
            <button type="submit">{t.search.submit}</button>
          </form>
        </div>
        <nav class="site-nav" aria-label={t.mainNav}>
          <ul class="wrap">
            <li>
              <a href={paths.home()}>{t.home}</a>
            </li>
            {site.categories.map((c) => (
              <li>
                <a
                  href={paths.category(c.slug)}
                  aria-current={c.slug === section ? "true" : undefined}
                >
                  {c.name}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      </header>
      <main id="content" class="wrap">
        {children}
      </main>
      <footer class="site-footer">
        {site.footerLinks.length > 0 ? (
          <nav class="wrap footer-nav" aria-label={t.footerNav}>
            <ul>
              {site.footerLinks.map((p) => (
                <li>
                  <a href={paths.page(p.slug)}>{p.title}</a>
                </li>
              ))}
            </ul>
          </nav>
        ) : null}
        <p class="wrap">{t.footer(site.name)}</p>
      </footer>
    </>
  );
}
