import type { Engine } from "../../src/db/dialect.js";

/**
 * The engines every storage test runs on: SQLite always, PostgreSQL when
 * KIOSQUE_TEST_DATABASE_URL names one. KIOSQUE_TEST_ENGINES=sqlite narrows the loop while
 * developing.
 */
export function testEngines(): Engine[] {
  const wanted = (process.env.KIOSQUE_TEST_ENGINES ?? "sqlite,postgres")
    .split(",")
    .map((s) => s.trim());
  const engines: Engine[] = [];
  if (wanted.includes("sqlite")) engines.push("sqlite");
  if (wanted.includes("postgres") && process.env.KIOSQUE_TEST_DATABASE_URL)
    engines.push("postgres");
  return engines;
}
