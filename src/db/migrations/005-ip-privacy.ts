import type { Kysely } from "kysely";

/**
 * Frozen in time. Client addresses are hashed with a salt that changes every day and is then
 * thrown away (ip_salts keeps today's only), so a stored hash can no longer be tied to an
 * address, even by someone holding the site secret. The index serves the "burst from one client"
 * rule (recent comments of one hash) and the retention job (hashes still set, oldest first).
 */
export function ipPrivacy() {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable("ip_salts")
        .addColumn("period", "text", (c) => c.primaryKey())
        .addColumn("salt", "text", (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex("comments_ip_hash")
        .on("comments")
        .columns(["ip_hash", "created_at"])
        .execute();
    },
  };
}
