import { sql, type Kysely } from "kysely";

/**
 * Frozen in time. Search and related articles (issue 13), both fed by one French text processing
 * done by the application (folded, stopwords dropped, stemmed), so both engines index the same
 * terms:
 *
 * - `search_documents`: each published article's terms as text, its headline (and tags) apart
 *   from its standfirst and body. The engine's full-text index is built over it: on SQLite an
 *   FTS5 table reading it as its external content (kept by triggers), on PostgreSQL a generated
 *   `tsvector` of the `simple` configuration (no stemming of its own: the terms are already
 *   stems) under a GIN index.
 * - `search_terms`: every indexed term and how many articles hold it: the vocabulary a typo is
 *   matched against, and the document frequencies of "related".
 * - `related_terms`: each article's strongest terms and their weights (unit vector), indexed by
 *   term: the postings that find an article's candidates without reading every article.
 * - `related_lists`: each article's related articles as computed at write time, with scores.
 * - `related_pins`: articles an editor pinned into an article's list, in order.
 */
export function searchRelated(engine: "sqlite" | "postgres") {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable("search_documents")
        .addColumn("article_id", "integer", (c) => c.primaryKey().notNull())
        .addColumn("title_terms", "text", (c) => c.notNull())
        .addColumn("body_terms", "text", (c) => c.notNull())
        .execute();
      if (engine === "sqlite") {
        // The terms are already folded and stemmed: the tokenizer only splits on spaces.
        await sql`create virtual table search_fts using fts5(
            title_terms, body_terms,
            content='search_documents', content_rowid='article_id',
            tokenize='unicode61 remove_diacritics 0')`.execute(db);
        await sql`create trigger search_documents_ai after insert on search_documents begin
            insert into search_fts(rowid, title_terms, body_terms)
              values (new.article_id, new.title_terms, new.body_terms);
          end`.execute(db);
        await sql`create trigger search_documents_ad after delete on search_documents begin
            insert into search_fts(search_fts, rowid, title_terms, body_terms)
              values ('delete', old.article_id, old.title_terms, old.body_terms);
          end`.execute(db);
        await sql`create trigger search_documents_au after update on search_documents begin
            insert into search_fts(search_fts, rowid, title_terms, body_terms)
              values ('delete', old.article_id, old.title_terms, old.body_terms);
            insert into search_fts(rowid, title_terms, body_terms)
              values (new.article_id, new.title_terms, new.body_terms);
          end`.execute(db);
      } else {
        await sql`alter table search_documents add column tsv tsvector generated always as (
            setweight(to_tsvector('simple'::regconfig, title_terms), 'A') ||
            setweight(to_tsvector('simple'::regconfig, body_terms), 'B')) stored`.execute(db);
        await sql`create index search_documents_tsv on search_documents using gin (tsv)`.execute(
          db,
        );
      }

      await db.schema
        .createTable("search_terms")
        .addColumn("term", "text", (c) => c.primaryKey().notNull())
        .addColumn("df", "integer", (c) => c.notNull())
        .execute();

      await db.schema
        .createTable("related_terms")
        .addColumn("article_id", "integer", (c) => c.notNull())
        .addColumn("term", "text", (c) => c.notNull())
        .addColumn("weight", "real", (c) => c.notNull())
        .addPrimaryKeyConstraint("related_terms_pk", ["article_id", "term"])
        .execute();
      // A term's strongest postings first, read with a LIMIT.
      await db.schema
        .createIndex("related_terms_term")
        .on("related_terms")
        .columns(["term", "weight"])
        .execute();

      await db.schema
        .createTable("related_lists")
        .addColumn("article_id", "integer", (c) => c.notNull())
        .addColumn("related_id", "integer", (c) => c.notNull())
        .addColumn("score", "real", (c) => c.notNull())
        .addPrimaryKeyConstraint("related_lists_pk", ["article_id", "related_id"])
        .execute();
      // The lists an article is in: what its unpublication or edit must revisit.
      await db.schema
        .createIndex("related_lists_related")
        .on("related_lists")
        .column("related_id")
        .execute();

      await db.schema
        .createTable("related_pins")
        .addColumn("article_id", "integer", (c) =>
          c.notNull().references("articles.id").onDelete("cascade"),
        )
        .addColumn("pinned_id", "integer", (c) =>
          c.notNull().references("articles.id").onDelete("cascade"),
        )
        .addColumn("position", "integer", (c) => c.notNull())
        .addPrimaryKeyConstraint("related_pins_pk", ["article_id", "pinned_id"])
        .execute();
    },
  };
}
