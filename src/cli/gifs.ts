import { OPERATOR } from "../modules/accounts/index.js";
import { Command } from "commander";
import { testIntegration } from "../modules/settings/index.js";
import { withRuntime } from "./runtime.js";

/**
 * `kiosque gifs test`: asks the GIF provider the settings name whether it takes the key (one
 * trending call), keeps the answer as the integrations screen's status line, and prints it.
 */
export function gifsCommand(): Command {
  const cmd = new Command("gifs").description("GIF replies in comments (GIPHY or Klipy)");
  cmd
    .command("test")
    .description("check the GIF provider's key and print its status line")
    .action(() =>
      withRuntime(async ({ ctx }) => {
        const settings = await ctx.settings();
        const status = await testIntegration(ctx, OPERATOR, "gifs", ctx.config.publicUrl ?? "");
        const provider = settings["gif.provider"];
        if (status.working) {
          console.log(`${provider}: working (last good answer ${status.okAt ?? "?"})`);
        } else {
          console.log(
            `${provider}: failing since ${status.errorAt ?? "?"}: ${status.error ?? "?"}`,
          );
          process.exitCode = 1;
        }
      }),
    );
  return cmd;
}
