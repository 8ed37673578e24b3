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
import { withRuntime } from "./runtime.js";
import { reindex } from "../modules/related/index.js";

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
          const bar = new SingleBar(
            { format: "{pass} {bar} {percentage}% {value}/{total} MB", hideCursor: true },
            Presets.shades_classic,
          );
          let current: ImportPass | undefined;
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
            console.log(formatReport(report));
            // Search and related lists are derived from what was imported: made once, at the end.
            if (!opts.dryRun) {
              const indexed = await reindex(ctx);
              console.log(`indexed ${indexed.articles} articles for search and related lists`);
            }
          } catch (error) {
            if (current) bar.stop();
            if (!refused(error)) throw error;
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
