import { randomUUID } from "node:crypto";
import pg from "pg";
import { Kysely, PostgresDialect, sql, type PostgresPool } from "kysely";
import type { Config } from "../../config/index.js";
import { BytesRemain } from "../../lib/bytes-remain.js";
import { changeKeys } from "../../lib/change-keys.js";
import {
  DATABASE_BUSY_WAIT_MS,
  DatabaseBusy,
  DatabaseUnreachable,
} from "../../lib/database-busy.js";
import { codeOf } from "../../lib/error-code-of.js";
import { fanOut, type ChangeFeed, type ChangeHandler } from "../notify.js";
import type { Tables } from "../schema.js";
import {
  answers,
  queryLog,
  type Column,
  type EngineAdapter,
  type QueryObserver,
  type Storage,
} from "./adapter.js";

/** Any constant will do, as long as no other code uses it: "kios" in ASCII. */
const MIGRATION_LOCK_KEY = 0x6b696f73;
const CHANNEL = "kiosque_changes";
/** NOTIFY payloads are capped at 8,000 bytes; a longer list becomes "everything changed". */
const MAX_PAYLOAD = 7_000;

/** VACUUM retries while an open transaction keeps dead rows: ~5 s in all, then say so. */
const VACUUM_ATTEMPTS = 6;
const VACUUM_RETRY_MS = 300;

/**
 * How long a request waits for a connection, new or from the pool: a server that accepts and
 * never answers (a half-open network, a database starting) would otherwise hold every request,
 * and the process's start, forever, with nothing said.
 */
const CONNECT_TIMEOUT_MS = 10_000;
/** Connections per process: each worker of each instance has its own pool. */
const POOL_SIZE = 10;
/** How soon the change feed tries again after its connection is lost, and after each failure. */
const RECONNECT_MS = 1000;

/**
 * A pool of connections, shared by any number of instances of the site. `onConnectionLost` hears
 * of a connection the server closed (a restart, an administrator's command): the pool drops it
 * and opens another when one is next asked for. Unheard, that error stopped the process, and
 * every worker with it while the database restarted.
 */
export function openPostgres(
  config: Extract<Config["database"], { engine: "postgres" }>,
  onQuery?: QueryObserver,
  onConnectionLost: (error: unknown) => void = () => {},
): Storage {
  const { url } = config;
  const pool = new pg.Pool({
    connectionString: url,
    max: POOL_SIZE,
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
    // Every session's statements wait this long at most for a lock another session holds (a
    // `LOCK TABLE`, a `VACUUM FULL`, a long transaction's rows), then fail with 55P03: a 503 with
    // the form kept, as on SQLite (lib/database-busy.ts). Without it a write waited as long as
    // the lock was held, on its pooled connection, until the pool had none left for anyone. The
    // wait is what had no end: no statement_timeout, since a migration, a backup or a VACUUM may
    // rightly run long.
    lock_timeout: DATABASE_BUSY_WAIT_MS,
  });
  // On every connection, for as long as it lives: the pool listens to idle ones only, and one
  // taken by a request at the moment the server ends it (a restart under load) would emit its
  // error to nobody. The request's query fails; the pool drops the connection when it comes back.
  pool.on("connect", (client) => client.on("error", onConnectionLost));
  // The pool passes on an idle connection's error too: already heard above.
  pool.on("error", () => {});
  const db = new Kysely<Tables>({
    dialect: new PostgresDialect({ pool: busyWhenFull(pool) }),
    log: queryLog(onQuery),
  });
  const engine: EngineAdapter = {
    name: "postgres",
    fullText: "tsvector",
    // count(*) is a bigint, which node-postgres hands over as a string.
    toNumber: (value) => (value == null ? 0 : Number(value)),
    ping: () => answers(db),
    // Autovacuum keeps the planner's statistics current by itself.
    optimize: async () => {},
    async openChangeFeed(_now, onError) {
      const feed = changeFeed(url, onError);
      await feed.listen();
      return feed;
    },
    // A session advisory lock, held on the connection the migrations run on. Without a lock
    // timeout meanwhile: an instance starting while another migrates waits for it however long
    // it takes (then finds nothing left to apply), and a migration's DDL waits for requests
    // still reading its tables. Back to the pool's wait after, for the requests it then serves.
    exclusively: (work) =>
      db.connection().execute(async (conn) => {
        await sql`set lock_timeout = 0`.execute(conn);
        try {
          await sql`select pg_advisory_lock(${MIGRATION_LOCK_KEY})`.execute(conn);
          try {
            return await work(conn);
          } finally {
            await sql`select pg_advisory_unlock(${MIGRATION_LOCK_KEY})`.execute(conn);
          }
        } finally {
          await sql`reset lock_timeout`.execute(conn);
        }
      }),
    migrationSchema: async (conn) =>
      (await sql<{ schema: string }>`select current_schema() as schema`.execute(conn)).rows[0]
        ?.schema,
    // An advisory lock of the transaction's, freed at its end; waiting for it is bounded by the
    // sessions' lock_timeout like any other lock (a 503, the form kept).
    holdKey: async (conn, key) =>
      void (await sql`select pg_advisory_xact_lock(hashtextextended(${key}, 0))`.execute(conn)),
    // A backup's read waits for the locks it meets as long as they are held (a VACUUM FULL): it
    // takes none that stops the site, on a connection of the command's own.
    snapshot: (read) =>
      db
        .transaction()
        .setIsolationLevel("repeatable read")
        .setAccessMode("read only")
        .execute(async (trx) => {
          await sql`set local lock_timeout = 0`.execute(trx);
          return read(trx);
        }),
    columns: async (conn) =>
      (
        await sql<Column>`select t.relname as "table", a.attname as "column", coalesce((
            select k.n from unnest(i.indkey) with ordinality k(num, n) where k.num = a.attnum
          ), 0)::int as "key"
          from pg_class t join pg_attribute a on a.attrelid = t.oid
          left join pg_index i on i.indrelid = t.oid and i.indisprimary
          where t.relkind = 'r' and t.relnamespace = current_schema()::regnamespace
            and a.attnum > 0 and not a.attisdropped
          order by t.relname, a.attnum`.execute(conn)
      ).rows,
    references: async (conn) =>
      (
        await sql<{ table: string; references: string }>`select t.relname as "table",
            r.relname as "references"
          from pg_constraint f join pg_class t on t.oid = f.conrelid
          join pg_class r on r.oid = f.confrelid
          where f.contype = 'f' and f.connamespace = current_schema()::regnamespace`.execute(conn)
      ).rows,
    // Dead rows stay in the table's pages until vacuumed. VACUUM runs outside any transaction,
    // on a pool connection; plain VACUUM takes no lock that stops readers or writers. It leaves
    // a dead row that a transaction open in this database may still see (an autovacuum's
    // ANALYZE, a backup's snapshot) and counts it in n_dead_tup: then it tries again shortly.
    // What it could not remove is said as BytesRemain, after the commit it follows: a command
    // prints its summary, then the advice, naming this table and those not vacuumed yet.
    async forgetDeleted(tables) {
      for (const [i, table] of tables.entries()) {
        const advice = `run "VACUUM ${tables.slice(i).join(", ")}" once it ends`;
        for (let attempt = 1; ; attempt++) {
          try {
            await sql`vacuum ${sql.table(table)}`.execute(db);
          } catch (error) {
            // Past lock_timeout: a session holds a lock on the table that VACUUM waits for.
            if ((error as { code?: unknown }).code !== "55P03") throw error;
            throw new BytesRemain(
              `dead rows remain in ${table}: another session locks it (a VACUUM FULL, a LOCK TABLE); ${advice}`,
              { cause: error },
            );
          }
          const { rows } = await sql<{ dead: string | number }>`select n_dead_tup as dead
            from pg_stat_user_tables where relid = ${table}::regclass`.execute(db);
          if (Number(rows[0]?.dead ?? 0) === 0) break;
          if (attempt === VACUUM_ATTEMPTS)
            throw new BytesRemain(
              `dead rows remain in ${table}: a long transaction holds them; ${advice}`,
            );
          await new Promise((resolve) => setTimeout(resolve, VACUUM_RETRY_MS * attempt));
        }
      }
    },
    async identities(conn) {
      const out: Record<string, number> = {};
      for (const { table, sequence } of await sequences(conn)) {
        const { rows } = await sql<{ last: string | null }>`select
          pg_sequence_last_value(${sequence}::regclass) as last`.execute(conn);
        if (rows[0]?.last != null) out[table] = Number(rows[0].last);
      }
      return out;
    },
    async resetIdentities(conn, tables, atLeast) {
      for (const { table, column, sequence } of await sequences(conn)) {
        if (!tables.includes(table)) continue;
        const [t, c] = [sql.table(table), sql.ref(column)];
        // setval(…, n, true): the next id is n + 1; (1, false): 1, for a table that never had a
        // row. greatest() ignores nulls (an empty table).
        await sql`select setval(${sequence}::regclass, greatest(v, 1), v > 0) from (select greatest(
          (select max(${c}) from ${t}), ${atLeast[table] ?? 0}::bigint, 0) as v) top`.execute(conn);
      }
    },
  };
  return { db, engine, close: () => db.destroy() };
}

/**
 * The pool as Kysely takes its connections from it, its failures said as what they are for a
 * request. One that found every connection taken waits in the pool's queue, and past
 * CONNECT_TIMEOUT_MS pg-pool rejects it with a bare Error ("timeout exceeded when trying to
 * connect"): the process's other requests held them all, waiting for locks most likely. That is
 * the database being busy (a 503), not a bug (a 500). Known by where the request stood when it
 * asked, not by the library's wording. Any other failure opened no connection at all (refused,
 * cut, too many clients, starting up, the connection's own timeout): the database is unreachable
 * for now, also a 503, its code kept for the operator's one-line messages at start.
 */
function busyWhenFull(pool: pg.Pool): PostgresPool {
  return {
    options: pool.options,
    async connect() {
      const queued = pool.totalCount >= POOL_SIZE;
      try {
        return saysLostConnection(await pool.connect());
      } catch (error) {
        const code = codeOf(error);
        if (queued && code === undefined)
          throw new DatabaseBusy(
            `all ${POOL_SIZE} connections to PostgreSQL stayed in use for ${CONNECT_TIMEOUT_MS} ms`,
            { cause: error },
          );
        throw new DatabaseUnreachable(
          `could not connect to PostgreSQL: ${(error as Error).message}`,
          error,
          code,
        );
      }
    },
    end: () => pool.end(),
  };
}

/** The network's codes for a connection to PostgreSQL lost under a statement. */
const LOST = new Set([
  "ECONNRESET",
  "EPIPE",
  "ETIMEDOUT",
  "ECONNREFUSED",
  "EHOSTUNREACH",
  "ENETUNREACH",
]);
/** Pooled clients already watched: each comes back from the pool many times. */
const watched = new WeakSet<pg.PoolClient>();

/**
 * A statement whose connection was lost under it (a restart, the network cut) fails with the
 * network's code: said as DatabaseUnreachable, here where it is known to be the database's
 * connection (the same codes end a reader's own connections too).
 */
function saysLostConnection(client: pg.PoolClient): pg.PoolClient {
  if (watched.has(client)) return client;
  watched.add(client);
  // node-postgres's query() is overloaded (text, config, cursor; promise or callback): only the
  // promise of a statement sent as text and values, how Kysely sends each one, is wrapped.
  const query = client.query as unknown as (...args: unknown[]) => unknown;
  const wrapped = (...args: unknown[]): unknown => {
    const result = query.apply(client, args);
    if (typeof args[0] !== "string" || !(result instanceof Promise)) return result;
    return result.catch((error: unknown) => {
      const code = codeOf(error);
      if (code === undefined || !LOST.has(code)) throw error;
      throw new DatabaseUnreachable(
        `the connection to PostgreSQL was lost: ${(error as Error).message}`,
        error,
        code,
      );
    });
  };
  (client as unknown as { query: typeof wrapped }).query = wrapped;
  return client;
}

/** Each generated id column of this schema with its sequence's name. */
async function sequences(conn: Kysely<Tables>) {
  return (
    await sql<{ table: string; column: string; sequence: string }>`select
        table_name as "table", column_name as "column",
        pg_get_serial_sequence(quote_ident(table_name), column_name) as "sequence"
      from information_schema.columns where table_schema = current_schema()
        and (is_identity = 'YES' or column_default like 'nextval(%')`.execute(conn)
  ).rows;
}

/** NOTIFY on commit, and a LISTEN connection per instance. */
function changeFeed(
  url: string,
  onError: (error: unknown) => void,
): ChangeFeed & { listen(): Promise<void> } {
  const handlers: ChangeHandler[] = [];
  let client: pg.Client | undefined;
  let closed = false;
  // This process applies its own changes at commit; its echo, arriving later, would only drop
  // pages rendered since.
  const self = randomUUID();

  // Until it connects again: a database still down at the first try must not end the retries,
  // or this process would never hear another instance's change again.
  let retry: NodeJS.Timeout | undefined;
  let lost = false;
  function reconnectLater(): void {
    if (closed || retry) return;
    retry = setTimeout(() => {
      retry = undefined;
      connect().catch((error: unknown) => {
        onError(error);
        reconnectLater();
      });
    }, RECONNECT_MS).unref();
  }

  async function connect(): Promise<void> {
    const c = new pg.Client({ connectionString: url, connectionTimeoutMillis: CONNECT_TIMEOUT_MS });
    c.on("notification", (msg) => {
      if (msg.channel !== CHANNEL || !msg.payload) return;
      // NOTIFY reaches the listeners of this database only: every instance of this site.
      const notice = JSON.parse(msg.payload) as { from: string; tags: string[] };
      if (notice.from !== self) fanOut(handlers, notice.tags);
    });
    c.on("error", (error) => {
      onError(error);
      // Notices may have been missed while the connection was down: everything may be stale.
      fanOut(handlers, [changeKeys.all]);
      client = undefined;
      lost = true;
      reconnectLater();
    });
    try {
      await c.connect();
      await c.query(`listen ${CHANNEL}`);
    } catch (error) {
      // A connection that never opened (or never listened) is ended here; the caller retries.
      c.removeAllListeners("error");
      c.on("error", () => {});
      await c.end().catch(() => {});
      throw error;
    }
    // Back after a loss: what other instances changed meanwhile was announced to nobody here.
    if (lost) fanOut(handlers, [changeKeys.all]);
    lost = false;
    client = c;
  }

  return {
    listen: connect,
    async announce(trx, tags) {
      let payload = JSON.stringify({ from: self, tags });
      if (payload.length > MAX_PAYLOAD)
        payload = JSON.stringify({ from: self, tags: [changeKeys.all] });
      await sql`select pg_notify(${CHANNEL}, ${payload})`.execute(trx);
    },
    subscribe: (handler) => void handlers.push(handler),
    poll() {},
    async close() {
      closed = true;
      clearTimeout(retry);
      await client?.end().catch(() => {});
    },
  };
}
