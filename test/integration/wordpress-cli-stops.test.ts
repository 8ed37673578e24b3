import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openStorage } from "../../src/db/storage.js";
import { cliEnv, runKiosque } from "../helpers/cli.js";
import { testEngines } from "../helpers/engines.js";
import { root } from "../helpers/paths.js";
import { makeTestDatabase, type TestDatabase } from "../helpers/runtime.js";

const HEAD = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:wp="http://wordpress.org/export/1.2/" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel><title>T</title><link>https://stops.example</link><wp:wxr_version>1.2</wp:wxr_version>`;

/** An export of `posts` posts with two comments each. */
function exportOf(file: string, posts: number): string {
  let xml = HEAD;
  for (let p = 1; p <= posts; p++) {
    xml += `<item><title>Article ${p}</title><dc:creator>a</dc:creator><content:encoded>Texte ${p}.</content:encoded><wp:post_id>${p}</wp:post_id><wp:post_date_gmt>2024-01-01 10:00:00</wp:post_date_gmt><wp:post_name>article-${p}</wp:post_name><wp:status>publish</wp:status><wp:post_type>post</wp:post_type>`;
    for (const c of [1, 2])
      xml += `<wp:comment><wp:comment_id>${p * 10 + c}</wp:comment_id><wp:comment_author>L</wp:comment_author><wp:comment_date_gmt>2024-01-02 10:00:00</wp:comment_date_gmt><wp:comment_content>Avis</wp:comment_content><wp:comment_approved>1</wp:comment_approved></wp:comment>`;
    xml += "</item>";
  }
  fs.writeFileSync(file, `${xml}</channel></rss>`);
  return file;
}

/** The command's own process group, as a terminal's Ctrl-C reaches it. */
function start(env: NodeJS.ProcessEnv, ...args: string[]) {
  const child = spawn(process.execPath, [path.join(root, "bin/kiosque.js"), ...args], {
    env,
    detached: true,
  });
  let out = "";
  let err = "";
  child.stdout.on("data", (d: Buffer) => (out += d.toString()));
  child.stderr.on("data", (d: Buffer) => (err += d.toString()));
  const done = new Promise<{ code: number | null; out: string; err: string }>((resolve) =>
    child.on("close", (code) => resolve({ code, out, err })),
  );
  return { interrupt: () => process.kill(-(child.pid ?? 0), "SIGINT"), done };
}

describe.each(testEngines())("an import that stops, on %s", (engine) => {
  let database: TestDatabase;
  let env: NodeJS.ProcessEnv;
  // Read on a connection of its own, without a runtime (whose start migrates, under a lock).
  const count = async (table: string) => {
    const storage = openStorage(database.database);
    try {
      const { rows } = await sql<{ n: number | string }>`select count(*) as n from ${sql.table(
        table,
      )}`.execute(storage.db);
      return Number(rows[0]?.n);
    } finally {
      await storage.close();
    }
  };

  beforeAll(async () => {
    database = await makeTestDatabase(engine);
    env = cliEnv(database);
  });
  afterAll(() => database.drop());

  it("says in a line that Ctrl-C stopped it, what was kept, and completes when run again", async () => {
    // Long enough to be stopped midway (SQLite imports several times faster).
    const posts = engine === "sqlite" ? 6000 : 1500;
    const file = exportOf(path.join(database.dataDir, "many.xml"), posts);
    const run = start(env, "import", "wordpress", file);
    // Once it writes posts: the site pass is over.
    // (Its tables are made when it starts.)
    const started = () => count("articles").catch(() => 0);
    for (let i = 0; i < 600 && (await started()) === 0; i++)
      await new Promise((r) => setTimeout(r, 50));
    run.interrupt();
    const stopped = await run.done;
    expect(stopped.code).toBe(130);
    expect(stopped.err.trim()).toBe(
      "kiosque: the import stopped (Ctrl-C): what it wrote before is kept, the batch it was writing was not: run the same command again, it completes the import without doubling anything.",
    );
    const kept = await count("articles");
    expect(kept).toBeGreaterThan(0);
    expect(kept).toBeLessThan(posts);
    const again = await runKiosque(env, "import", "wordpress", file);
    expect(again.code).toBe(0);
    expect(await count("articles")).toBe(posts);
    expect(await count("comments")).toBe(posts * 2);
  }, 180_000);

  it("says a database error in one line, without a stack trace, exit 1", async () => {
    expect((await runKiosque(env, "migrate")).code).toBe(0);
    const storage = openStorage(database.database);
    await sql`drop table redirects`.execute(storage.db);
    await storage.close();
    const file = exportOf(path.join(database.dataDir, "few.xml"), 3);
    const res = await runKiosque(env, "import", "wordpress", file);
    expect(res.code).toBe(1);
    expect(res.err).not.toMatch(/^\s+at /m);
    expect(res.err.trim().split("\n")).toHaveLength(1);
    expect(res.err).toMatch(
      /^kiosque: the import stopped on an error: .*redirects.*; what it wrote before is kept, the batch it was writing was not: run the same command again, it completes the import without doubling anything\.$/m,
    );
  }, 60_000);
});
