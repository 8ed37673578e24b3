/**
 * The Node-API version better-sqlite3's binary is built for. Its 13.x releases ship binaries for
 * Node-API 10, which Node.js has from 22.14. An older Node does not refuse such a binary: it
 * crashes on the first database opened, with nothing printed (a segfault in Node's own error path
 * for an addon too new for it; better-sqlite3 issue 1514).
 */
export const SQLITE_NODE_API = 10;

/** Why this Node.js cannot open a SQLite database, in a line for the operator; undefined if it can. */
export function sqliteDriverProblem(versions: {
  readonly node: string;
  readonly napi?: string;
}): string | undefined {
  if (Number(versions.napi) >= SQLITE_NODE_API) return undefined;
  return (
    `the SQLite driver needs Node.js 22.14 or later (Node-API ${SQLITE_NODE_API}); this is ` +
    `Node.js ${versions.node}. Install a current LTS release (https://nodejs.org/).`
  );
}
