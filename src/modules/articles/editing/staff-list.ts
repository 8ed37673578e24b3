import { sql, type Kysely, type SelectQueryBuilder } from "kysely";
import type { Ctx } from "../../../ctx.js";
import type { Tables } from "../../../db/schema.js";
import { Forbidden, NotFound } from "../../../lib/errors.js";
import { canWriteArticles, type Actor } from "../../accounts/index.js";
import type { Paged } from "../model.js";
import type { ArticlesTable, ArticleStatus } from "../table.js";
import { queryWordRanges } from "../title-words.js";
import { maySign } from "./checks.js";
import * as repo from "./repo.js";

/** Rows per page of the newsroom's list. */
export const STAFF_PAGE_SIZE = 30;

export interface StaffFilter {
  status?: ArticleStatus;
  categoryId?: number;
  /** A byline (co-bylines included). */
  authorId?: number;
  /** Words of the headline, as typed: case and accents aside, and from 3 letters on a word also
   * finds the longer ones it starts ("conseil" finds "conseils"). */
  q?: string;
}

export interface StaffRow {
  id: number;
  title: string;
  slug: string;
  status: ArticleStatus;
  publishedAt: string | null;
  modifiedAt: string;
  section: string;
  authors: string[];
}

type From = SelectQueryBuilder<Tables & { a: ArticlesTable }, "a", object>;

/**
 * Every article the filter keeps, drafts included. A byline's come from its links (as a tag's
 * listing does: SQLite keeps the CROSS JOIN's order); the rest from the article indexes newest
 * change first. A headline search looks each typed word up among the headlines' words
 * (title-words.ts); a search with no word in it finds nothing.
 */
function filtered(db: Kysely<Tables>, f: StaffFilter): From {
  let q: From =
    f.authorId === undefined
      ? db.selectFrom("articles as a")
      : (db
          .selectFrom("article_authors as aa")
          .crossJoin("articles as a")
          .whereRef("a.id", "=", "aa.article_id")
          .where("aa.user_id", "=", f.authorId) as unknown as From);
  if (f.status) q = q.where("a.status", "=", f.status);
  if (f.categoryId !== undefined) q = q.where("a.category_id", "=", f.categoryId);
  if (f.q !== undefined && f.q !== "") {
    const ranges = queryWordRanges(f.q);
    if (ranges.length === 0) q = q.where(sql<boolean>`1 = 0`);
    for (const { from, to } of ranges)
      q = q.where("a.id", "in", (eb) =>
        eb
          .selectFrom("article_title_words as w")
          .select("w.article_id")
          .$if(to === undefined, (w) => w.where("w.word", "=", from))
          .$if(to !== undefined, (w) =>
            w.where("w.word", ">=", from).where("w.word", "<", to as string),
          ),
      );
  }
  return q;
}

/**
 * The page's ids first, from the indexes alone (articles_listing holds status, last change and
 * section by id), then those 30 rows: ordering a byline's thousands of articles never reads their
 * rows, whose status sits past a long body.
 */
async function listRows(db: Kysely<Tables>, f: StaffFilter, limit: number, offset: number) {
  const ids = await filtered(db, f)
    .select("a.id")
    .orderBy("a.modified_at", "desc")
    .orderBy("a.id", "desc")
    .limit(limit)
    .offset(offset)
    .execute();
  if (ids.length === 0) return [];
  return db
    .selectFrom("articles as a")
    .innerJoin("categories as c", "c.id", "a.category_id")
    .select([
      "a.id",
      "a.title",
      "a.slug",
      "a.status",
      "a.published_at",
      "a.modified_at",
      "c.name as section",
    ])
    .where(
      "a.id",
      "in",
      ids.map((r) => r.id),
    )
    .orderBy("a.modified_at", "desc")
    .orderBy("a.id", "desc")
    .execute();
}

/**
 * Rows counted at most, for the list's total and its pages: nobody pages through more than 300
 * pages of 30, and counting every published article of a large site (95,000 at 100k) cost more
 * than the page itself. Past it the list says "10,000+" (`capped`).
 */
export const COUNT_CAP = 10_000;

async function countRows(db: Kysely<Tables>, f: StaffFilter) {
  const row = await db
    .selectFrom(
      filtered(db, f)
        .select(sql<number>`1`.as("one"))
        .limit(COUNT_CAP + 1)
        .as("kept"),
    )
    .select((eb) => eb.fn.countAll().as("n"))
    .executeTakeFirstOrThrow();
  return row.n;
}

/** A page of the newsroom's list of articles, newest change first. */
export async function staffList(
  ctx: Ctx,
  actor: Actor,
  filter: StaffFilter,
  page: number,
): Promise<Paged<StaffRow> & { capped: boolean }> {
  if (!canWriteArticles(actor)) throw new Forbidden("KIOSQUE_FORBIDDEN", { user: actor.id });
  const [counted, rows] = await Promise.all([
    countRows(ctx.db, filter).then((n) => ctx.engine.toNumber(n)),
    listRows(ctx.db, filter, STAFF_PAGE_SIZE, (page - 1) * STAFF_PAGE_SIZE),
  ]);
  const capped = counted > COUNT_CAP;
  const total = Math.min(counted, COUNT_CAP);
  const totalPages = Math.max(1, Math.ceil(total / STAFF_PAGE_SIZE));
  if (page > totalPages) throw new NotFound("page", { page });
  const authors = await repo.authorsOf(
    ctx.db,
    rows.map((r) => r.id),
  );
  return {
    items: rows.map((r) => ({
      id: r.id,
      title: r.title,
      slug: r.slug,
      status: r.status,
      publishedAt: r.published_at,
      modifiedAt: r.modified_at,
      section: r.section,
      authors: authors.filter((a) => a.article_id === r.id).map((a) => a.name),
    })),
    page,
    totalPages,
    total,
    capped,
  };
}

/**
 * Who may sign an article: for the form's byline choice (`articleId`: the article edited, whose
 * bylines stay offered, a disabled account's too) and the list's filter.
 */
export async function bylineCandidates(
  ctx: Ctx,
  articleId = 0,
): Promise<{ id: number; name: string; disabled: boolean }[]> {
  return (await repo.bylineCandidates(ctx.db, articleId))
    .filter(maySign)
    .map((c) => ({ id: c.id, name: c.name, disabled: c.disabled }));
}
