import { createHash } from "node:crypto";
import { execFile } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrateToLatest } from "../../src/db/migrate.js";
import { testEngines } from "../helpers/engines.js";
import { root } from "../helpers/paths.js";
import { cliEnv } from "../helpers/cli.js";
import { makeTestDatabase, openTestRuntime, type TestRuntime } from "../helpers/runtime.js";

/**
 * The schema canary: what the migrations build, table by table and column by column, must equal
 * what test/fixtures/schema.<engine>.json says. Changing the tables without a migration (or a migration
 * without updating the fixture, on purpose) fails here. Regenerate the fixture with
 * KIOSQUE_UPDATE_SCHEMA=1 after writing a migration.
 */
const fixture = (engine: string) => path.join(root, `test/fixtures/schema.${engine}.json`);

/** Frozen migrations: a released migration never changes. A new one adds its hash here. */
const FROZEN: Record<string, string> = {
  "001-initial.ts": "35c4d59180f9ab00db41d5e900afb5996e9fbeb47ce55190a2cc5a7bf7c85a08",
  "002-change-log.ts": "c0a4725574ac07a3ea3467b9060d8775473a9b4e31af5d5a337b7e17fe8b057b",
  "003-thread-index.ts": "52055c1d5a5bc772bdc4d2abbe19009f5e7a6d47db65beb3356e1ef579656403",
  "004-author-index.ts": "30a9cf24e457c9e579926d9d6380a802bc572d970c685380ebec7b7d7cb44820",
  "005-ip-privacy.ts": "2362e1cf7b7d68d223960a19bb1df67a73a475db96d43b1a30033a7b2d8efddc",
  "006-rate-limits.ts": "d4e175389c64723e739995905fbd1a6cca0e8de7924667303415ecd199d536f3",
  "007-newsroom-accounts.ts": "d2fd9ea5a0e41773d1f3b15768e0c186766f55b0924c0cfae7b3b1c3bc14398f",
  "008-article-editing.ts": "dd68d1e36709a971d5e20979b5af86efe7d1c691cb36c59b4c94ec36dbcffd63",
  "009-media.ts": "907aac2920eef60803373be48e87c7a68368cac308e55e6291dee332dec3db8c",
  "010-second-factor-steps.ts": "7e1e55ebd0a3445ef288c71299439c9c0619c14c9111b09ad21908ffcaf76452",
  "012-moderation-desk.ts": "7cab9d488bbcea175ef97a9e5d75b6166c7bd7f72b2b747e3c23c68afb071888",
  "013-settings-screens.ts": "7c606e05cd32548424b51ec8e4dac6dbbeb92a559c9a36b61287d7064a6b78ab",
  "014-gifs.ts": "5dfd0ad8b5ecd29f622feb19db2d2f21bedc5b7ba67ec29353c66c9c8a3567fe",
  "015-search-related.ts": "d7c3711dd467d3d74da342847656862efc498dd6cdbc20b76f6f2830af26fd7d",
  "017-staff-list-search.ts": "b5dfb1be9ec45665c129cf89782d6b37ab790e7ca9d309ad6cccba11792ff1ed",
  "018-wordpress-import.ts": "e611b91f79b0d8eba1730bdecf2e6939efb6c7bdd7ddfe126894005106f15928",
  "019-refused-forms-and-article-language.ts":
    "6b6245e24dced8ab395fdfdfd1c4a6b2493a4215ece49cbfe2d3d93d93dc89e2",
  "021-comment-kinds-page-media.ts":
    "93dbca82dd40d7f87e95ac779344e7041f886b0a577cc727e14243cf5752fcd9",
  "022-address-retention-index.ts":
    "06985d6772a538ed5501d8bcf90b1cefedd9062be36a1b9475d8d36518d9fa57",
  "023-sections-in-menu.ts": "e76ccf08dfc79dfd90cf5c60239f1cc99eb2e9739bfd1c05f1b920bf15aa82de",
  "024-page-versions-and-lookups.ts":
    "b3dbb628972a71d9a169b963e9824a620f34276bcfbd9bfb91c2f9bd97902e54",
  "025-first-publication.ts": "32aa7f6abbaf1d318e0532cd39ea962a6addf97f2ed2ed023fa5eaf063c3684c",
  "026-foreign-key-indexes.ts": "9ef945884a24ffbe45f6206a121027de0f02cbacadbb602b85ee4577d61de694",
};

describe("migrations", () => {
  it("are frozen in time: released files never change", () => {
    const dir = path.join(root, "src/db/migrations");
    const actual = Object.fromEntries(
      fs
        .readdirSync(dir)
        .sort()
        .map((f) => [
          f,
          createHash("sha256")
            .update(fs.readFileSync(path.join(dir, f)))
            .digest("hex"),
        ]),
    );
    expect(actual).toEqual(FROZEN);
  });
});

describe.each(testEngines())("schema on %s", (engine) => {
  let rt: TestRuntime;
  beforeAll(async () => {
    rt = await openTestRuntime(engine);
  });
  afterAll(() => rt.close());

  it("matches the declared tables and columns", async () => {
    const tables = await rt.ctx.db.introspection.getTables();
    const shape = Object.fromEntries(
      tables
        .filter((t) => !t.name.startsWith("kysely_"))
        .sort((a, b) => a.name.localeCompare(b.name))
        .map((t) => [t.name, t.columns.map((c) => `${c.name}${c.isNullable ? "?" : ""}`).sort()]),
    );
    if (process.env.KIOSQUE_UPDATE_SCHEMA === "1")
      fs.writeFileSync(fixture(engine), `${JSON.stringify(shape, null, 2)}\n`);
    expect(shape).toEqual(JSON.parse(fs.readFileSync(fixture(engine), "utf8")));
  });

  it("has an index for every foreign key, so deleting a row never reads a whole table", async () => {
    // Deleting a row looks for the rows that point to it: without an index on their column, the
    // database reads their whole table, for each row deleted (0.6 s a comment at 1M comments).
    const keyed = await foreignKeys(rt, engine);
    const led = new Set((await indexLeads(rt, engine)).map((r) => `${r.tbl}.${r.col}`));
    expect(keyed.length).toBeGreaterThan(20);
    expect(keyed.map((r) => `${r.tbl}.${r.col}`).filter((key) => !led.has(key))).toEqual([]);
  });

  it("applies each migration once when several instances start at once", async () => {
    // Separate processes, as real instances are: the CLI's `migrate` three times at once.
    const fresh = await makeTestDatabase(engine);
    try {
      const env = cliEnv(fresh);
      const runs = await Promise.all(
        [1, 2, 3].map(() =>
          run(process.execPath, [path.join(root, "dist/cli.js"), "migrate"], env),
        ),
      );
      expect(runs.map((r) => r.code)).toEqual([0, 0, 0]);
      const applied = runs.map((r) => r.stdout.trim()).sort();
      expect(applied).toEqual([
        `applied: ${Object.keys(FROZEN)
          .map((file) => file.replace(/\.ts$/, ""))
          .join(", ")}`,
        "schema up to date",
        "schema up to date",
      ]);
    } finally {
      await fresh.drop();
    }
  });

  it("applies a migration named before one already applied (work landed out of order)", async () => {
    // As if 005 had landed after every later-named one: undone, and unrecorded.
    await sql`drop index comments_ip_hash`.execute(rt.ctx.db);
    await sql`drop table ip_salts`.execute(rt.ctx.db);
    await sql`delete from kysely_migration where name = '005-ip-privacy'`.execute(rt.ctx.db);
    expect(await migrateToLatest(rt.storage)).toEqual(["005-ip-privacy"]);
    expect(await migrateToLatest(rt.storage)).toEqual([]);
  });
});

type Column = { tbl: string; col: string };

/** Each foreign key's table and (first) column. */
async function foreignKeys(rt: TestRuntime, engine: string): Promise<Column[]> {
  const query =
    engine === "sqlite"
      ? sql<Column>`select m.name as tbl, f."from" as col
          from sqlite_master m join pragma_foreign_key_list(m.name) f
          where m.type = 'table' and f.seq = 0`
      : sql<Column>`select t.relname as tbl, a.attname as col
          from pg_constraint c
          join pg_class t on t.oid = c.conrelid
          join pg_attribute a on a.attrelid = c.conrelid and a.attnum = c.conkey[1]
          where c.contype = 'f' and t.relnamespace = current_schema()::regnamespace`;
  return (await query.execute(rt.ctx.db)).rows;
}

/** Each index's table and leading column, the primary keys' too. */
async function indexLeads(rt: TestRuntime, engine: string): Promise<Column[]> {
  const query =
    engine === "sqlite"
      ? sql<Column>`select m.name as tbl, i.name as col
          from sqlite_master m join pragma_index_list(m.name) l join pragma_index_info(l.name) i
          where m.type = 'table' and i.seqno = 0
          union select m.name, c.name
          from sqlite_master m join pragma_table_info(m.name) c
          where m.type = 'table' and c.pk = 1`
      : sql<Column>`select t.relname as tbl, a.attname as col
          from pg_index x
          join pg_class t on t.oid = x.indrelid
          join pg_attribute a on a.attrelid = x.indrelid and a.attnum = x.indkey[0]
          where t.relnamespace = current_schema()::regnamespace`;
  return (await query.execute(rt.ctx.db)).rows;
}

function run(
  cmd: string,
  args: string[],
  env: NodeJS.ProcessEnv,
): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(cmd, args, { env }, (error, stdout, stderr) => {
      resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr });
    });
  });
}
