import { execFileSync } from "node:child_process";
import path from "node:path";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { buildAssets } from "../../scripts/assets.mjs";
import { wantedEngines } from "./engines.js";
import { root, testAssetsDir } from "./paths.js";
import { prepareBrowser } from "./private-chromium.js";
import { startPrivatePostgres, type PrivatePostgres } from "./private-postgres.js";

declare module "vitest" {
  export interface ProvidedContext {
    /** The Chromium the browser tests launch, and what its process needs in its environment. */
    browser: { executablePath: string; env: Record<string, string> };
  }
}

/**
 * Once per run, before any test file: the browser assets for in-process apps, the production
 * build for tests that start the real server or CLI, a PostgreSQL (the one named by
 * KIOSQUE_TEST_DATABASE_URL, or a private one started here) and a Chromium. Says which, first.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  await buildAssets(testAssetsDir);
  execFileSync(process.execPath, [path.join(root, "scripts/build.mjs")], { stdio: "inherit" });

  let privatePostgres: PrivatePostgres | undefined;
  let postgresUrl = "";
  let postgresSays = "not asked for (KIOSQUE_TEST_ENGINES)";
  if (wantedEngines().includes("postgres")) {
    const given = process.env.KIOSQUE_TEST_DATABASE_URL;
    if (given) {
      postgresUrl = given;
      postgresSays = `${redacted(given)} (KIOSQUE_TEST_DATABASE_URL)`;
    } else {
      privatePostgres = await startPrivatePostgres();
      postgresUrl = privatePostgres.url;
      postgresSays = `private server on ${redacted(postgresUrl)}, stopped at the end`;
    }
    postgresSays = `PostgreSQL ${await serverVersion(postgresUrl)}: ${postgresSays}`;
  }
  const browser = await prepareBrowser();
  project.provide("postgresUrl", postgresUrl);
  project.provide("browser", { executablePath: browser.executablePath, env: browser.env });

  console.log(
    `\n[kiosque] engines: SQLite; ${postgresSays}\n[kiosque] browser: ${browser.description}\n`,
  );
  return async () => {
    await privatePostgres?.stop();
  };
}

async function serverVersion(url: string): Promise<string> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const result = await client.query<{ server_version: string }>("show server_version");
    return result.rows[0]?.server_version ?? "?";
  } finally {
    await client.end();
  }
}

function redacted(url: string): string {
  const u = new URL(url);
  if (u.password) u.password = "***";
  return u.toString();
}
