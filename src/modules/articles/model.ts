import type { MediaItem } from "../media/index.js";
/** What the articles module hands to views and other modules: plain data, camelCase. */
export interface Named {
  slug: string;
  name: string;
}

export interface ArticleSummary {
  id: number;
  slug: string;
  title: string;
  standfirst: string;
  imageUrl: string | null;
  imageAlt: string | null;
  /** An uploaded featured image (media module); the routes attach it as `image` to show it. */
  imageMediaId: number | null;
  image?: MediaItem | undefined;
  publishedAt: string;
  updatedAt: string | null;
  commentCount: number;
  category: Named;
  author: Named;
  /** Its language (BCP 47) when the newsroom set one; null: the site's. */
  language: string | null;
}

export interface Article extends ArticleSummary {
  /** Every byline, in order (the first is `author`). */
  authors: Named[];
  /** The bylines' accounts, in order: a staff comment by one of them is the author's. */
  bylineIds: number[];
  imageCaption?: string | null;
  imageCredit?: string | null;
  /** What search engines and shares show, when the newsroom wrote something of its own. */
  seoTitle?: string | null;
  seoDescription?: string | null;
  bodyHtml: string;
  commentsOpen: boolean;
  categoryId: number;
  tags: (Named & { id: number })[];
}

export interface Paged<T> {
  items: T[];
  page: number;
  totalPages: number;
  total: number;
}

export interface SummaryRow {
  id: number;
  slug: string;
  title: string;
  standfirst: string;
  image_url: string | null;
  image_alt: string | null;
  image_media_id: number | null;
  published_at: string | null;
  updated_at: string | null;
  comment_count: number;
  category_slug: string;
  category_name: string;
  author_slug: string;
  author_name: string;
  language: string | null;
}

export function toSummary(r: SummaryRow): ArticleSummary {
  return {
    id: r.id,
    slug: r.slug,
    title: r.title,
    standfirst: r.standfirst,
    imageUrl: r.image_url,
    imageAlt: r.image_alt,
    imageMediaId: r.image_media_id,
    // Only published rows reach here, and publishing sets the date.
    publishedAt: r.published_at ?? "",
    updatedAt: r.updated_at,
    commentCount: Number(r.comment_count),
    category: { slug: r.category_slug, name: r.category_name },
    author: { slug: r.author_slug, name: r.author_name },
    language: r.language,
  };
}
