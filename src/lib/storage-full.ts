/**
 * The database refusing a write because its disk is full: SQLite's SQLITE_FULL (the whole
 * transaction rolled back), PostgreSQL's 53100 disk_full. Not a bug of what was asked: nothing
 * was saved, and the same request or command succeeds once there is room again. One rule for the
 * reader's answer (http/errors.tsx) and the command line's (cli/backup.ts).
 */
export function isStorageFull(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === "SQLITE_FULL" || code === "53100";
}
