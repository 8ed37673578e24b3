import type { Article } from "../modules/articles/index.js";
import type { Site } from "./site.js";
import { paths } from "./urls.js";

/**
 * schema.org objects for search engines (JSON-LD): the publisher, an article, where a page sits.
 * Addresses go through `site.canonical`: absolute on the public origin when one is set, else
 * paths, which JSON-LD resolves against the page.
 */

const CONTEXT = "https://schema.org";

/** The publisher, with its logo (settings `site.logo`) when one is set. */
function publisher(site: Site) {
  return {
    "@type": "NewsMediaOrganization",
    name: site.name,
    url: site.canonical(paths.home()),
    ...(site.logo
      ? {
          logo: {
            "@type": "ImageObject",
            url: site.canonical(site.logo.src),
            width: site.logo.width,
            height: site.logo.height,
          },
        }
      : {}),
  };
}

export function organizationLd(site: Site) {
  return {
    "@context": CONTEXT,
    ...publisher(site),
    ...(site.description ? { description: site.description } : {}),
  };
}

export function webSiteLd(site: Site) {
  return {
    "@context": CONTEXT,
    "@type": "WebSite",
    name: site.name,
    url: site.canonical(paths.home()),
    inLanguage: site.t.lang,
  };
}

/** The trail from the home page to this one: each step's name and address. */
export function breadcrumbsLd(site: Site, trail: readonly { name: string; path: string }[]) {
  return {
    "@context": CONTEXT,
    "@type": "BreadcrumbList",
    itemListElement: [{ name: site.t.home, path: paths.home() }, ...trail].map((step, i) => ({
      "@type": "ListItem",
      position: i + 1,
      name: step.name,
      item: site.canonical(step.path),
    })),
  };
}

export function newsArticleLd(site: Site, a: Article, lang: string) {
  const image = a.image?.src ?? a.imageUrl ?? undefined;
  return {
    "@context": CONTEXT,
    "@type": "NewsArticle",
    headline: a.title,
    ...(a.standfirst ? { description: a.standfirst } : {}),
    datePublished: a.publishedAt,
    dateModified: a.updatedAt ?? a.publishedAt,
    inLanguage: lang,
    mainEntityOfPage: site.canonical(paths.article(a.slug)),
    url: site.canonical(paths.article(a.slug)),
    articleSection: a.category.name,
    ...(a.tags.length > 0 ? { keywords: a.tags.map((t) => t.name).join(", ") } : {}),
    ...(image
      ? {
          image: [
            a.image
              ? {
                  "@type": "ImageObject",
                  url: site.canonical(a.image.src),
                  width: a.image.width,
                  height: a.image.height,
                }
              : image.startsWith("/")
                ? site.canonical(image)
                : image,
          ],
        }
      : {}),
    author: a.authors.map((p) => ({
      "@type": "Person",
      name: p.name,
      url: site.canonical(paths.author(p.slug)),
    })),
    publisher: publisher(site),
  };
}
