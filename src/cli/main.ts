import { Command, CommanderError } from "commander";
import { startFailure } from "../db/storage-failure.js";
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

try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (!(error instanceof CommanderError)) fail(error);
  else process.exitCode = error.exitCode === 0 ? 0 : 2;
}

function fail(error: unknown): void {
  // A wrong setting or a database out of reach is said in a line; anything else is a bug, shown
  // whole.
  const said = startFailure(error);
  if (said === undefined) throw error;
  console.error(`kiosque: ${said}`);
  process.exitCode = 1;
}
