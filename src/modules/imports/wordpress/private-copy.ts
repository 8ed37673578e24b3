import fs from "node:fs";
import path from "node:path";
import { sql } from "kysely";
import type { Ctx } from "../../../ctx.js";

/**
 * Opens the site's services on another SQLite file, and closes them: the command line's (it owns
 * runtimes; a module opens none).
 */
export type OpenDatabase = (file: string) => Promise<{ ctx: Ctx; close(): Promise<void> }>;

/**
 * Runs `work` on a private copy of a SQLite database, deleted after it: what a dry run writes
 * there takes no lock the site waits for. One transaction cancelled at its end held SQLite's
 * write lock for the whole dry run (minutes, for a large export), and the site's own writes
 * failed after busy_timeout. `VACUUM INTO` copies from one read transaction, which writers do
 * not wait for (WAL). The copy is made next to the database, on the disk known to hold it,
 * in a folder only this user reads (its comments' e-mail addresses are the site's).
 *
 * Undefined on PostgreSQL, whose dry run stays one transaction: other writers wait there only
 * for the rows it changed (decision 021); and without `open`.
 */
export async function onPrivateCopy<T>(
  ctx: Ctx,
  open: OpenDatabase | undefined,
  work: (copy: Ctx) => Promise<T>,
): Promise<{ value: T } | undefined> {
  const database = ctx.config.database;
  if (database.engine !== "sqlite" || open === undefined) return undefined;
  const dir = await fs.promises.mkdtemp(
    path.join(path.dirname(path.resolve(database.file)), ".dry-run-"),
  );
  try {
    const file = path.join(dir, "copy.sqlite");
    await sql`vacuum into ${file}`.execute(ctx.db);
    const copy = await open(file);
    try {
      return { value: await work(copy.ctx) };
    } finally {
      await copy.close();
    }
  } finally {
    await fs.promises.rm(dir, { recursive: true, force: true });
  }
}
