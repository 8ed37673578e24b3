import { randomUUID } from "node:crypto";
import type Database from "better-sqlite3";
import type { Kysely } from "kysely";
import { sql } from "kysely";
import pg from "pg";
import { changeKeys } from "../lib/change-keys.js";
import type { Database as Schema } from "./schema.js";

/**
 * Cross-instance change notices (DESIGN principle 2): a write announces, inside its transaction,
 * the cache tags it changed; every process sharing the database hears them once committed.
 * - PostgreSQL: NOTIFY on commit, a LISTEN connection per instance.
 * - SQLite: a change_log row in the same transaction; other processes notice that the file
 *   changed (PRAGMA data_version, a counter read in microseconds) and read the new rows.
 * The writing process applies its own tags itself, right after commit (see ctx.write), so a
 * reader redirected after a post never sees the page from before it.
 */
export interface ChangeFeed {
  announce(trx: Kysely<Schema>, tags: readonly string[]): Promise<void>;
  subscribe(handler: (tags: readonly string[]) => void): void;
  /** Hear what other processes committed since the last call (SQLite); a no-op on PostgreSQL. */
  poll(): void;
  close(): Promise<void>;
}

const CHANNEL = "kiosque_changes";
/** NOTIFY payloads are capped at 8,000 bytes; a longer list becomes "everything changed". */
const MAX_PAYLOAD = 7_000;
/** Change-log rows older than this have been read by every live process. */
const LOG_RETENTION_MS = 3_600_000;

type Handler = (tags: readonly string[]) => void;

function fanOut(handlers: readonly Handler[], tags: readonly string[]): void {
  for (const h of handlers) h(tags);
}

export function sqliteChangeFeed(handle: Database.Database, now: () => Date): ChangeFeed {
  const handlers: Handler[] = [];
  const version = handle.prepare("PRAGMA data_version").pluck();
  const newer = handle.prepare("select id, tags from change_log where id > ? order by id");
  const prune = handle.prepare("delete from change_log where created_at < ?");
  prune.run(new Date(now().getTime() - LOG_RETENTION_MS).toISOString());
  let lastVersion = version.get() as number;
  let lastId =
    (handle.prepare("select coalesce(max(id), 0) from change_log").pluck().get() as number) ?? 0;
  return {
    async announce(trx, tags) {
      await trx
        .insertInto("change_log")
        .values({ tags: JSON.stringify(tags), created_at: now().toISOString() })
        .execute();
    },
    subscribe: (handler) => void handlers.push(handler),
    poll() {
      const v = version.get() as number;
      if (v === lastVersion) return;
      lastVersion = v;
      for (const row of newer.all(lastId) as { id: number; tags: string }[]) {
        lastId = row.id;
        fanOut(handlers, JSON.parse(row.tags) as string[]);
      }
    },
    async close() {},
  };
}

export function postgresChangeFeed(
  url: string,
  options: { schema?: string | undefined; onError: (error: unknown) => void },
): ChangeFeed & { listen(): Promise<void> } {
  const handlers: Handler[] = [];
  let client: pg.Client | undefined;
  let closed = false;
  // This process applies its own changes at commit; its echo, arriving later, would only drop
  // pages rendered since.
  const self = randomUUID();
  const scope = options.schema ?? "";

  async function connect(): Promise<void> {
    const c = new pg.Client({ connectionString: url });
    c.on("notification", (msg) => {
      if (msg.channel !== CHANNEL || !msg.payload) return;
      const notice = JSON.parse(msg.payload) as { from: string; schema: string; tags: string[] };
      if (notice.schema === scope && notice.from !== self) fanOut(handlers, notice.tags);
    });
    c.on("error", (error) => {
      options.onError(error);
      // Notices may have been missed while the connection was down: everything may be stale.
      fanOut(handlers, [changeKeys.all]);
      client = undefined;
      if (!closed) setTimeout(() => void connect().catch(options.onError), 1000).unref();
    });
    await c.connect();
    await c.query(`listen ${CHANNEL}`);
    client = c;
  }

  return {
    listen: connect,
    async announce(trx, tags) {
      // The schema travels along: several sites (or test runs) may share one database.
      let payload = JSON.stringify({ from: self, schema: scope, tags });
      if (payload.length > MAX_PAYLOAD) {
        payload = JSON.stringify({ from: self, schema: scope, tags: [changeKeys.all] });
      }
      await sql`select pg_notify(${CHANNEL}, ${payload})`.execute(trx);
    },
    subscribe: (handler) => void handlers.push(handler),
    poll() {},
    async close() {
      closed = true;
      await client?.end().catch(() => {});
    },
  };
}
