import type { Generated } from "kysely";

export interface CategoriesTable {
  id: Generated<number>;
  slug: string;
  name: string;
  description: string;
  position: number;
  /** 0/1: in the site's menu and on the home page (migration 023); its page answers either way. */
  in_menu: Generated<number>;
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
  status: ArticleStatus;
  /** ISO 8601 UTC strings in both engines: one format, sortable as text. */
  published_at: string | null;
  /**
   * When readers first saw it; null while they never have (migration 025). Unlike
   * `published_at`, which a schedule moves ahead and a withdrawn schedule empties, it never
   * changes once set: it decides whether an old slug keeps answering and the date an article
   * comes back with.
   */
  first_published_at: string | null;
  /** Set when the text changed after publication. */
  updated_at: string | null;
  created_at: string;
  /** 0/1: the newsroom closed (0) or left open (1) this article's discussion. */
  comments_open: number;
  /** Approved comments, kept by the comments module so listings need no count query. */
  comment_count: number;
  /** Counts saves: a save made on an older version is a conflict (editing/save.ts). */
  version: Generated<number>;
  /** The last change of any kind, for the newsroom's list. */
  modified_at: string;
  seo_title: string | null;
  seo_description: string | null;
  /** A row of the media module's table (no foreign key: it migrates on its own). */
  image_media_id: number | null;
  image_caption: string | null;
  image_credit: string | null;
  /** 0/1: kept on the front page (WordPress's sticky posts, migration 018). */
  sticky: Generated<number>;
  /** The article's language, a BCP 47 tag ("en"); null: the site's (migration 019). */
  language: string | null;
}

/**
 * draft → review (an author submits) → scheduled (a date to come) or published. Readers see only
 * `published` rows whose date has come; the scheduling job turns `scheduled` into `published`.
 */
export type ArticleStatus = "draft" | "review" | "scheduled" | "published";

/** The bylines, in order; position 0 is also `articles.author_id`, which listings join. */
export interface ArticleAuthorsTable {
  article_id: number;
  user_id: number;
  position: number;
}

/** Each word of each headline, folded (title-words.ts): the newsroom's headline search. */
export interface ArticleTitleWordsTable {
  word: string;
  article_id: number;
}

/** Slugs an article answered to before: they answer 301 to its current one. */
export interface ArticleSlugsTable {
  slug: string;
  article_id: number;
  created_at: string;
}

export type RevisionKind = "save" | "restore" | "conflict";

export interface ArticleRevisionsTable {
  id: Generated<number>;
  article_id: number;
  /** The version this save made (a conflict: the version it was made on). */
  version: number;
  kind: RevisionKind;
  saved_by: number | null;
  saved_at: string;
  /** The article's fields as JSON (editing/fields.ts `ArticleFields`). */
  fields: string;
}

/** One person's latest unsaved form of one article: what a closed tab or a crash leaves. */
export interface ArticleAutosavesTable {
  article_id: number;
  user_id: number;
  base_version: number;
  saved_at: string;
  /** The form's values as typed, as JSON. */
  fields: string;
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
  article_authors: ArticleAuthorsTable;
  article_title_words: ArticleTitleWordsTable;
  article_slugs: ArticleSlugsTable;
  article_revisions: ArticleRevisionsTable;
  article_autosaves: ArticleAutosavesTable;
}
