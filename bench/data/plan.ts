import type { Selectable } from "kysely";
import { slugify } from "../../src/lib/slug.js";
import type { UsersTable } from "../../src/modules/accounts/table.js";
import type {
  ArticleAuthorsTable,
  ArticleTagsTable,
  ArticlesTable,
  ArticleTitleWordsTable,
  CategoriesTable,
  TagsTable,
} from "../../src/modules/articles/table.js";
import { placeReply, TOP_LEVEL } from "../../src/modules/comments/placement.js";
import type { CommentsTable } from "../../src/modules/comments/table.js";
import { mix32, substream, type Prng } from "./prng.js";
import { bodyMaker, commentBody, headline, personName, sentence } from "./text.js";
import { CATEGORIES, FIRST_NAMES, LAST_NAMES, TAG_PLACES, TAG_TOPICS } from "./words.js";

/** What to generate. Everything else follows from the seed. */
export interface DatasetSpec {
  articles: number;
  /** Rows in the comments table, the designated article's included. */
  comments: number;
  /** Approved comments on the designated article (the article benchmark's page). */
  benchComments: number;
  seed: number;
}

/** The article the article benchmark reads: the newest, with exactly `benchComments` approved comments. */
export const BENCH_ARTICLE_SLUG = "bench-article";

// The rows as the tables hold them, ids included: ids are chosen here so that replies can name
// their parent and thread root without reading anything back from the database.
export type CategoryRow = Selectable<CategoriesTable>;
export type TagRow = Selectable<TagsTable>;
export type UserRow = Selectable<UsersTable>;
export type ArticleRow = Selectable<ArticlesTable>;
export type ArticleTagRow = Selectable<ArticleTagsTable>;
export type ArticleAuthorRow = Selectable<ArticleAuthorsTable>;
export type ArticleTitleWordRow = Selectable<ArticleTitleWordsTable>;
export type CommentRow = Selectable<CommentsTable>;

/**
 * A fixed "now" for the data, so the same seed gives the same dates on any day. It only has to be
 * in the past: the site hides articles published in the future.
 */
const NEWEST = Date.UTC(2026, 0, 1, 6, 0, 0);
const YEAR_MS = 365.25 * 86_400_000;
/** Articles are spread over this many years before NEWEST. */
const YEARS = 5;
const TAGS = TAG_TOPICS.length * TAG_PLACES.length;
const AUTHORS = 20;
/** The site's default comments.maxDepth: depths 0 to 4, as the site would place replies. */
const MAX_DEPTH = 5;
const DRAFT_SHARE = 0.02;
const REPLY_SHARE = 0.35;
/**
 * Comments waiting for a moderator: 1%, so that the 1M-comment dataset leaves the desk about
 * 10,000 pending (issue 11's figure), as a busy site's queue might after a weekend.
 */
const PENDING_SHARE = 0.01;
const SPAM_SHARE = 0.02;
/** Bcrypt/argon2-looking but unusable: bench authors exist to sign articles, nobody signs in. */
const DUMMY_PASSWORD_HASH = "$bench$no-login";

export function categoryRows(): CategoryRow[] {
  return CATEGORIES.map(([name, description], i) => ({
    id: i + 1,
    slug: slugify(name),
    name,
    description,
    position: i,
    in_menu: 1,
  }));
}

export function tagRows(): TagRow[] {
  return TAG_TOPICS.flatMap((topic, t) =>
    TAG_PLACES.map((place, p) => {
      const name = `${topic} ${place}`;
      return { id: t * TAG_PLACES.length + p + 1, slug: slugify(name), name };
    }),
  );
}

export function userRows(seed: number): UserRow[] {
  const r = substream(seed, "users");
  return Array.from({ length: AUTHORS }, (_, i) => {
    const name = personName(r);
    const slug = `${slugify(name)}-${i + 1}`;
    return {
      id: i + 1,
      email: `${slug}@redaction.example`,
      name,
      slug,
      bio: sentence(r),
      role: i === 0 ? "editor" : "author",
      password_hash: DUMMY_PASSWORD_HASH,
      created_at: new Date(NEWEST - YEARS * YEAR_MS).toISOString(),
      locale: "fr",
      disabled_at: null,
      totp_secret: null,
      totp_enabled_at: null,
      totp_last_step: null,
      last_sign_in_at: null,
    };
  });
}

/** What the comment pass needs to know of each article, kept small for 100,000 of them. */
export interface ArticleIndex {
  /** published_at in ms per article id (index 0 unused); NaN for drafts. */
  publishedAt: Float64Array;
  benchArticleId: number;
}

/**
 * Articles in id order, oldest first; the last one is the bench article (newest, published,
 * open). Yields batches so that 100,000 bodies never sit in memory together.
 */
export function* articleBatches(
  spec: DatasetSpec,
  batchSize: number,
  index: ArticleIndex,
): Generator<{ articles: ArticleRow[]; tags: ArticleTagRow[]; authors: ArticleAuthorRow[] }> {
  const r = substream(spec.seed, "articles");
  const body = bodyMaker(substream(spec.seed, "paragraphs"));
  const categories = CATEGORIES.length;
  let articles: ArticleRow[] = [];
  let tags: ArticleTagRow[] = [];
  let authors: ArticleAuthorRow[] = [];
  for (let id = 1; id <= spec.articles; id++) {
    const bench = id === index.benchArticleId;
    const age = ((spec.articles - id) / spec.articles) * YEARS * YEAR_MS;
    const published = bench ? NEWEST : Math.round(NEWEST - age - r.int(0, 3_600_000));
    const draft = !bench && r.chance(DRAFT_SHARE);
    const title = headline(r);
    const author_id = r.int(1, AUTHORS);
    const updated_at =
      !draft && r.chance(0.1) ? new Date(published + 3_600_000).toISOString() : null;
    const created_at = new Date(published - 86_400_000).toISOString();
    articles.push({
      id,
      slug: bench ? BENCH_ARTICLE_SLUG : `${slugify(title).slice(0, 60).replace(/-+$/, "")}-${id}`,
      category_id: bench ? 1 : r.int(1, categories),
      author_id,
      title,
      standfirst: sentence(r),
      body_html: body(r),
      image_url: null,
      image_alt: null,
      status: draft ? "draft" : "published",
      published_at: draft ? null : new Date(published).toISOString(),
      first_published_at: draft ? null : new Date(published).toISOString(),
      updated_at,
      created_at,
      comments_open: 1,
      // Set from the comments once they are written (see finish()): one source of truth.
      comment_count: 0,
      version: 1,
      modified_at: updated_at ?? (draft ? created_at : new Date(published).toISOString()),
      seo_title: null,
      seo_description: null,
      image_media_id: null,
      image_caption: null,
      image_credit: null,
      sticky: 0,
      language: null,
    });
    authors.push({ article_id: id, user_id: author_id, position: 0 });
    index.publishedAt[id] = draft ? Number.NaN : published;
    const wanted = r.int(2, 4);
    const chosen = new Set<number>();
    while (chosen.size < wanted) chosen.add(r.int(1, TAGS));
    for (const tag_id of chosen) tags.push({ article_id: id, tag_id });
    if (articles.length >= batchSize) {
      yield { articles, tags, authors };
      articles = [];
      tags = [];
      authors = [];
    }
  }
  if (articles.length > 0) yield { articles, tags, authors };
}

export function newArticleIndex(spec: DatasetSpec): ArticleIndex {
  return { publishedAt: new Float64Array(spec.articles + 1), benchArticleId: spec.articles };
}

/**
 * How many comments each published article gets: the bench article its fixed number, the others
 * share the rest, newer articles more often (readers comment on the news, not the archive).
 */
function commentCounts(spec: DatasetSpec, index: ArticleIndex, r: Prng): Uint32Array {
  const counts = new Uint32Array(spec.articles + 1);
  counts[index.benchArticleId] = spec.benchComments;
  const others: number[] = [];
  for (let id = 1; id <= spec.articles; id++)
    if (id !== index.benchArticleId && !Number.isNaN(index.publishedAt[id])) others.push(id);
  const rest = spec.comments - spec.benchComments;
  if (rest > 0 && others.length === 0)
    throw new Error("comments beyond the bench article's need at least one other article");
  for (let i = 0; i < rest; i++) {
    const id = others[Math.floor(others.length * Math.sqrt(r.next()))] as number;
    counts[id] = (counts[id] ?? 0) + 1;
  }
  return counts;
}

/** A reader, derived from a number: 50,000 of them cost nothing to keep. */
function reader(n: number) {
  const first = FIRST_NAMES[mix32(n) % FIRST_NAMES.length] as string;
  const last = LAST_NAMES[mix32(n ^ 0x5bd1e995) % LAST_NAMES.length] as string;
  const local = `${slugify(first)}.${slugify(last)}.${n}`;
  return {
    name: `${first} ${last}`,
    email: `${local}@lecteurs.example`,
    website: mix32(n ^ 0x27d4eb2f) % 10 === 0 ? `https://${local}.example/` : null,
    // Any stable string does: the server only reads it for avatars and a reader's history.
    emailHash: `${mix32(n).toString(16).padStart(8, "0")}${mix32(n + 0x7fffffff)
      .toString(16)
      .padStart(8, "0")}`,
  };
}

interface Visible {
  id: number;
  parentId: number | null;
  rootId: number;
  depth: number;
}

/**
 * Comments, article by article, in id order. About a third are replies to an approved comment
 * of the same article, placed by the site's own rule (comments/placement.ts; root_id is the
 * comment's own id at the top level). Elsewhere 97% approved, 1% pending, 2% spam; the bench
 * article's all approved.
 */
export function* commentBatches(
  spec: DatasetSpec,
  batchSize: number,
  index: ArticleIndex,
): Generator<CommentRow[]> {
  const r = substream(spec.seed, "comments");
  const counts = commentCounts(spec, index, r);
  const readers = Math.max(100, Math.floor(spec.comments / 20));
  let id = 0;
  let batch: CommentRow[] = [];
  for (let articleId = 1; articleId <= spec.articles; articleId++) {
    const count = counts[articleId] ?? 0;
    if (count === 0) continue;
    const bench = articleId === index.benchArticleId;
    let at = (index.publishedAt[articleId] as number) + r.int(1, 120) * 60_000;
    const visible: Visible[] = [];
    for (let k = 0; k < count; k++) {
      id++;
      at += r.int(1, 180) * 60_000;
      const parent = visible.length > 0 && r.chance(REPLY_SHARE) ? r.pick(visible) : undefined;
      const place = parent ? placeReply(parent, MAX_DEPTH) : TOP_LEVEL;
      const roll = r.next();
      const status =
        bench || roll < 1 - PENDING_SHARE - SPAM_SHARE
          ? "approved"
          : roll < 1 - SPAM_SHARE
            ? "pending"
            : "spam";
      const who = reader(r.int(1, readers));
      const row: CommentRow = {
        id,
        article_id: articleId,
        parent_id: place.parentId,
        root_id: place.rootId ?? id,
        depth: place.depth,
        author_name: who.name,
        author_email: who.email,
        author_website: who.website,
        body: commentBody(r),
        status,
        created_at: new Date(at).toISOString(),
        email_hash: who.emailHash,
        ip_hash: null,
        client_key: null,
        staff_user_id: null,
        featured_at: null,
        kind: "comment",
      };
      if (status === "approved")
        visible.push({ id, parentId: row.parent_id, rootId: row.root_id ?? id, depth: row.depth });
      batch.push(row);
      if (batch.length >= batchSize) {
        yield batch;
        batch = [];
      }
    }
  }
  if (batch.length > 0) yield batch;
}
