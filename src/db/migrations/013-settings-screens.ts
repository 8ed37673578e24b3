import type { Kysely } from "kysely";

/**
 * Frozen in time. The newsroom's People page shows when each person last signed in (set when a
 * sign-in completes, second factor included), and the integrations screen shows whether each
 * outside service works: the last time it answered well, the last error it gave and when.
 */
export function settingsScreens() {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema.alterTable("users").addColumn("last_sign_in_at", "text").execute();
      await db.schema
        .createTable("integration_status")
        // "akismet" (and the GIF provider's name, when it lands).
        .addColumn("name", "text", (c) => c.primaryKey())
        .addColumn("ok_at", "text")
        .addColumn("error", "text")
        .addColumn("error_at", "text")
        .execute();
    },
  };
}
