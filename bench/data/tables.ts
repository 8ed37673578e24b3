import type {
  ArticleAuthorRow,
  ArticleRow,
  ArticleTagRow,
  ArticleTitleWordRow,
  CategoryRow,
  CommentRow,
  TagRow,
  UserRow,
} from "./plan.js";

/** A table the generator fills: its columns in insert order, with the type PostgreSQL casts to. */
export interface TableSpec<Row> {
  name: string;
  columns: readonly (readonly [keyof Row & string, "int" | "text"])[];
  /** Whether the table has an identity/autoincrement id whose sequence must follow our ids. */
  identity: boolean;
}

export const categories: TableSpec<CategoryRow> = {
  name: "categories",
  identity: true,
  columns: [
    ["id", "int"],
    ["slug", "text"],
    ["name", "text"],
    ["description", "text"],
    ["position", "int"],
  ],
};

export const tags: TableSpec<TagRow> = {
  name: "tags",
  identity: true,
  columns: [
    ["id", "int"],
    ["slug", "text"],
    ["name", "text"],
  ],
};

export const users: TableSpec<UserRow> = {
  name: "users",
  identity: true,
  columns: [
    ["id", "int"],
    ["email", "text"],
    ["name", "text"],
    ["slug", "text"],
    ["bio", "text"],
    ["role", "text"],
    ["password_hash", "text"],
    ["created_at", "text"],
  ],
};

export const articles: TableSpec<ArticleRow> = {
  name: "articles",
  identity: true,
  columns: [
    ["id", "int"],
    ["slug", "text"],
    ["category_id", "int"],
    ["author_id", "int"],
    ["title", "text"],
    ["standfirst", "text"],
    ["body_html", "text"],
    ["image_url", "text"],
    ["image_alt", "text"],
    ["status", "text"],
    ["published_at", "text"],
    ["first_published_at", "text"],
    ["updated_at", "text"],
    ["created_at", "text"],
    ["comments_open", "int"],
    ["comment_count", "int"],
    ["version", "int"],
    ["modified_at", "text"],
    ["seo_title", "text"],
    ["seo_description", "text"],
    ["image_media_id", "int"],
    ["image_caption", "text"],
    ["image_credit", "text"],
  ],
};

export const articleAuthors: TableSpec<ArticleAuthorRow> = {
  name: "article_authors",
  identity: false,
  columns: [
    ["article_id", "int"],
    ["user_id", "int"],
    ["position", "int"],
  ],
};

export const articleTitleWords: TableSpec<ArticleTitleWordRow> = {
  name: "article_title_words",
  identity: false,
  columns: [
    ["word", "text"],
    ["article_id", "int"],
  ],
};

export const articleTags: TableSpec<ArticleTagRow> = {
  name: "article_tags",
  identity: false,
  columns: [
    ["article_id", "int"],
    ["tag_id", "int"],
  ],
};

export const comments: TableSpec<CommentRow> = {
  name: "comments",
  identity: true,
  columns: [
    ["id", "int"],
    ["article_id", "int"],
    ["parent_id", "int"],
    ["root_id", "int"],
    ["depth", "int"],
    ["author_name", "text"],
    ["author_email", "text"],
    ["author_website", "text"],
    ["body", "text"],
    ["status", "text"],
    ["created_at", "text"],
    ["email_hash", "text"],
    ["ip_hash", "text"],
  ],
};

/** Every table the generator fills, parents before children (foreign keys). */
export const allTables = [
  categories,
  tags,
  users,
  articles,
  articleTags,
  articleAuthors,
  articleTitleWords,
  comments,
] as const;

/**
 * Keeps articles.comment_count equal to the approved comments, as the comments module would have.
 * Same SQL on both engines (SQLite has UPDATE … FROM since 3.33).
 */
export const REFRESH_COMMENT_COUNTS = `
  update articles set comment_count = c.n
  from (select article_id, count(*) as n from comments where status = 'approved' group by article_id) as c
  where c.article_id = articles.id`;
