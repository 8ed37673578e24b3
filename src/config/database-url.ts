import { parse } from "pg-connection-string";

/**
 * DATABASE_URL, read by the PostgreSQL driver's own parser (pg-connection-string, which `pg`
 * calls on it), so that a URL it cannot read (a port past 65535, an unclosed "[::1", an escape
 * that is not UTF-8) stops the start with one line instead of a trace from deep in the driver.
 * The value holds a password: no message repeats any of it.
 */
export function checkDatabaseUrl(value: string, problems: string[]): void {
  try {
    parse(value);
  } catch {
    problems.push(
      `DATABASE_URL: expected a PostgreSQL URL, postgres://user:password@host:5432/database, ` +
        `with a port from 1 to 65535 and any of : / @ ? # % in the user or password ` +
        `percent-encoded (got ${value.length} characters, not shown)`,
    );
  }
}
