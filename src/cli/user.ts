import { Command, Option } from "commander";
import { accounts, OPERATOR, roles } from "../modules/accounts/index.js";
import { withRuntime } from "./runtime.js";

/**
 * A password from `--password`, else from standard input (`echo … | kiosque user passwd`), so
 * that it need not sit in the shell's history nor in `ps`. One trailing newline is the pipe's,
 * not the password's. A terminal on standard input would wait for a password nobody was asked
 * for: refused, as a command called wrongly (exit 2).
 */
async function passwordFrom(option: string | undefined, cmd: Command): Promise<string> {
  if (option !== undefined) return option;
  if (process.stdin.isTTY)
    cmd.error("error: give the password with --password, or on standard input");
  let text = "";
  for await (const chunk of process.stdin) text += String(chunk);
  return text.replace(/\r?\n$/, "");
}

/** Columns padded to their widest cell: readable in a terminal, easy to cut. */
function table(rows: readonly (readonly string[])[]): string {
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((r) => [...(r[i] ?? "")].length)));
  return rows
    .map((r) =>
      r
        .map((cell, i) => cell + " ".repeat((widths?.[i] ?? 0) - [...cell].length))
        .join("  ")
        .trimEnd(),
    )
    .join("\n");
}

export function userCommand(): Command {
  const user = new Command("user").description("newsroom accounts");
  user
    .command("create")
    .description("create a staff account (the password from --password or standard input)")
    .requiredOption("--email <email>", "sign-in address (kept private)")
    .option("--password <password>", "at least 8 characters (else read from standard input)")
    .addOption(
      new Option("--role <role>", "what the account may do").choices(roles).makeOptionMandatory(),
    )
    .option("--name <name>", "name shown in bylines (default: the e-mail's local part)")
    .action(
      async (
        opts: { email: string; password?: string; role: string; name?: string },
        cmd: Command,
      ) => {
        const password = await passwordFrom(opts.password, cmd);
        await withRuntime(async ({ ctx }) => {
          const id = await accounts.createUser(ctx, { ...opts, password });
          console.log(`created ${opts.role} #${id} <${opts.email.trim().toLowerCase()}>`);
        });
      },
    );
  user
    .command("passwd")
    .description(
      "set an account's password (from --password or standard input); signs it out everywhere",
    )
    .requiredOption("--email <email>", "the account's sign-in address")
    .option("--password <password>", "the new password (else read from standard input)")
    .action(async (opts: { email: string; password?: string }, cmd: Command) => {
      const password = await passwordFrom(opts.password, cmd);
      await withRuntime(async ({ ctx }) => {
        const person = await accounts.personByEmail(ctx, OPERATOR, opts.email);
        await accounts.setPassword(ctx, OPERATOR, person.id, password);
        console.log(`password changed for #${person.id} <${person.email}>; signed out everywhere`);
      });
    });
  user
    .command("list")
    .description("every account: id, e-mail, name, role, second factor, state (never a password)")
    .option("--json", "one JSON object per line")
    .action((opts: { json?: boolean }) =>
      withRuntime(async ({ ctx }) => {
        const people = await accounts.listPeople(ctx, OPERATOR);
        if (opts.json) {
          for (const p of people) console.log(JSON.stringify(p));
          return;
        }
        const rows = people.map((p) => [
          `#${p.id}`,
          p.email,
          p.name.replace(/\s+/g, " "),
          p.role,
          p.hasSecondFactor ? "2fa" : "-",
          p.disabledAt ? `disabled ${p.disabledAt}` : "active",
        ]);
        console.log(table([["id", "email", "name", "role", "2fa", "state"], ...rows]));
        console.log(`${people.length} account(s)`);
      }),
    );
  for (const [verb, disabled] of [
    ["disable", true],
    ["enable", false],
  ] as const) {
    user
      .command(verb)
      .description(
        disabled
          ? "disable an account: it signs in no more, and its sessions end now"
          : "enable a disabled account again",
      )
      .requiredOption("--email <email>", "the account's sign-in address")
      .action((opts: { email: string }) =>
        withRuntime(async ({ ctx }) => {
          const person = await accounts.personByEmail(ctx, OPERATOR, opts.email);
          await accounts.setDisabled(ctx, OPERATOR, person.id, disabled);
          console.log(`${verb}d #${person.id} <${person.email}>`);
        }),
      );
  }
  user
    .command("reset-2fa")
    .description("remove an account's second factor (a lost phone and no recovery code left)")
    .requiredOption("--email <email>", "the account's sign-in address")
    .action((opts: { email: string }) =>
      withRuntime(async ({ ctx }) => {
        const person = await accounts.personByEmail(ctx, OPERATOR, opts.email);
        await accounts.resetSecondFactor(ctx, OPERATOR, person.id);
        console.log(
          `second factor removed from #${person.id} <${person.email}>; signed out everywhere`,
        );
      }),
    );
  return user;
}
