import type { Generated } from "kysely";

export interface CategoriesTable {
  id: Generated<number>;
  slug: string;
  name: string;
  description: string;
  position: number;
}

export interface ArticlesTable {
  id: Generated<number>;
  slug: string;
  category_id: number;
  author_id: number;
  title: string;
  standfirst: string;
  /** Sanitised on write by an allowlist; rendered as is. */
  body_html: string;
  image_url: string | null;
  image_alt: string | null;
  status: "draft" | "published";
  /** ISO 8601 UTC strings in both engines: one format, sortable as text. */
  published_at: string | null;
  /** Set when the text changed after publication. */
  updated_at: string | null;
  created_at: string;
  /** 0/1: the newsroom closed (0) or left open (1) this article's discussion. */
  comments_open: number;
  /** Approved comments, kept by the comments module so listings need no count query. */
  comment_count: number;
}

export interface TagsTable {
  id: Generated<number>;
  slug: string;
  name: string;
}

export interface ArticleTagsTable {
  article_id: number;
  tag_id: number;
}

export interface ArticlesTables {
  categories: CategoriesTable;
  articles: ArticlesTable;
  tags: TagsTable;
  article_tags: ArticleTagsTable;
}
