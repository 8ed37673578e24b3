import pg from "pg";
import type { Sink } from "./sink.js";
import { REFRESH_COMMENT_COUNTS, allTables, type TableSpec } from "./tables.js";

/**
 * One `insert … select * from unnest($1::int[], $2::text[], …)` per batch: a single parameter
 * per column instead of one per value, so 10,000 rows cost one short statement to parse.
 */
export async function postgresSink(url: string): Promise<Sink> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  // Durability is pointless while loading a throw-away dataset; this session only.
  await client.query("set synchronous_commit = off");
  return {
    async isEmpty() {
      const { rowCount } = await client.query("select 1 from articles limit 1");
      return rowCount === 0;
    },
    async insert<Row>(table: TableSpec<Row>, rows: readonly Row[]) {
      const names = table.columns.map(([c]) => c).join(", ");
      const arrays = table.columns.map(([, type], i) => `$${i + 1}::${type}[]`).join(", ");
      const params = table.columns.map(([c]) => rows.map((row) => row[c]));
      await client.query(
        `insert into ${table.name} (${names}) select * from unnest(${arrays})`,
        params,
      );
    },
    async finish() {
      await client.query(REFRESH_COMMENT_COUNTS);
      // Identity columns do not notice explicit ids: move each sequence past ours, or the
      // server's first comment would collide with comment #1.
      for (const t of allTables.filter((t) => t.identity)) {
        await client.query(
          `select setval(pg_get_serial_sequence('${t.name}', 'id'), coalesce(max(id), 0) + 1, false) from ${t.name}`,
        );
      }
      // Autovacuum would gather statistics within a minute; the bench starts right away.
      await client.query("analyze");
    },
    async close() {
      await client.end();
    },
  };
}
