import { Command, InvalidArgumentError } from "commander";
import { accounts } from "../modules/accounts/index.js";
import { commenterData } from "../modules/comments/index.js";
import { withRuntime } from "./runtime.js";

/** Requests from commenters under the GDPR: a copy of their data, or its erasure. */
export function privacyCommand(): Command {
  const cmd = new Command("privacy").description(
    "a commenter's data, by e-mail address: export (right of access) or erase (right to erasure)",
  );
  cmd
    .command("export <email>")
    .description(
      "print, as JSON, every comment and refused comment form written with this address and what is kept of it",
    )
    .action((email: string) =>
      withRuntime(async ({ ctx }) => {
        requested(email);
        console.log(JSON.stringify(await commenterData.exportByEmail(ctx, email), null, 2));
      }),
    );
  cmd
    .command("erase <email>")
    .description(
      "remove every comment (answered ones stay as an empty place) and refused comment form written with this address",
    )
    .option("--yes", "really erase; without it, only say what would go")
    .action((email: string, opts: { yes?: boolean }) =>
      withRuntime(async ({ ctx }) => {
        requested(email);
        if (!opts.yes) {
          const found = await commenterData.exportByEmail(ctx, email);
          console.log(
            `${found.comments.length} comment(s) and ${found.refusedForms.length} refused form(s) written with ${email}; run again with --yes to erase them`,
          );
          return;
        }
        const done = await commenterData.eraseByEmail(ctx, email, "cli");
        console.log(
          `erased: ${done.deleted} deleted, ${done.blanked} emptied (others answered), ${done.refusedForms} refused form(s) forgotten`,
        );
      }),
    );
  return cmd;
}

/**
 * A request names its writer's address, something@somewhere (the shape accounts take; addresses
 * kept from an import may be looser than the comment form's rule, and must still be found). A
 * blank one names nobody, yet it matches every comment kept without an address (a WordPress
 * import keeps them so): an erasure would take them all. Anything else ("not an email", a name)
 * matched nothing and printed an empty export, exit 0, as if the person had left no trace.
 */
function requested(email: string): void {
  if (!accounts.isEmail(email.trim()))
    throw new InvalidArgumentError(
      `${JSON.stringify(email)}: expected the e-mail address the request names, like lea@example.net`,
    );
}
