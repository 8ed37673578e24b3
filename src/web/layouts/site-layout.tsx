import type { ComponentChildren } from "preact";
import type { Site } from "../site.js";
import { paths } from "../urls.js";

export function SiteLayout({ site, children }: { site: Site; children: ComponentChildren }) {
  const { t } = site;
  return (
    <>
      <a class="skip-link" href="#content">
        {t.skipToContent}
      </a>
      <header class="site-header">
        <div class="wrap">
          <a class="site-name" href={paths.home()}>
            {site.name}
          </a>
          {site.description ? <p class="site-description">{site.description}</p> : null}
        </div>
        <nav class="site-nav" aria-label={t.mainNav}>
          <ul class="wrap">
            <li>
              <a href={paths.home()}>{t.home}</a>
            </li>
            {site.categories.map((c) => (
              <li>
                <a href={paths.category(c.slug)}>{c.name}</a>
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
