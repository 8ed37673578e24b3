import { Command } from "commander";
import { MultiBar, Presets, type SingleBar } from "cli-progress";
import { related, reindex } from "../modules/related/index.js";
import { withRuntime } from "./runtime.js";

export function reindexCommand(): Command {
  return new Command("reindex")
    .description("rebuild the search index and every related-articles list")
    .action(() =>
      withRuntime(async ({ ctx }) => {
        // A bar on stderr when a person watches it; nothing in scripts, cron mails and pipes.
        const bars = process.stderr.isTTY
          ? new MultiBar(
              { format: "{phase} {bar} {value}/{total} articles", stream: process.stderr },
              Presets.shades_classic,
            )
          : undefined;
        const shown = new Map<string, SingleBar>();
        const report = await reindex(ctx, ({ phase, done, total }) => {
          if (!bars) return;
          let bar = shown.get(phase);
          if (!bar) {
            bar = bars.create(total, 0, { phase: phase.padEnd(7) });
            shown.set(phase, bar);
          }
          bar.setTotal(total);
          bar.update(done, { phase: phase.padEnd(7) });
        }).finally(() => bars?.stop());
        console.log(`reindexed ${report.articles} articles in ${report.seconds.toFixed(1)} s`);
      }),
    );
}

/** `kiosque related pin|unpin|show`: an editor's choices in an article's « À lire aussi ». */
export function relatedCommand(): Command {
  const cmd = new Command("related").description("pin articles into an article's related list");
  cmd
    .command("pin")
    .description("pin articles (by slug) first in an article's related list, in this order")
    .argument("<article>", "the article's slug")
    .argument("<others...>", "slugs of the articles to pin")
    .action((article: string, others: string[]) =>
      withRuntime(async ({ ctx }) => {
        const pins = await related.pin(ctx, article, others);
        console.log(`${article}: ${pins.length} pinned`);
      }),
    );
  cmd
    .command("show")
    .description("the article's related list as readers see it, pinned ones first")
    .argument("<article>", "the article's slug")
    .action((article: string) =>
      withRuntime(async ({ ctx }) => {
        for (const line of await related.describe(ctx, article)) console.log(line);
      }),
    );
  cmd
    .command("unpin")
    .description(
      "unpin these articles from an article's related list (all of them when none named)",
    )
    .argument("<article>", "the article's slug")
    .argument("[others...]", "slugs of the articles to unpin")
    .action((article: string, others: string[]) =>
      withRuntime(async ({ ctx }) => {
        const pins = await related.unpin(ctx, article, others);
        console.log(`${article}: ${pins.length} pinned`);
      }),
    );
  return cmd;
}
