import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { backup, restore, BackupRefused, type BackupReport } from "../../src/db/backup.js";
import { comments } from "../../src/modules/comments/index.js";
import { seedDemo } from "../../src/modules/demo/index.js";
import { setSetting } from "../../src/modules/settings/index.js";
import { CLI_TEST_TIMEOUT_MS, cliEnv, runKiosque } from "../helpers/cli.js";
import { testEngines } from "../helpers/engines.js";
import { commentForm, makeArticle } from "../helpers/factories.js";
import { root } from "../helpers/paths.js";
import { makeTestDatabase, openTestRuntime, type TestRuntime } from "../helpers/runtime.js";

/** What every backup must hold, whatever later migrations add. */
const CORE_TABLES = [
  "settings",
  "users",
  "categories",
  "articles",
  "tags",
  "article_tags",
  "comments",
  "moderation_log",
];

/** A table's rows, engine-independent: each row as sorted [column, value] pairs, rows sorted. */
async function tableRows(rt: TestRuntime, table: string): Promise<string[]> {
  const { rows } = await sql<Record<string, unknown>>`select * from ${sql.table(table)}`.execute(
    rt.ctx.db,
  );
  return rows.map((r) => JSON.stringify(Object.entries(r).sort())).sort();
}

async function everyTable(rt: TestRuntime, tables: readonly string[]) {
  return Object.fromEntries(
    await Promise.all(tables.map(async (t) => [t, await tableRows(rt, t)])),
  );
}

async function count(rt: TestRuntime, query: ReturnType<typeof sql<{ n: unknown }>>) {
  const { rows } = await query.execute(rt.ctx.db);
  return Number(rows[0]?.n);
}

async function refusal(work: Promise<unknown>): Promise<BackupRefused> {
  const error: unknown = await work.then(
    () => new Error("expected a refusal"),
    (e: unknown) => e,
  );
  if (!(error instanceof BackupRefused)) throw error;
  return error;
}

let dir: string;
beforeAll(() => void (dir = fs.mkdtempSync(path.join(os.tmpdir(), "kiosque-backup-"))));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe.each(testEngines())("backup and restore on %s", (engine) => {
  let source: TestRuntime;
  let file: string;
  let report: BackupReport;

  beforeAll(async () => {
    source = await openTestRuntime(engine);
    await seedDemo(source.ctx);
    file = path.join(dir, `${engine}-demo.kiosque.gz`);
    report = await backup(source.ctx, file);
  });
  afterAll(() => source.close());

  it("restores every table's rows, equal, into a fresh database that then carries on", async () => {
    expect(Object.keys(report.rows)).toEqual(expect.arrayContaining(CORE_TABLES));
    expect(Object.keys(report.rows)).not.toContain("change_log");
    // The day's address salt dies with its day, never kept in a file (decision 010).
    expect(Object.keys(report.rows)).not.toContain("ip_salts");
    expect(Object.keys(report.rows).some((t) => t.startsWith("kysely_"))).toBe(false);
    expect(report.rows.comments).toBeGreaterThan(50);
    expect(fs.statSync(file).mode & 0o077).toBe(0);
    const target = await openTestRuntime(engine);
    try {
      const restored = await restore(target.ctx, file);
      expect(restored.rows).toEqual(report.rows);
      const tables = Object.keys(report.rows);
      expect(await everyTable(target, tables)).toEqual(await everyTable(source, tables));
      // Generated ids carry on after the restored ones (PostgreSQL's sequences were reset).
      const article = await makeArticle(target.ctx);
      expect(article.id).toBeGreaterThan(report.rows.articles ?? 0);
    } finally {
      await target.close();
    }
  });

  it("never hands out again an id a reader's cookie may hold, the site's or the backup's", async () => {
    // The backed-up site handed out ids its readers' cookies may name, then lost the rows.
    const site = await openTestRuntime(engine);
    const target = await openTestRuntime(engine);
    try {
      const slug = (await makeArticle(site.ctx)).slug;
      const postOn = (rt: TestRuntime, on: string) =>
        comments.postComment(rt.ctx, { articleSlug: on, form: commentForm(), ip: undefined }, []);
      const kept = await postOn(site, slug);
      const gone = [await postOn(site, slug), await postOn(site, slug)];
      await sql`delete from comments where id > ${kept.comment.id}`.execute(site.ctx.db);
      const highest = gone[1]?.comment.id ?? 0;
      const siteFile = path.join(dir, `${engine}-deleted.kiosque.gz`);
      await backup(site.ctx, siteFile);

      // The target had its own comments, numbered further still: restored over with --force.
      const targetSlug = (await makeArticle(target.ctx)).slug;
      let targetHighest = 0;
      for (let i = 0; i < highest + 3; i++)
        targetHighest = (await postOn(target, targetSlug)).comment.id;
      await restore(target.ctx, siteFile, { force: true });
      const next = await postOn(target, slug);
      expect(next.comment.id).toBeGreaterThan(Math.max(highest, targetHighest));

      // Restored into a fresh database, the backup's own high-water mark holds.
      const fresh = await openTestRuntime(engine);
      try {
        await restore(fresh.ctx, siteFile);
        expect((await postOn(fresh, slug)).comment.id).toBeGreaterThan(highest);
      } finally {
        await fresh.close();
      }
    } finally {
      await site.close();
      await target.close();
    }
  });

  it("takes a consistent snapshot while comments keep coming", async () => {
    await setSetting(source.ctx, "comments.holdFirst", "false");
    await setSetting(source.ctx, "comments.burstMax", "0");
    const open = [await makeArticle(source.ctx), await makeArticle(source.ctx)];
    const total = sql<{ n: unknown }>`select count(*) as n from comments`;
    let stop = false;
    let posted = 0;
    const writer = (async () => {
      while (!stop) {
        const target = open[posted % open.length]!;
        // Each in its transaction: the comment, its moderation log line, the article's count.
        await comments.postComment(
          source.ctx,
          { articleSlug: target.slug, form: commentForm(), ip: undefined },
          [],
        );
        posted++;
        // SQLite answers in microtasks only: without a turn of the event loop, nothing else runs.
        await new Promise((r) => setImmediate(r));
      }
    })();
    try {
      while (posted < 3) await new Promise((r) => setTimeout(r, 5));
      const before = await count(source, total);
      const snapshot = path.join(dir, `${engine}-busy.kiosque.gz`);
      const taken = await backup(source.ctx, snapshot, { batch: 10 });
      const after = await count(source, total);
      stop = true;
      await writer;
      expect(after).toBeGreaterThan(before);

      const target = await openTestRuntime(engine);
      try {
        await restore(target.ctx, snapshot);
        const restored = await count(target, total);
        expect(restored).toBe(taken.rows.comments);
        expect(restored).toBeGreaterThanOrEqual(before);
        expect(restored).toBeLessThanOrEqual(after);
        const unlogged = sql<{ n: unknown }>`select count(*) as n from comments c
          where not exists (select 1 from moderation_log m where m.comment_id = c.id)`;
        expect(await count(target, unlogged)).toBe(0);
        const miscounted = sql<{ n: unknown }>`select count(*) as n from articles a
          where a.comment_count <> (select count(*) from comments c
            where c.article_id = a.id and c.status = 'approved')`;
        expect(await count(target, miscounted)).toBe(0);
      } finally {
        await target.close();
      }
    } finally {
      stop = true;
      await writer;
    }
  });

  it("refuses a cut, foreign, other-schema or unforced file and leaves the target as it was", async () => {
    const target = await openTestRuntime(engine);
    try {
      await makeArticle(target.ctx);
      const tables = Object.keys(report.rows);
      const was = await everyTable(target, tables);
      const bytes = fs.readFileSync(file);
      const text = zlib.gunzipSync(bytes).toString("utf8").trimEnd().split("\n");
      const write = (name: string, content: string | Buffer) => {
        const p = path.join(dir, `${engine}-${name}`);
        fs.writeFileSync(p, content);
        return p;
      };
      const header = JSON.parse(text[0]!) as Record<string, unknown>;
      // The file with its first two rows of one table changed by `change` (the first's index).
      const edited = (change: (rows: string[], first: number) => void) => {
        const first = text.findIndex((l, i) => l.startsWith("[") && text[i + 1]?.startsWith("["));
        const copy = [...text];
        change(copy, first);
        return copy.join("\n");
      };
      // The file with one cell of `table`'s first row replaced by the JSON `cell`.
      const withCell = (table: string, column: string, cell: string) => {
        const at = text.findIndex((l) => l.startsWith(`{"table":${JSON.stringify(table)},`));
        const columns = (JSON.parse(text[at]!) as { columns: string[] }).columns;
        const row = JSON.parse(text[at + 1]!) as unknown[];
        const copy = [...text];
        const cells = row.map((v, i) => (columns[i] === column ? cell : JSON.stringify(v)));
        copy[at + 1] = `[${cells.join(",")}]`;
        return zlib.gzipSync(copy.join("\n"));
      };
      // Cells that read as JSON but are none the format writes: no driver may see them.
      const oddCells = ['{"o":1}', "[1]", "true", "1e999", '{"$bytes":5}', '{"$bytes":"a b"}'];
      const cases: [string, string][] = [
        ...oddCells.map((cell, i): [string, string] => [
          write(`cell-${i}.gz`, withCell("articles", "title", cell)),
          "KIOSQUE_BACKUP_DAMAGED",
        ]),
        [write("half.gz", bytes.subarray(0, bytes.length >> 1)), "KIOSQUE_BACKUP_DAMAGED"],
        [
          write("lines.gz", zlib.gzipSync(text.slice(0, text.length >> 1).join("\n"))),
          "KIOSQUE_BACKUP_DAMAGED",
        ],
        [write("notes.txt", "pas une sauvegarde\n"), "KIOSQUE_BACKUP_NOT_A_BACKUP"],
        [write("other.gz", zlib.gzipSync('{"hello":"world"}\n')), "KIOSQUE_BACKUP_NOT_A_BACKUP"],
        [
          write(
            "future.gz",
            zlib.gzipSync(
              [
                JSON.stringify({ ...header, migrations: ["001-initial", "999-future"] }),
                ...text.slice(1),
              ].join("\n"),
            ),
          ),
          "KIOSQUE_BACKUP_SCHEMA_MISMATCH",
        ],
        [path.join(dir, "absent.gz"), "KIOSQUE_BACKUP_NOT_A_BACKUP"],
        // Lines that all read, holding rows the schema refuses: an id twice, text for an id.
        [
          write("twice.gz", zlib.gzipSync(edited((rows, i) => (rows[i + 1] = rows[i]!)))),
          "KIOSQUE_BACKUP_DAMAGED",
        ],
        [
          write(
            "typed.gz",
            zlib.gzipSync(
              edited((rows, i) => {
                const row = JSON.parse(rows[i]!) as unknown[];
                rows[i] = JSON.stringify(["abc", ...row.slice(1)]);
              }),
            ),
          ),
          "KIOSQUE_BACKUP_DAMAGED",
        ],
      ];
      for (const [p, code] of cases) {
        expect((await refusal(restore(target.ctx, p, { force: true }))).code, p).toBe(code);
      }
      expect((await refusal(restore(target.ctx, cases[0]![0], { force: true }))).context).toEqual(
        expect.objectContaining({ reason: "articles.title: a value no column holds" }),
      );
      expect((await refusal(restore(target.ctx, file))).code).toBe("KIOSQUE_RESTORE_NOT_EMPTY");
      expect(await everyTable(target, tables)).toEqual(was);
    } finally {
      await target.close();
    }
  });

  it("leaves nothing under FILE's name when a backup fails part-way or cannot write", async () => {
    const failing = path.join(dir, `${engine}-failing.kiosque.gz`);
    const broken = backup(source.ctx, failing, {
      batch: 10,
      onProgress: (done) => {
        if (done > 30) throw new Error("disk full");
      },
    });
    await expect(broken).rejects.toThrow("disk full");
    expect(fs.readdirSync(dir).filter((f) => f.includes("failing"))).toEqual([]);
    const nowhere = path.join(dir, "no-such-folder", "site.kiosque.gz");
    expect((await refusal(backup(source.ctx, nowhere))).code).toBe("KIOSQUE_BACKUP_UNWRITABLE");
    // Nothing but a regular file is replaced: a folder, a named pipe, a symbolic link (as
    // /dev/stdout is) stay what they are.
    const folder = fs.mkdtempSync(path.join(dir, `${engine}-folder-`));
    const pipe = path.join(dir, `${engine}-pipe`);
    execFileSync("mkfifo", [pipe]);
    const link = path.join(dir, `${engine}-link`);
    const aimed = path.join(dir, `${engine}-aimed.txt`);
    fs.writeFileSync(aimed, "untouched");
    fs.symlinkSync(aimed, link);
    // Root passes the check for a writable folder in /proc, where no file can be made: the
    // temporary file's failure is refused the same way.
    const proc = fs.existsSync("/proc/version") ? ["/proc/version"] : [];
    for (const place of [folder, pipe, link, "", ...proc]) {
      expect((await refusal(backup(source.ctx, place))).code, place).toBe(
        "KIOSQUE_BACKUP_UNWRITABLE",
      );
    }
    expect(fs.statSync(folder).isDirectory()).toBe(true);
    expect(fs.lstatSync(pipe).isFIFO()).toBe(true);
    expect(fs.lstatSync(link).isSymbolicLink()).toBe(true);
    expect(fs.readFileSync(aimed, "utf8")).toBe("untouched");
  });
});

const engines = testEngines();
describe.skipIf(!(engines.includes("sqlite") && engines.includes("postgres")))(
  "backup from one engine, restore into the other",
  () => {
    it.each([
      ["sqlite", "postgres"],
      ["postgres", "sqlite"],
    ] as const)("%s → %s", async (from, to) => {
      const source = await openTestRuntime(from);
      const target = await openTestRuntime(to);
      try {
        await seedDemo(source.ctx);
        const file = path.join(dir, `${from}-to-${to}.kiosque.gz`);
        const report = await backup(source.ctx, file);
        await restore(target.ctx, file);
        const tables = Object.keys(report.rows);
        expect(await everyTable(target, tables)).toEqual(await everyTable(source, tables));
        expect((await makeArticle(target.ctx)).id).toBeGreaterThan(report.rows.articles ?? 0);
      } finally {
        await source.close();
        await target.close();
      }
    });
  },
);

/** The real `kiosque` command, as an operator runs it (see cli.test.ts). */
describe.each(testEngines())(
  "kiosque backup / restore on %s",
  { timeout: CLI_TEST_TIMEOUT_MS },
  (engine) => {
    const run = runKiosque;

    it("backs up a running site and restores it elsewhere, refusing to overwrite unasked", async () => {
      const [from, to] = [await makeTestDatabase(engine), await makeTestDatabase(engine)];
      try {
        expect((await run(cliEnv(from), "seed-demo")).code).toBe(0);
        const file = path.join(dir, `${engine}-cli.kiosque.gz`);
        const saved = await run(cliEnv(from), "backup", file);
        expect(saved).toMatchObject({ code: 0, err: "" });
        expect(saved.out).toMatch(/^backup written to .*: .*articles \d+.*comments \d+.* KiB in /);

        const restored = await run(cliEnv(to), "restore", file);
        expect(restored).toMatchObject({ code: 0, err: "" });
        const rows = (out: string) => out.slice(out.indexOf(": "), out.lastIndexOf(";"));
        expect(restored.out).toMatch(/^restored from /);
        expect(rows(restored.out)).toBe(rows(saved.out));

        const again = await run(cliEnv(to), "restore", file);
        expect(again.code).toBe(2);
        expect(again.err).toContain("KIOSQUE_RESTORE_NOT_EMPTY");
        expect((await run(cliEnv(to), "restore", "--force", file)).code).toBe(0);
        const foreign = await run(
          cliEnv(to),
          "restore",
          "--force",
          path.join(root, "package.json"),
        );
        expect(foreign.code).toBe(2);
        expect(foreign.err).toContain("KIOSQUE_BACKUP_NOT_A_BACKUP");
      } finally {
        await from.drop();
        await to.drop();
      }
    });
  },
);
