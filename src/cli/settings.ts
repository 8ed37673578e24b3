import { Command } from "commander";
import { OPERATOR } from "../modules/accounts/index.js";
import { media } from "../modules/media/index.js";
import {
  isSettingKey,
  kindOf,
  maskSecret,
  setSetting,
  settingKeys,
} from "../modules/settings/index.js";
import { withRuntime } from "./runtime.js";

/**
 * A value as the command prints it: JSON, but a saved secret (an API key) never whole, as the
 * settings screens show it (settings `maskSecret`): a terminal's scrollback, a cron mail and a
 * screen shared in a meeting keep what is printed.
 */
function shown(key: string, value: unknown): string {
  const secret = isSettingKey(key) && kindOf(key) === "secret";
  return JSON.stringify(secret ? maskSecret(String(value)) : value);
}

export function settingsCommand(): Command {
  const cmd = new Command("settings").description(
    "the newsroom's settings (shared by every instance)",
  );
  cmd
    .command("list")
    .description("every setting with its current value (a saved key only by its last characters)")
    .action(() =>
      withRuntime(async ({ ctx }) => {
        const settings = await ctx.settings();
        for (const key of settingKeys) console.log(`${key} = ${shown(key, settings[key])}`);
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
        console.log(`${key} = ${shown(key, stored)}`);
      }),
    );
  return cmd;
}
