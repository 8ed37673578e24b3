import { Command, CommanderError } from "commander";
import { loadConfig } from "../config/index.js";
import { startFailure } from "../db/storage-failure.js";
import { BytesRemain } from "../lib/bytes-remain.js";
import { backupCommand, restoreCommand } from "./backup.js";
import { commentsCommand } from "./comments.js";
import { gifsCommand } from "./gifs.js";
import { privacyCommand } from "./privacy.js";
import { reindexCommand, relatedCommand } from "./reindex.js";
import { seedDemoCommand } from "./seed-demo.js";
import { settingsCommand } from "./settings.js";
import { withRuntime } from "./runtime.js";
import { userCommand } from "./user.js";
import { exportCommand, importCommand } from "./wordpress.js";

const program = new Command("kiosque")
  .description(
    "Kiosque: a self-hosted news site. Reads the same environment as the server (DATABASE_URL, KIOSQUE_DATA_DIR).",
  )
  .showHelpAfterError();
program.addCommand(userCommand());
program.addCommand(commentsCommand());
program.addCommand(settingsCommand());
program.addCommand(gifsCommand());
program.addCommand(privacyCommand());
program.addCommand(seedDemoCommand());
program.addCommand(backupCommand());
program.addCommand(restoreCommand());
program.addCommand(reindexCommand());
program.addCommand(relatedCommand());
program.addCommand(importCommand());
program.addCommand(exportCommand());
program
  .command("migrate")
  .description("bring the database schema up to date (the server also does this at start)")
  .action(() =>
    withRuntime(async ({ applied }) =>
      console.log(applied.length > 0 ? `applied: ${applied.join(", ")}` : "schema up to date"),
    ),
  );

/**
 * A command called wrongly (a missing argument, an unknown option, `--limit 0`) exits 2, as every
 * refusal of a command does; commander's own code is 1, which the operator's scripts read as a
 * failure of the site. Its message and the help are printed as before.
 */
function usageExitsTwo(command: Command): void {
  command.exitOverride();
  for (const sub of command.commands) usageExitsTwo(sub);
}
usageExitsTwo(program);

/** The command running, as typed ("import wordpress"), for the line that says it failed. */
let running = "the command";
program.hook("preAction", (_program, action) => {
  const names: string[] = [];
  for (let c: Command | null = action; c && c !== program; c = c.parent) names.unshift(c.name());
  running = names.join(" ");
});

// An error no one awaits (a promise left running, a callback's throw) ends the command the same
// way, never with Node's trace and never with the exit code of a success.
for (const event of ["uncaughtException", "unhandledRejection"] as const)
  process.on(event, (error: unknown) => {
    fail(error);
    process.exit();
  });

try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (!(error instanceof CommanderError)) fail(error);
  else process.exitCode = error.exitCode === 0 ? 0 : 2;
}

/**
 * Whatever a command did not say itself ends in one line on stderr and exit 1: a wrong setting or
 * a database out of reach with what to do (startFailure); anything else, a bug, by its message,
 * and with its trace when LOG_LEVEL asks for details (an operator's scripts and cron mails read
 * the line and the code; a trace told them neither that it failed nor what failed).
 */
function fail(error: unknown): void {
  const said = startFailure(error);
  if (said !== undefined) console.error(`kiosque: ${said}`);
  // Its work is done and stays (lib/bytes-remain.ts): not "stopped", but what is left to run.
  else if (error instanceof BytesRemain)
    console.error(`kiosque: ${running} done, but ${error.message}.`);
  else {
    const what = (error instanceof Error ? error.message : String(error)).split("\n")[0];
    console.error(
      `kiosque: ${running} stopped on an unexpected error: ${what} (LOG_LEVEL=debug shows where).`,
    );
    if (wantsDetails()) console.error(error);
  }
  process.exitCode = 1;
}

function wantsDetails(): boolean {
  try {
    return ["debug", "trace"].includes(loadConfig(process.env).logLevel);
  } catch {
    return false;
  }
}
