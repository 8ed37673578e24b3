import { Command } from "commander";
import { OPERATOR } from "../modules/accounts/index.js";
import { media } from "../modules/media/index.js";
import { SettingsSchema, setSetting } from "../modules/settings/index.js";
import { withRuntime } from "./runtime.js";

export function settingsCommand(): Command {
  const cmd = new Command("settings").description(
    "the newsroom's settings (shared by every instance)",
  );
  cmd
    .command("list")
    .description("every setting with its current value")
    .action(() =>
      withRuntime(async ({ ctx }) => {
        const settings = await ctx.settings();
        for (const key of Object.keys(SettingsSchema.properties)) {
          console.log(`${key} = ${JSON.stringify(settings[key as keyof typeof settings])}`);
        }
      }),
    );
  cmd
    .command("set <key> <value>")
    .description(
      'change one setting; VALUE is JSON when it parses (5, true, ["casino"]), else text',
    )
    .action((key: string, value: string) =>
      withRuntime(async ({ ctx }) => {
        // The logo names an image of the library: the newsroom's logo form's rule, not the
        // schema's alone.
        const stored =
          key === "site.logo"
            ? await media.setLogoSetting(ctx, OPERATOR, value)
            : await setSetting(ctx, key, value);
        console.log(`${key} = ${JSON.stringify(stored)}`);
      }),
    );
  return cmd;
}
