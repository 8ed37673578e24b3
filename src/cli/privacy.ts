import { Command, InvalidArgumentError } from "commander";
import { accounts } from "../modules/accounts/index.js";
import { commenterData, type CommenterExport, type Erased } from "../modules/comments/index.js";
import { withRuntime } from "./runtime.js";

/** Requests from commenters under the GDPR: a copy of their data, or its erasure. */
export function privacyCommand(): Command {
  const cmd = new Command("privacy").description(
    "a commenter's data, by e-mail address: export (right of access) or erase (right to erasure)",
  );
  cmd
    .command("export <email>")
    .description(
      "print, as JSON, every comment and refused comment form written with this address, all that is kept with them (edits, GIF, moderation history, client hashes), and the bans tied to it",
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
      "remove every comment (answered ones stay as an empty place) and refused comment form written with this address, and its ended bans; a ban in force stays until it ends, without its note or its comment",
    )
    .option("--yes", "really erase; without it, only say what would go")
    .option(
      "--with-bans",
      "delete its bans still in force too (the newsroom judged the request outweighs them)",
    )
    .action((email: string, opts: { yes?: boolean; withBans?: boolean }) =>
      withRuntime(async ({ ctx }) => {
        requested(email);
        if (!opts.yes) {
          const found = await commenterData.exportByEmail(ctx, email);
          console.log(
            `${found.comments.length} comment(s) and ${found.refusedForms.length} refused form(s) written with ${email}; run again with --yes to erase them`,
          );
          console.log(bansWouldGo(found.bans, opts.withBans ?? false));
          return;
        }
        const done = await commenterData.eraseByEmail(ctx, email, "cli", {
          bansInForceToo: opts.withBans ?? false,
        });
        console.log(
          `erased: ${done.deleted} deleted, ${done.blanked} emptied (others answered), ${done.refusedForms} refused form(s) forgotten`,
        );
        console.log(bansWent(done.bans));
        if (done.bytesRemain !== undefined) {
          console.error(`kiosque: erased, but ${done.bytesRemain}.`);
          process.exitCode = 1;
        }
      }),
    );
  return cmd;
}

interface KeptBan {
  id: number;
  kind: string;
  mode: string;
  expiresAt: string;
}

/**
 * What an erasure does to the person's bans, said whole (decision 032): how many go, and each
 * one in force that stays, with why and how the newsroom may remove it too.
 */
function bansLine(deleted: number, kept: readonly KeptBan[], would: boolean): string {
  if (deleted === 0 && kept.length === 0) return "bans: none tied to this address or its comments";
  const be = would ? "would be " : "";
  const list = kept.map((b) => `#${b.id} (${b.kind}, ${b.mode}, until ${b.expiresAt})`);
  const why = would
    ? "it protects the site until it ends, and is deleted 30 days later; add --with-bans to delete it now"
    : "it protects the site until it ends, and is deleted 30 days later (lift it on the desk's bans page to end it now)";
  return `bans: ${deleted} ${be}deleted; ${kept.length} in force ${be}kept${
    kept.length === 0
      ? ""
      : ` (${list.join(", ")}), without the newsroom's note or the link to the comment: ${why}`
  }`;
}

function bansWouldGo(found: CommenterExport["bans"], inForceToo: boolean): string {
  const kept = inForceToo ? [] : found.filter((b) => b.inForce);
  return bansLine(
    found.length - kept.length,
    kept.map((b) => ({ ...b, expiresAt: b.endsAt })),
    true,
  );
}

const bansWent = (done: Erased["bans"]) => bansLine(done.deleted, done.kept, false);

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
