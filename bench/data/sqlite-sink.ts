import SQLite from "better-sqlite3";
import type { Sink } from "./sink.js";
import { REFRESH_COMMENT_COUNTS, type TableSpec } from "./tables.js";

/**
 * Prepared statements, one transaction per batch: SQLite's fastest path short of writing pages
 * by hand. The database was created and migrated by the project's own code before this opens it.
 */
export function sqliteSink(file: string): Sink {
  const handle = new SQLite(file);
  handle.pragma("journal_mode = WAL");
  // Only this connection, only while loading: an interrupted load is thrown away anyway, and
  // the rows are consistent by construction (parents are written before their children).
  handle.pragma("synchronous = OFF");
  handle.pragma("foreign_keys = OFF");
  const statements = new Map<string, SQLite.Statement>();
  const statementFor = <Row>(table: TableSpec<Row>) => {
    let stmt = statements.get(table.name);
    if (!stmt) {
      const names = table.columns.map(([c]) => c);
      stmt = handle.prepare(
        `insert into ${table.name} (${names.join(", ")}) values (${names.map(() => "?").join(", ")})`,
      );
      statements.set(table.name, stmt);
    }
    return stmt;
  };
  return {
    async isEmpty() {
      return handle.prepare("select 1 from articles limit 1").get() === undefined;
    },
    async insert(table, rows) {
      const stmt = statementFor(table);
      const names = table.columns.map(([c]) => c);
      handle.transaction(() => {
        for (const row of rows) stmt.run(names.map((c) => row[c]));
      })();
    },
    async finish() {
      handle.exec(REFRESH_COMMENT_COUNTS);
      // AUTOINCREMENT follows explicit ids by itself (sqlite_sequence), and we run no ANALYZE:
      // a production database has none either unless the application runs it.
      handle.pragma("wal_checkpoint(TRUNCATE)");
    },
    async close() {
      handle.close();
    },
  };
}
