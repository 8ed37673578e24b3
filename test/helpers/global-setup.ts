import { execFileSync } from "node:child_process";
import path from "node:path";
import pg from "pg";
import { buildAssets } from "../../scripts/assets.mjs";
import { root, testAssetsDir } from "./paths.js";

/**
 * Once per run: the browser assets for in-process apps, the production build for tests that
 * start the real server or CLI, and a check that the PostgreSQL we were told to use answers.
 */
export default async function setup(): Promise<void> {
  await buildAssets(testAssetsDir);
  execFileSync(process.execPath, [path.join(root, "scripts/build.mjs")], { stdio: "inherit" });
  const url = process.env.KIOSQUE_TEST_DATABASE_URL;
  if (url) {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await client.end();
  } else {
    console.warn(
      "\n[kiosque] KIOSQUE_TEST_DATABASE_URL is not set: the storage tests run on SQLite only." +
        "\n[kiosque] .ci/run sets it; set it yourself (postgres://…) to run them on PostgreSQL too.\n",
    );
  }
}
