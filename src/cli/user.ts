import { Command, Option } from "commander";
import { accounts, roles } from "../modules/accounts/index.js";
import { withRuntime } from "./runtime.js";

export function userCommand(): Command {
  const user = new Command("user").description("newsroom accounts");
  user
    .command("create")
    .description("create a staff account")
    .requiredOption("--email <email>", "sign-in address (kept private)")
    .requiredOption("--password <password>", "at least 8 characters")
    .addOption(
      new Option("--role <role>", "what the account may do").choices(roles).makeOptionMandatory(),
    )
    .option("--name <name>", "name shown in bylines (default: the e-mail's local part)")
    .action((opts: { email: string; password: string; role: string; name?: string }) =>
      withRuntime(async ({ ctx }) => {
        const id = await accounts.createUser(ctx, opts);
        console.log(`created ${opts.role} #${id} <${opts.email.trim().toLowerCase()}>`);
      }),
    );
  return user;
}
