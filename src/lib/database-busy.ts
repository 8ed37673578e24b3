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

/**
 * The database could not be reached for a statement: a connection to PostgreSQL could not be
 * opened (the server down or restarting, its `max_connections` reached, the network cut), said by
 * engines/postgres.ts with the cause's code kept for the operator's messages (db/storage-failure.ts).
 */
export class DatabaseUnreachable extends Error {
  override readonly name = "DatabaseUnreachable";
  readonly code: string | undefined;
  constructor(message: string, cause: unknown, code: string | undefined) {
    super(message, { cause });
    this.code = code;
  }
}

/**
 * PostgreSQL's codes for a session it ended or would not start (57P01–57P03: shut down by an
 * administrator, after a crash, or starting up; 53300: too many connections; class 08: the
 * connection failed). Not the network's codes (ECONNRESET…): a reader's own connection ends with
 * the same ones (an upload aborted halfway), which says nothing of the database. A database
 * connection lost under a statement is said by engines/postgres.ts itself, as DatabaseUnreachable.
 */
const UNREACHABLE_CODES = new Set([
  "57P01",
  "57P02",
  "57P03",
  "53300",
  "08000",
  "08001",
  "08003",
  "08004",
  "08006",
]);

/**
 * The site could not reach its database for this request: not a bug of what was asked, nothing
 * was saved, and the same request succeeds once the database is back (a restart, a failover).
 * Answered as busy is (a 503, a form with what was typed); logged as an error, since an operator
 * has something to do.
 */
export function isDatabaseUnreachable(error: unknown): boolean {
  if (error instanceof DatabaseUnreachable) return true;
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === "string" && UNREACHABLE_CODES.has(code);
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
