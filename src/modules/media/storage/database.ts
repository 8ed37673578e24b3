import type { Kysely } from "kysely";
import type { Tables } from "../../../db/schema.js";
import type { MediaStore } from "./store.js";

/**
 * The default store: a table (`media_blobs`, a BLOB on SQLite, a bytea on PostgreSQL), so every
 * instance sharing the database serves every upload and `kiosque backup` holds the images with
 * the rest. Given a transaction's `db`, its writes are part of that transaction.
 */
export function databaseStore(db: Kysely<Tables>): MediaStore {
  return {
    async put(key, bytes, type) {
      await db
        .insertInto("media_blobs")
        .values({ key, type, bytes })
        .onConflict((oc) => oc.column("key").doUpdateSet({ type, bytes }))
        .execute();
    },
    async get(key) {
      const row = await db
        .selectFrom("media_blobs")
        .select(["type", "bytes"])
        .where("key", "=", key)
        .executeTakeFirst();
      if (!row) return undefined;
      // Both drivers hand over a Buffer; a Uint8Array would be wrapped without a copy.
      const b = row.bytes;
      return {
        type: row.type,
        bytes: Buffer.isBuffer(b) ? b : Buffer.from(b.buffer, b.byteOffset, b.byteLength),
      };
    },
    async delete(key) {
      await db.deleteFrom("media_blobs").where("key", "=", key).execute();
    },
  };
}
