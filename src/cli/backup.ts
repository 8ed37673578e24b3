import path from "node:path";
import { Command } from "commander";
import { Presets, SingleBar } from "cli-progress";
import { backup, restore, type BackupReport, type Progress } from "../db/backup.js";
import { reindex } from "../modules/related/index.js";
import { withRuntime } from "./runtime.js";

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
      withRuntime(async ({ ctx }) => {
        const bar = progressBar("restore");
        const force = opts.force === true;
        const report = await restore(ctx, path.resolve(file), { ...bar, force }).finally(bar.stop);
        console.log(summary("restored from", report));
        // The search index and related lists are not in a backup: made again from the articles.
        const rebuilt = await reindex(ctx);
        console.log(`reindexed ${rebuilt.articles} articles in ${rebuilt.seconds.toFixed(1)} s`);
      }),
    );
}
