import { randomBytes } from "node:crypto";
import path from "node:path";
import pg from "pg";
import type { Cleanup } from "./cleanup.js";
import { sleep } from "./http.js";
import type { DatabaseLocation } from "./kiosque.js";
import type { Engine } from "./result.js";

/** One statement on its own short-lived connection (CREATE/DROP DATABASE cannot share one). */
export async function admin(url: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

/**
 * Drops a bench database. A plain DROP first: PostgreSQL itself stops an autovacuum worker busy
 * on a freshly loaded database, whereas WITH (FORCE) refuses to, for a role that is not its
 * owner's. FORCE only after that, for a connection of ours left behind.
 */
export async function dropDatabase(adminUrl: string, name: string): Promise<void> {
  for (let attempt = 0; attempt < 10; attempt++) {
    try {
      await admin(adminUrl, `drop database if exists ${name}`);
      return;
    } catch (error) {
      // 55006: object_in_use. Anything else will not get better by waiting.
      if ((error as { code?: string }).code !== "55006") throw error;
      await sleep(500);
    }
  }
  await admin(adminUrl, `drop database if exists ${name} with (force)`);
}

/**
 * A new, empty database for one dataset: a folder in the run's temporary directory, or a
 * database of its own created next to `adminUrl` (whose role needs CREATEDB) and dropped at the end.
 */
export async function provisionDatabase(
  engine: Engine,
  name: string,
  workDir: string,
  adminUrl: string | undefined,
  cleanup: Cleanup,
): Promise<DatabaseLocation> {
  if (engine === "sqlite") return { engine, dataDir: path.join(workDir, `db-${name}`) };
  if (!adminUrl)
    throw new Error(
      "PostgreSQL needs --database-url postgres://… (or KIOSQUE_BENCH_DATABASE_URL): the bench creates and drops its own databases there",
    );
  const database = `kiosque_bench_${randomBytes(4).toString("hex")}_${name}`;
  await admin(adminUrl, `create database ${database}`);
  cleanup.defer(`drop database ${database}`, () => dropDatabase(adminUrl, database));
  const url = new URL(adminUrl);
  url.pathname = `/${database}`;
  return { engine, url: url.toString() };
}
