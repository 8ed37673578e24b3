import path from "node:path";
import { Command } from "commander";
import { Presets, SingleBar } from "cli-progress";
import { backup, restore, type BackupReport, type Progress } from "../db/backup.js";
import { reindex } from "../modules/related/index.js";
import { withRuntime } from "./runtime.js";
import { isStorageFull } from "../lib/storage-full.js";

/** A bar on stderr when a person watches it; nothing in scripts, cron mails and pipes. */
function progressBar(label: string): { onProgress?: Progress; stop(): void } {
  if (!process.stderr.isTTY) return { stop() {} };
  const bar = new SingleBar(
    { format: `${label} {bar} {value}/{total} rows`, stream: process.stderr },
    Presets.shades_classic,
  );
  let started = false;
  return {
    onProgress(done, total) {
      if (!started) bar.start(total, 0);
      started = true;
      bar.update(done);
    },
    stop() {
      if (started) bar.stop();
      started = false;
    },
  };
}

/**
 * A database whose disk is full (SQLite's SQLITE_FULL, PostgreSQL's 53100 disk_full) rolled the
 * command's transaction back whole: nothing is half-written, and there is nothing to do but make
 * room and run it again. Said in one line, exit 2 as a refusal, not as a trace of a bug.
 */
export async function sayingDiskFull(work: () => Promise<void>): Promise<void> {
  try {
    await work();
  } catch (error) {
    if (!isStorageFull(error)) throw error;
    console.error(
      "kiosque: the database's disk is full: free space, then run it again. [KIOSQUE_STORAGE_FULL]",
    );
    process.exitCode = 2;
  }
}

/** One line: rows per table, size, time. */
function summary(verb: string, report: BackupReport): string {
  const rows = Object.entries(report.rows)
    .map(([table, n]) => `${table} ${n}`)
    .join(", ");
  const size = `${(report.bytes / 1024).toFixed(report.bytes < 10_240 ? 1 : 0)} KiB`;
  return `${verb} ${report.file}: ${rows}; ${size} in ${report.seconds.toFixed(1)} s`;
}

export function backupCommand(): Command {
  return new Command("backup")
    .description(
      "write the whole site to FILE (gzipped NDJSON, either engine) as of one instant, while it keeps running",
    )
    .argument("<file>", "where to write; replaced only once the backup is complete")
    .action((file: string) =>
      withRuntime(async ({ ctx }) => {
        const bar = progressBar("backup");
        const report = await backup(ctx, path.resolve(file), bar).finally(bar.stop);
        console.log(summary("backup written to", report));
      }),
    );
}

export function restoreCommand(): Command {
  return new Command("restore")
    .description(
      "replace the site's content with a backup's (from SQLite or PostgreSQL); the schema must match",
    )
    .argument("<file>", "a file written by `kiosque backup`")
    .option("--force", "replace a database that already has articles or comments")
    .action((file: string, opts: { force?: boolean }) =>
      sayingDiskFull(() =>
        withRuntime(async ({ ctx }) => {
          const bar = progressBar("restore");
          const force = opts.force === true;
          const report = await restore(ctx, path.resolve(file), { ...bar, force }).finally(
            bar.stop,
          );
          console.log(summary("restored from", report));
          // The search index and related lists are not in a backup: made again from the articles.
          const rebuilt = await reindex(ctx);
          console.log(`reindexed ${rebuilt.articles} articles in ${rebuilt.seconds.toFixed(1)} s`);
        }),
      ),
    );
}
