import { execFile, execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runKiosque } from "../helpers/cli.js";
import { testEngines } from "../helpers/engines.js";
import { root } from "../helpers/paths.js";

/**
 * A disk that is really full, as the attack left it: a small tmpfs, mounted in a user and mount
 * namespace of the test's own (`unshare`, no privilege needed where the kernel allows
 * unprivileged user namespaces; the mount is gone with the namespace). /dev/full cannot stand in
 * for it: `kiosque backup` writes a temporary file beside FILE and renames it, and refuses a FILE
 * that is not a regular file before writing anything, so /dev/full tests that refusal, not a
 * write failing with ENOSPC.
 */
function namespacesMount(): boolean {
  const probe = fs.mkdtempSync(path.join(os.tmpdir(), "kiosque-probe-"));
  try {
    execFileSync(
      "unshare",
      [
        "--user",
        "--map-root-user",
        "--mount",
        "sh",
        "-c",
        'mount -t tmpfs kiosque-probe "$0"',
        probe,
      ],
      {
        stdio: "ignore",
      },
    );
    return true;
  } catch {
    return false;
  } finally {
    fs.rmSync(probe, { recursive: true, force: true });
  }
}

/**
 * Inside the namespace: a site on a 32 MB tmpfs, a backup of it while still empty, the demo,
 * then the disk filled but for 100 KB (room for SQLite's shared-memory file, not for a
 * command's writes) and three commands run; then space freed and a command run again. Each
 * command's output and exit code go to files outside the tmpfs, for the test to read.
 */
const SCRIPT = `
set -u
mount -t tmpfs -o size=32m kiosque-full "$DISK" || exit 99
K="$NODE $ROOT/bin/kiosque.js"
say() { name=$1; shift; "$@" >"$OUT/$name.out" 2>"$OUT/$name.err"; echo $? >"$OUT/$name.code"; }
say migrate $K migrate
say empty $K backup "$DISK/empty.kiosque.gz"
say seed $K seed-demo
say before $K reindex
avail=$(df -k --output=avail "$DISK" | tail -1)
head -c $(( (avail - 100) * 1024 )) /dev/zero >"$DISK/filler"
say backup $K backup "$DISK/full.kiosque.gz"
say reindex $K reindex
say restore $K restore --force "$DISK/empty.kiosque.gz"
ls -A "$DISK" >"$OUT/listing"
rm "$DISK/filler"
say again $K reindex
`;

interface Ran {
  code: number;
  out: string;
  err: string;
}

describe.skipIf(!testEngines().includes("sqlite") || !namespacesMount())(
  "kiosque on a SQLite site whose disk is full",
  () => {
    let dir: string;
    const ran = (name: string): Ran => ({
      code: Number(fs.readFileSync(path.join(dir, "out", `${name}.code`), "utf8")),
      out: fs.readFileSync(path.join(dir, "out", `${name}.out`), "utf8"),
      err: fs.readFileSync(path.join(dir, "out", `${name}.err`), "utf8"),
    });

    beforeAll(async () => {
      dir = fs.mkdtempSync(path.join(os.tmpdir(), "kiosque-disk-full-"));
      const disk = path.join(dir, "disk");
      fs.mkdirSync(disk);
      fs.mkdirSync(path.join(dir, "out"));
      const env: NodeJS.ProcessEnv = {
        ...process.env,
        DISK: disk,
        OUT: path.join(dir, "out"),
        NODE: process.execPath,
        ROOT: root,
        KIOSQUE_DATA_DIR: path.join(disk, "data"),
        LOG_LEVEL: "warn",
      };
      delete env.DATABASE_URL;
      await new Promise<void>((resolve, reject) =>
        execFile(
          "unshare",
          ["--user", "--map-root-user", "--mount", "sh", "-c", SCRIPT],
          { env, timeout: 120_000 },
          (error) => (error ? reject(error) : resolve()),
        ),
      );
    }, 150_000);
    afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

    it("set up a site before the disk filled", () => {
      for (const step of ["migrate", "empty", "seed", "before"])
        expect(ran(step), step).toMatchObject({ code: 0 });
    });

    it("says a backup cannot be written there, in a line, and leaves no part of it", () => {
      const backup = ran("backup");
      expect(backup.code).toBe(2);
      expect(backup.err).toMatch(
        /^kiosque: cannot write the backup to .*full\.kiosque\.gz: its disk is full \(ENOSPC: no space left on device.*Free space there.*\[KIOSQUE_BACKUP_UNWRITABLE\]\n$/,
      );
      // Neither the backup nor its temporary file: only what was there before.
      expect(
        fs
          .readFileSync(path.join(dir, "out", "listing"), "utf8")
          .split("\n")
          .filter(Boolean)
          .sort(),
      ).toEqual(["data", "empty.kiosque.gz", "filler"]);
    });

    it("says the database's disk is full for reindex and restore, not a failed rollback", () => {
      for (const step of ["reindex", "restore"]) {
        const { code, err } = ran(step);
        expect(code, step).toBe(2);
        expect(err, step).toBe(
          "kiosque: the database's disk is full: free space, then run it again. [KIOSQUE_STORAGE_FULL]\n",
        );
      }
    });

    it("kept the site whole, and works again once space is freed", () => {
      // The restore of the empty site's backup rolled back whole: the demo's articles are there.
      const articles = (out: string) => /^reindexed (\d+) articles/.exec(out)?.[1];
      expect(ran("again")).toMatchObject({ code: 0, err: "" });
      expect(Number(articles(ran("again").out))).toBeGreaterThan(0);
      expect(articles(ran("again").out)).toBe(articles(ran("before").out));
    });

    it("refuses /dev/full as FILE before writing anything: it is not a regular file", async () => {
      const env: NodeJS.ProcessEnv = {
        ...process.env,
        KIOSQUE_DATA_DIR: path.join(dir, "plain"),
        LOG_LEVEL: "warn",
      };
      delete env.DATABASE_URL;
      const refused = await runKiosque(env, "backup", "/dev/full");
      expect(refused.code).toBe(2);
      expect(refused.err).toContain("KIOSQUE_BACKUP_UNWRITABLE");
    });
  },
);
