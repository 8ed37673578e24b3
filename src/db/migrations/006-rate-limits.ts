import type { Kysely } from "kysely";

/**
 * Frozen in time. The per-client rate-limit counters, shared by every process and instance
 * through the database instead of each counting alone in memory. `client` is a keyed hash of the
 * limit's name and the client (never the address); `expires_at` is the end of its window in
 * milliseconds since the epoch (bigint: past 2³¹ on PostgreSQL), indexed for the pruning.
 */
export function rateLimits() {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable("rate_limits")
        .addColumn("client", "text", (c) => c.primaryKey())
        .addColumn("hits", "integer", (c) => c.notNull())
        .addColumn("expires_at", "bigint", (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex("rate_limits_expires_at")
        .on("rate_limits")
        .column("expires_at")
        .execute();
    },
  };
}
