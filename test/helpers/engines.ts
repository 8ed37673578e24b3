import { inject } from "vitest";
import type { Engine } from "../../src/db/storage.js";

declare module "vitest" {
  export interface ProvidedContext {
    /** Administrative URL of the run's PostgreSQL (given, or started privately); "" for none. */
    postgresUrl: string;
  }
}

/**
 * The engines every storage test runs on: SQLite and PostgreSQL. The run starts a private
 * PostgreSQL unless KIOSQUE_TEST_DATABASE_URL names one. KIOSQUE_TEST_ENGINES=sqlite narrows the
 * loop while developing.
 */
export function testEngines(): Engine[] {
  return wantedEngines().filter((engine) => engine === "sqlite" || testDatabaseUrl() !== "");
}

/** The engines asked for, read once by the run's setup and by each test file alike. */
export function wantedEngines(): Engine[] {
  const wanted = (process.env.KIOSQUE_TEST_ENGINES ?? "sqlite,postgres")
    .split(",")
    .map((s) => s.trim());
  return (["sqlite", "postgres"] as const).filter((engine) => wanted.includes(engine));
}

/** The run's PostgreSQL, for tests that create databases and schemas in it. */
export function testDatabaseUrl(): string {
  return inject("postgresUrl");
}
