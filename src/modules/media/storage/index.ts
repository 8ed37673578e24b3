import type { Ctx } from "../../../ctx.js";
import { databaseStore } from "./database.js";
import { s3Store } from "./s3.js";
import type { MediaStore } from "./store.js";

export type { MediaStore, StoredObject } from "./store.js";
export { MediaStoreError } from "./store.js";

/**
 * The store the configuration names (KIOSQUE_S3_*, config/media-storage.ts): the one place it is
 * chosen. The database store works on the ctx's `db`, a transaction's when given a TxCtx.
 */
export function mediaStore(ctx: Pick<Ctx, "db" | "config">): MediaStore {
  const where = ctx.config.media;
  return where.store === "s3" ? s3Store(where) : databaseStore(ctx.db);
}
