/**
 * DATABASE_URL, checked as the PostgreSQL driver will read it (pg-connection-string), so that a
 * URL it cannot read stops the start with one line instead of a trace from deep in the driver.
 * The value holds a password: no message repeats any of it.
 */
export function checkDatabaseUrl(value: string, problems: string[]): void {
  if (readable(value)) return;
  problems.push(
    `DATABASE_URL: expected a PostgreSQL URL, postgres://user:password@host:5432/database, ` +
      `with a port from 1 to 65535 and any of : / @ ? # % in the user or password ` +
      `percent-encoded (got ${value.length} characters, not shown)`,
  );
}

function readable(value: string): boolean {
  // As the driver does: a stray "%" or space is encoded before parsing, and a URL with no host
  // (a Unix socket named by ?host=) is read with a stand-in one.
  const url = /[ ]|%[^a-f0-9]|%[a-f0-9][^a-f0-9]/i.test(value)
    ? encodeURI(value).replace(/%25(\d\d)/g, "%$1")
    : value;
  const parsed = URL.parse(url) ?? URL.parse(url.replace("@/", "@localhost/"));
  if (parsed === null) return false;
  try {
    // The driver decodes these and would throw on an escape that is not UTF-8 ("%e9").
    decodeURIComponent(parsed.username);
    decodeURIComponent(parsed.password);
    decodeURIComponent(parsed.hostname);
    decodeURI(parsed.pathname);
    return true;
  } catch {
    return false;
  }
}
