/**
 * The database could not take a write in time because another holds it: SQLite's SQLITE_BUSY or
 * SQLITE_LOCKED (past busy_timeout: an import, a restore, a long command on the same file), or
 * PostgreSQL's serialization failure, deadlock or lock timeout. Not a bug of what was asked: the
 * transaction was rolled back whole, and the same request succeeds a moment later. One rule for
 * the reader's answer (http/errors.tsx): a form comes back with what was typed.
 */
export function isDatabaseBusy(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== "string") return false;
  return (
    /^SQLITE_(BUSY|LOCKED)(_|$)/.test(code) ||
    code === "40001" ||
    code === "40P01" ||
    code === "55P03"
  );
}

/** What a client is asked to wait before it tries again: about SQLite's busy_timeout. */
export const DATABASE_BUSY_RETRY_S = 5;
