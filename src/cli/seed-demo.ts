import { Command } from "commander";
import { SingleBar, Presets } from "cli-progress";
import { seedDemo } from "../modules/demo/index.js";
import { withRuntime } from "./runtime.js";

export function seedDemoCommand(): Command {
  return new Command("seed-demo")
    .description("write the demo newsroom's articles and comments into an empty database")
    .action(() =>
      withRuntime(async ({ ctx }) => {
        const bar = new SingleBar(
          { format: "articles {bar} {value}/{total}" },
          Presets.shades_classic,
        );
        let started = false;
        const report = await seedDemo(ctx, (done, total) => {
          if (!started) bar.start(total, 0);
          started = true;
          bar.update(done);
        });
        if (started) bar.stop();
        console.log(
          report
            ? `demo written: ${report.articles} articles, ${report.comments} comments`
            : "the database already has content; nothing written",
        );
      }),
    );
}
