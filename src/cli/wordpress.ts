import { Command } from "commander";
import { Presets, SingleBar } from "cli-progress";
import {
  describeRefusal,
  exportWordpress,
  formatReport,
  importWordpress,
  ImportRefused,
  oldSite,
  uploadsFolder,
  type ImportPass,
} from "../modules/imports/index.js";
import type { Ctx } from "../ctx.js";
import { startFailure } from "../db/storage-failure.js";
import { refusalLines } from "./refusals.js";
import { openRuntime } from "../runtime.js";
import { withRuntime } from "./runtime.js";
import { reindex } from "../modules/related/index.js";

/** The import was stopped by Ctrl-C (SIGINT). */
class Interrupted extends Error {}

const PASS_WORDS: Record<ImportPass, string> = {
  check: "checking",
  media: "authors, terms, images",
  content: "posts, pages, comments",
};

/**
 * Refusals of the file are said in words, with their line and column, and exit with 2: in the
 * shape of every refusal of the command line (refusals.ts), the code last.
 */
function refused(error: unknown): boolean {
  if (!(error instanceof ImportRefused)) return false;
  console.error(`kiosque: ${describeRefusal(error)} [${error.code}]`);
  process.exitCode = 2;
  return true;
}

/** What was kept of an import that stopped, and what to do: the same for every way it stops. */
function keptWords(dryRun: boolean): string {
  return dryRun
    ? "nothing was written (it was a dry run)"
    : "what it wrote before is kept, the batch it was writing was not: run the same command again, it completes the import without doubling anything";
}

/**
 * An import that failed midway (a database error, another import of the site at the same time)
 * is said in one line, exit 1: a stack trace told the operator neither that the batch in
 * progress was not kept nor that running it again completes it. The details go to the log
 * (debug). What the command line already says in words (refusals, a busy or full database) is
 * left to it.
 */
function failed(ctx: Ctx, error: unknown, dryRun: boolean): boolean {
  if (refusalLines(error) !== undefined || startFailure(error) !== undefined) return false;
  ctx.log.debug({ err: error }, "import failed");
  const what = (error instanceof Error ? error.message : String(error)).split("\n")[0];
  const code = (error as { code?: unknown } | undefined)?.code;
  const twice =
    code === "23505" || code === "SQLITE_CONSTRAINT_UNIQUE"
      ? " (another import of the same file running at the same time does this)"
      : "";
  console.error(`kiosque: the import stopped on an error${twice}: ${what}; ${keptWords(dryRun)}.`);
  process.exitCode = 1;
  return true;
}

export function importCommand(): Command {
  const command = new Command("import").description("bring content in from another platform");
  command
    .command("wordpress")
    .description(
      "import a WordPress export (Tools → Export, WXR 1.0–1.2): authors, categories, tags, posts, pages, comments, images, old links",
    )
    .argument("<file>", "the export's XML file")
    .option("--uploads <dir>", "a copy of the old site's wp-content/uploads, where images are read")
    .option("--download", "download images from the old site when they are not in --uploads")
    .option("--dry-run", "do the whole import and cancel it: print the report, keep nothing")
    .option("--no-pingbacks", "leave pingbacks and trackbacks out")
    .action(
      (
        file: string,
        opts: { uploads?: string; download?: boolean; dryRun?: boolean; pingbacks: boolean },
      ) =>
        withRuntime(async ({ ctx }) => {
          // A dry run on SQLite works on a copy of the database, opened as this one is.
          const openCopy = async (copy: string) => {
            const runtime = await openRuntime(
              { ...ctx.config, database: { engine: "sqlite", file: copy } },
              { clock: ctx.clock, log: ctx.log },
            );
            return { ctx: runtime.ctx, close: () => runtime.close() };
          };
          const bar = new SingleBar(
            { format: "{pass} {bar} {percentage}% {value}/{total} MB", hideCursor: true },
            Presets.shades_classic,
          );
          let current: ImportPass | undefined;
          // Ctrl-C: the import stops after the transaction in progress, and says so; again: now.
          const stop = new AbortController();
          const interrupted = () => {
            if (stop.signal.aborted) process.exit(130);
            stop.abort(new Interrupted());
          };
          process.on("SIGINT", interrupted);
          try {
            // "" names no folder: refused as one, not taken for none.
            const folder =
              opts.uploads !== undefined ? await uploadsFolder(opts.uploads) : undefined;
            const remote = opts.download ? oldSite() : undefined;
            const source =
              folder || remote
                ? {
                    where: [folder?.where, remote?.where].filter(Boolean).join(", then "),
                    fetch: async (url: string, max: number) => {
                      const local = folder ? await folder.fetch(url, max) : undefined;
                      if (local && "bytes" in local) return local;
                      return remote ? remote.fetch(url, max) : (local ?? { problem: "no source" });
                    },
                  }
                : undefined;
            const report = await importWordpress(ctx, {
              file,
              ...(opts.dryRun ? { dryRun: true } : {}),
              pingbacks: opts.pingbacks,
              ...(source ? { media: source } : {}),
              signal: stop.signal,
              openCopy,
              onProgress: (pass, p) => {
                const mb = (n: number) => Math.round((n / 1048576) * 10) / 10;
                if (pass !== current) {
                  if (current) bar.stop();
                  current = pass;
                  bar.start(mb(p.totalBytes), 0, { pass: PASS_WORDS[pass] });
                }
                bar.update(mb(p.bytesRead), { pass: PASS_WORDS[pass] });
              },
            });
            if (current) bar.stop();
            process.off("SIGINT", interrupted);
            console.log(formatReport(report));
            // Search and related lists are derived from what was imported: made once, at the end.
            if (!opts.dryRun) {
              const indexed = await reindex(ctx);
              console.log(`indexed ${indexed.articles} articles for search and related lists`);
            }
          } catch (error) {
            if (current) bar.stop();
            if (error instanceof Interrupted) {
              console.error(
                `kiosque: the import stopped (Ctrl-C): ${keptWords(opts.dryRun === true)}.`,
              );
              process.exitCode = 130;
            } else if (!refused(error) && !failed(ctx, error, opts.dryRun === true)) throw error;
          } finally {
            process.off("SIGINT", interrupted);
          }
        }),
    );
  return command;
}

export function exportCommand(): Command {
  const command = new Command("export").description("write the site out for another platform");
  command
    .command("wordpress")
    .description(
      "write the whole site as a WordPress export (WXR 1.2) that WordPress's importer reads",
    )
    .argument("<file>", "the XML file to write (must not exist)")
    .action((file: string) =>
      withRuntime(async ({ ctx }) => {
        const c = await exportWordpress(ctx, file);
        console.log(
          `written ${file}: ${c.articles} articles, ${c.pages} pages, ${c.comments} comments, ${c.images} images, ${c.sections} sections, ${c.tags} tags, ${c.authors} authors`,
        );
      }),
    );
  return command;
}
