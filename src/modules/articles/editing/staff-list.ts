import { sql, type Kysely, type SelectQueryBuilder } from "kysely";
import type { Ctx } from "../../../ctx.js";
import type { Tables } from "../../../db/schema.js";
import { Forbidden, NotFound } from "../../../lib/errors.js";
import { canWriteArticles, type Actor } from "../../accounts/index.js";
import type { Paged } from "../model.js";
import type { ArticlesTable, ArticleStatus } from "../table.js";
import * as repo from "./repo.js";

/** Rows per page of the newsroom's list. */
export const STAFF_PAGE_SIZE = 30;

export interface StaffFilter {
  status?: ArticleStatus;
  categoryId?: number;
  /** A byline (co-bylines included). */
  authorId?: number;
  /** Words the headline contains, as typed (case aside). */
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

/** `%`, `_` and `\` typed in a search are letters, not patterns. */
const likeEscaped = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * Every article the filter keeps, drafts included. A byline's come from its links (as a tag's
 * listing does: SQLite keeps the CROSS JOIN's order); the rest from the article indexes newest
 * change first; a headline search reads titles from the index that holds them, not the rows.
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
  if (f.q)
    q = q.where(
      sql<boolean>`lower(${sql.ref("a.title")}) like ${`%${likeEscaped(f.q.toLowerCase())}%`} escape '\\'`,
    );
  return q;
}

async function listRows(db: Kysely<Tables>, f: StaffFilter, limit: number, offset: number) {
  return filtered(db, f)
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
    .orderBy("a.modified_at", "desc")
    .orderBy("a.id", "desc")
    .limit(limit)
    .offset(offset)
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

/** Who may sign an article: for the form's byline choice and the list's filter. */
export async function bylineCandidates(ctx: Ctx): Promise<{ id: number; name: string }[]> {
  return (await repo.bylineCandidates(ctx.db)).map((c) => ({ id: c.id, name: c.name }));
}
