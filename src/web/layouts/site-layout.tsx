import type { ComponentChildren } from "preact";
import { ResponsiveImage } from "../components/responsive-image.js";
import type { Site } from "../site.js";
import { paths } from "../urls.js";

/** The logo's box at most (the stylesheet's `.site-logo`): the browser picks a variant for it. */
const LOGO_SIZES = "20rem";

export function SiteLayout({
  site,
  section,
  children,
}: {
  site: Site;
  /** The section this page is, or is in: marked in the navigation. */
  section?: string | undefined;
  children: ComponentChildren;
}) {
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
