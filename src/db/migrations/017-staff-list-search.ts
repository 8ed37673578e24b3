import { sql, type Kysely } from "kysely";

/**
 * Frozen in time. The newsroom's article list at 100,000 articles (issue 10: p95 < 50 ms):
 *
 * - `article_title_words`: each word of each headline, folded (no accents, lower case), so a
 *   search for "ecole" finds « École » by an index range instead of reading every headline.
 *   PostgreSQL compares the words byte by byte (`collate "C"`), as SQLite does, so a prefix is a
 *   range on both.
 * - `articles_listing`: an article's status, last change and section by its id, so a byline's or
 *   a search's articles are filtered and ordered from the index: `status` comes after the body in
 *   the row, and SQLite walks a long body's overflow pages to reach it.
 *
 * The folding below is a copy of `articles/title-words.ts` as it was: a migration imports nothing
 * of the application.
 */
export function staffListSearch(engine: "sqlite" | "postgres") {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable("article_title_words")
        .addColumn("word", engine === "sqlite" ? "text" : sql`text collate "C"`, (c) => c.notNull())
        .addColumn("article_id", "integer", (c) =>
          c.notNull().references("articles.id").onDelete("cascade"),
        )
        .addPrimaryKeyConstraint("article_title_words_pk", ["word", "article_id"])
        .$call((t) => (engine === "sqlite" ? t.modifyEnd(sql`without rowid`) : t))
        .execute();
      await db.schema
        .createIndex("article_title_words_article")
        .on("article_title_words")
        .column("article_id")
        .execute();
      await db.schema
        .createIndex("articles_listing")
        .on("articles")
        .columns(["id", "status", "modified_at", "category_id"])
        .execute();

      const BATCH = 1_000;
      for (let after = 0; ;) {
        const rows = await sql<{ id: number; title: string }>`
          select id, title from articles where id > ${after} order by id limit ${BATCH}`.execute(
          db,
        );
        if (rows.rows.length === 0) break;
        const words = rows.rows.flatMap((r) => wordsOf(r.title).map((w) => [w, r.id] as const));
        for (let i = 0; i < words.length; i += 500) {
          const part = words.slice(i, i + 500);
          await sql`insert into article_title_words (word, article_id) values ${sql.join(
            part.map(([w, id]) => sql`(${w}, ${id})`),
          )}`.execute(db);
        }
        after = Number(rows.rows[rows.rows.length - 1]?.id);
      }
    },
  };
}

function wordsOf(title: string): string[] {
  const folded = title
    .normalize("NFKC")
    .replace(/\p{Cf}/gu, "")
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase();
  const words = folded.split(/[^\p{L}\p{N}]+/u).filter((w) => w !== "");
  return [...new Set(words.map((w) => [...w].slice(0, 40).join("")))].slice(0, 60);
}
