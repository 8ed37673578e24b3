/**
 * Busy, said by Kiosque itself where the driver gives no code: all of a process's PostgreSQL
 * connections in use by requests that wait (engines/postgres.ts).
 */
export class DatabaseBusy extends Error {
  override readonly name = "DatabaseBusy";
}

/**
 * The database could not take a statement in time because others hold what it needs: SQLite's
 * SQLITE_BUSY or SQLITE_LOCKED (its write lock past the wait: an import, a restore, a long
 * command on the same file), PostgreSQL's serialization failure, deadlock or lock timeout (a
 * `LOCK TABLE`, a `VACUUM FULL`), or every pooled PostgreSQL connection taken past the pool's wait
 * (`DatabaseBusy`). Not a bug of what was asked: the transaction was rolled back whole, and the
 * same request succeeds a moment later. One rule for the reader's answer (http/errors.tsx): a
 * form comes back with what was typed.
 */
export function isDatabaseBusy(error: unknown): boolean {
  if (error instanceof DatabaseBusy) return true;
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== "string") return false;
  return (
    /^SQLITE_(BUSY|LOCKED)(_|$)/.test(code) ||
    code === "40001" ||
    code === "40P01" ||
    code === "55P03"
  );
}

/** What a client is asked to wait before it tries again: the wait below, in seconds. */
export const DATABASE_BUSY_RETRY_S = 5;

/**
 * How long a statement waits for a lock another holds before it is refused as busy: SQLite's
 * write lock (`busy_timeout`, db/engines/sqlite.ts), PostgreSQL's `lock_timeout` (db/engines/postgres.ts).
 * Any write of the site's own ends well within it; a wait without end held the request's
 * connection, and on PostgreSQL the pool ran out for every other request.
 */
export const DATABASE_BUSY_WAIT_MS = DATABASE_BUSY_RETRY_S * 1000;
