import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testEngines } from "../helpers/engines.js";
import fs from "node:fs";
import path from "node:path";
import {
  CLI_TEST_TIMEOUT_MS,
  runKiosque,
  runKiosqueWithInput,
  cliEnv,
  type CliResult,
} from "../helpers/cli.js";
import { loadConfig } from "../../src/config/index.js";
import { createLogger } from "../../src/lib/logger.js";
import { accounts } from "../../src/modules/accounts/index.js";
import { comments, emptyCommentForm } from "../../src/modules/comments/index.js";
import { openRuntime } from "../../src/runtime.js";
import { makeTestDatabase, type TestDatabase } from "../helpers/runtime.js";

/**
 * A refusal as the operator reads it: one sentence in English, what is wrong and what to do,
 * ending with its code to look up in docs/errors.md; never the code and its context as JSON.
 */
function expectRefusal(res: CliResult, code: string, said: string | RegExp): void {
  expect(res.code, res.err).toBe(2);
  expect(res.err.trimEnd().split("\n"), res.err).toHaveLength(1);
  expect(res.err).toMatch(new RegExp(`^kiosque: \\S.*[.] \\[${code}\\]\\n$`));
  expect(res.err).not.toMatch(/[{}]/);
  if (typeof said === "string") expect(res.err).toContain(said);
  else expect(res.err).toMatch(said);
}

/** The real `kiosque` command (bin/kiosque.js → dist/cli.js), as an operator runs it. */
describe.each(testEngines())("kiosque CLI on %s", { timeout: CLI_TEST_TIMEOUT_MS }, (engine) => {
  let database: TestDatabase;
  let env: NodeJS.ProcessEnv;
  const kiosque = (...args: string[]) => runKiosque(env, ...args);

  beforeAll(async () => {
    database = await makeTestDatabase(engine);
    env = cliEnv(database);
  });
  afterAll(() => database.drop());

  it("creates a staff account and refuses a bad one with a message per field", async () => {
    const ok = await kiosque(
      "user",
      "create",
      "--email",
      "Redac@Example.org",
      "--password",
      "correct-horse",
      "--role",
      "editor",
    );
    expect(ok).toMatchObject({ code: 0 });
    expect(ok.out).toMatch(/created editor #\d+ <redac@example\.org>/);
    const again = await kiosque(
      "user",
      "create",
      "--email",
      "redac@example.org",
      "--password",
      "court",
      "--role",
      "editor",
    );
    expect(again.code).toBe(2);
    expect(again.err).toContain("email:");
    expect(again.err).toContain("password:");
    const badRole = await kiosque(
      "user",
      "create",
      "--email",
      "x@example.org",
      "--password",
      "correct-horse",
      "--role",
      "king",
    );
    expect(badRole.code).not.toBe(0);
    expect(badRole.err).toMatch(/allowed choices are admin, editor, author, moderator/i);
  });

  /** The server's own code on the commands' database, quiet: what a test sets up or checks. */
  const onThisDatabase = () =>
    openRuntime(
      loadConfig({
        KIOSQUE_DATA_DIR: database.dataDir,
        ...(database.url ? { DATABASE_URL: database.url } : {}),
        LOG_LEVEL: "silent",
      }),
      { log: createLogger({ logLevel: "silent" }) },
    );

  /** Signs in as the account with the server's own code, on this database: a session to end. */
  async function withSession(email: string, password: string) {
    const runtime = await onThisDatabase();
    try {
      const { token } = await accounts.signIn(runtime.ctx, {
        email,
        password,
        client: "cli-test",
        userAgent: "test",
      });
      return {
        alive: async () => {
          const again = await onThisDatabase();
          try {
            return (await accounts.findSession(again.ctx, token)) !== undefined;
          } finally {
            await again.close();
          }
        },
      };
    } finally {
      await runtime.close();
    }
  }

  it("sets a password from the option or standard input, and signs the account out", async () => {
    const email = "passwd@example.org";
    expect(
      (
        await kiosque(
          "user",
          "create",
          "--email",
          email,
          "--password",
          "premier-mot",
          "--role",
          "author",
        )
      ).code,
    ).toBe(0);
    const session = await withSession(email, "premier-mot");
    expect(await session.alive()).toBe(true);
    const set = await kiosque(
      "user",
      "passwd",
      "--email",
      email.toUpperCase(),
      "--password",
      "second-mot",
    );
    expect(set.code).toBe(0);
    expect(set.out).toMatch(/password changed for #\d+ <passwd@example\.org>/);
    expect(await session.alive()).toBe(false);
    const piped = await runKiosqueWithInput(
      env,
      "troisième mot de passe\n",
      "user",
      "passwd",
      "--email",
      email,
    );
    expect(piped.code).toBe(0);
    // The pipe's newline is not part of it.
    const last = await withSession(email, "troisième mot de passe");
    expect(await last.alive()).toBe(true);
    const short = await runKiosqueWithInput(env, "court\n", "user", "passwd", "--email", email);
    expect(short.code).toBe(2);
    expect(short.err).toContain("password:");
    const nobody = await kiosque(
      "user",
      "passwd",
      "--email",
      "nobody@example.org",
      "--password",
      "peu importe",
    );
    expectRefusal(
      nobody,
      "KIOSQUE_NOT_FOUND",
      "no account signs in with nobody@example.org: `kiosque user list` shows every account.",
    );
  });

  it("creates an account with its password from standard input, as passwd reads it", async () => {
    const email = "pipe@example.org";
    const made = await runKiosqueWithInput(
      env,
      "mot de passe du tuyau\n",
      "user",
      "create",
      "--email",
      email,
      "--name",
      "Léa Tuyau",
      "--role",
      "editor",
    );
    expect(made.code, made.err).toBe(0);
    expect(made.out).toMatch(/created editor #\d+ <pipe@example\.org>/);
    // The pipe's newline is not part of it.
    expect(await (await withSession(email, "mot de passe du tuyau")).alive()).toBe(true);
    expect((await kiosque("user", "list")).out).toMatch(/pipe@example\.org\s+Léa Tuyau\s+editor/);
    // Nothing piped: an empty password, refused as one; no account made.
    const empty = await kiosque(
      "user",
      "create",
      "--email",
      "vide@example.org",
      "--role",
      "editor",
    );
    expect(empty.code).toBe(2);
    expect(empty.err).toMatch(
      /^password: At least 8 characters, please\. \[KIOSQUE_USER_INVALID\]$/m,
    );
    expect((await kiosque("user", "list")).out).not.toContain("vide@example.org");
  });

  it("lists accounts without password hashes, and disables one, ending its sessions", async () => {
    const email = "liste@example.org";
    await kiosque(
      "user",
      "create",
      "--email",
      email,
      "--password",
      "un-mot-de-passe",
      "--role",
      "moderator",
      "--name",
      "Liste Test",
    );
    const list = await kiosque("user", "list");
    expect(list.code).toBe(0);
    expect(list.out).toMatch(/^id\s+email\s+name\s+role\s+2fa\s+state$/m);
    expect(list.out).toMatch(/liste@example\.org\s+Liste Test\s+moderator\s+-\s+active/);
    expect(list.out).not.toContain("$argon2");
    const json = await kiosque("user", "list", "--json");
    const rows = json.out
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(rows.find((r) => r.email === email)).toMatchObject({
      role: "moderator",
      hasSecondFactor: false,
      disabledAt: null,
    });
    expect(json.out).not.toMatch(/password|argon2/i);

    const session = await withSession(email, "un-mot-de-passe");
    const off = await kiosque("user", "disable", "--email", email);
    expect(off.code).toBe(0);
    expect(await session.alive()).toBe(false);
    expect((await kiosque("user", "list")).out).toMatch(/liste@example\.org.*disabled \d{4}-/);
    await expect(withSession(email, "un-mot-de-passe")).rejects.toMatchObject({
      code: "KIOSQUE_SIGN_IN_FAILED",
    });
    expect((await kiosque("user", "enable", "--email", email)).code).toBe(0);
    expect(await (await withSession(email, "un-mot-de-passe")).alive()).toBe(true);
  });

  it("seeds the demo once, lists pending comments and moderates them", async () => {
    const seeded = await kiosque("seed-demo");
    expect(seeded.code).toBe(0);
    expect(seeded.out).toMatch(/demo written: (\d+) articles, (\d+) comments/);
    const [, nArticles] = /demo written: (\d+) articles/.exec(seeded.out) ?? [];
    expect(Number(nArticles)).toBeGreaterThanOrEqual(40);
    expect((await kiosque("seed-demo")).out).toContain("nothing written");

    const pending = await kiosque("comments", "list", "--status", "pending", "--json");
    const rows = pending.out
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l) as { id: number; status: string });
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r.status === "pending")).toBe(true);

    const [first, second] = rows;
    expect((await kiosque("comments", "approve", String(first!.id))).out).toContain(
      `approved: #${first!.id}`,
    );
    expect((await kiosque("comments", "spam", String(second!.id))).code).toBe(0);
    const after = await kiosque("comments", "list", "--status", "pending", "--json");
    const ids = after.out
      .trim()
      .split("\n")
      .map((l) => (JSON.parse(l) as { id: number }).id);
    expect(ids).not.toContain(first!.id);
    expect(ids).not.toContain(second!.id);
    // Both decisions are in the journal, as the operator's (id 0).
    const runtime = await onThisDatabase();
    try {
      const entries = await runtime.ctx.db
        .selectFrom("audit_log")
        .select(["actor_id", "action", "target_id", "details"])
        .orderBy("id")
        .execute();
      expect(
        entries
          .filter((e) => e.action.startsWith("comment."))
          .map(({ actor_id, action, target_id }) => ({ actor_id, action, target_id })),
      ).toEqual([
        { actor_id: 0, action: "comment.approve", target_id: String(first!.id) },
        { actor_id: 0, action: "comment.spam", target_id: String(second!.id) },
      ]);
      // The accounts made, passwords set and accounts disabled by the tests above: the operator's
      // too, one entry each, and never a password.
      const people = entries.filter((e) => e.action.startsWith("person."));
      expect(people.every((e) => e.actor_id === 0)).toBe(true);
      const count = (action: string) => people.filter((e) => e.action === action).length;
      expect([count("person.password"), count("person.disable"), count("person.enable")]).toEqual([
        2, 1, 1,
      ]);
      expect(count("person.create")).toBeGreaterThanOrEqual(2);
      expect(JSON.stringify(entries)).not.toMatch(/mot de passe|second-mot|premier-mot/);
    } finally {
      await runtime.close();
    }

    const slug = "parc-eolien-cret-des-fourches-enquete-publique";
    expect((await kiosque("comments", "close", slug)).out).toContain(`comments closed on ${slug}`);
    expectRefusal(
      await kiosque("comments", "close", "pas-un-article"),
      "KIOSQUE_NOT_FOUND",
      'no article has the slug "pas-un-article"',
    );

    for (const verb of ["approve", "spam", "trash"]) {
      const missing = await kiosque("comments", verb, "99999999");
      expectRefusal(
        missing,
        "KIOSQUE_NOT_FOUND",
        "there is no comment #99999999: `kiosque comments list` shows the comments with their numbers.",
      );
    }
    expectRefusal(
      await kiosque("comments", "remove-gif", "99999999"),
      "KIOSQUE_NOT_FOUND",
      "there is no comment #99999999",
    );
  });

  it("says a refused backup, restore or export in a sentence (after the demo is seeded)", async () => {
    const file = path.join(database.dataDir, "cli-refusals.kiosque.gz");
    expect((await kiosque("backup", file)).code).toBe(0);
    expectRefusal(
      await kiosque("restore", file),
      "KIOSQUE_RESTORE_NOT_EMPTY",
      "this database already has articles or comments, so nothing was restored: restore into an empty database, or add --force",
    );
    const notABackup = path.join(database.dataDir, "not-a-backup.txt");
    fs.writeFileSync(notABackup, "hello\n");
    expectRefusal(
      await kiosque("restore", "--force", notABackup),
      "KIOSQUE_BACKUP_NOT_A_BACKUP",
      /not-a-backup\.txt is not a Kiosque backup \(.*\): name a file written by `kiosque backup`/,
    );
    expectRefusal(
      await kiosque("backup", path.join(database.dataDir, "no", "such", "folder.gz")),
      "KIOSQUE_BACKUP_UNWRITABLE",
      "cannot write the backup to",
    );
    expectRefusal(
      await kiosque("export", "wordpress", file),
      "KIOSQUE_EXPORT_UNWRITABLE",
      `${file} already exists, and an export never writes over a file: name another file, or move that one away.`,
    );
  });

  it("reindexes the demo and pins related articles (after the demo is seeded)", async () => {
    const slug = "parc-eolien-cret-des-fourches-enquete-publique";
    const reindexed = await kiosque("reindex");
    expect(reindexed.code).toBe(0);
    expect(reindexed.out).toMatch(/reindexed \d+ articles in [\d.]+ s/);
    const shown = (await kiosque("related", "show", slug)).out.trim().split("\n");
    expect(shown.length).toBeGreaterThanOrEqual(4);
    expect(shown).not.toContain(slug);
    const last = shown[shown.length - 1]!;
    expect((await kiosque("related", "pin", slug, last)).out).toContain(`${slug}: 1 pinned`);
    expect((await kiosque("related", "show", slug)).out.split("\n")[0]).toBe(`${last} (pinned)`);
    const self = await kiosque("related", "pin", slug, slug);
    expect(self.code).toBe(2);
    expect(self.err).toContain("pinned:");
    expect((await kiosque("related", "pin", slug, "pas-un-article")).err).toContain(
      "KIOSQUE_NOT_FOUND",
    );
    expect((await kiosque("related", "unpin", slug)).out).toContain(`${slug}: 0 pinned`);
  });

  it("exits 2 for a command called wrongly, as for every refusal, and 0 for its help", async () => {
    for (const args of [
      ["backup"],
      ["nonsense"],
      ["comments", "list", "--limit", "0"],
      ["user", "create"],
      ["comments", "approve", "abc"],
    ]) {
      const res = await kiosque(...args);
      // commander's own code was 1, which scripts read as the site failing.
      expect(res.code, args.join(" ")).toBe(2);
      expect(res.err, args.join(" ")).not.toMatch(/^\s+at /m);
    }
    expect((await kiosque("--help")).code).toBe(0);
  });

  it("shows and changes settings, refusing bad values", async () => {
    expect((await kiosque("settings", "set", "comments.maxLinks", "5")).out).toContain(
      "comments.maxLinks = 5",
    );
    expect((await kiosque("settings", "list")).out).toContain("comments.maxLinks = 5");
    expect((await kiosque("settings", "set", "site.locale", "klingon")).code).toBe(2);
  });

  it("says what a setting takes, in English like the help, whatever the site's language", async () => {
    // The site speaks French (the default): the command line still speaks English.
    expect((await kiosque("settings", "list")).out).toContain('site.locale = "fr"');
    const refused = async (key: string, value: string, said: string) => {
      const res = await kiosque("settings", "set", key, value);
      expect(res.code, `${key} ${value}`).toBe(2);
      expect(res.err).toBe(`${key}: ${said} [KIOSQUE_SETTING_INVALID]\n`);
    };
    const list = `this setting takes a JSON list of texts, none empty, for example '["casino","viagra"]' (quoted for the shell as shown).`;
    await refused("comments.blocklist", "casino", list);
    await refused("comments.blocklist", '[""]', list);
    await refused("site.locale", "de", "this setting takes one of: fr, en.");
    await refused("comments.order", "random", "this setting takes one of: oldest, newest.");
    await refused("gif.provider", "tenor", "this setting takes one of: disabled, giphy, klipy.");
    await refused("gif.rating", "x", "this setting takes one of: g, pg, pg-13, r.");
    await refused("feeds.fullText", "yes", "this setting takes true or false.");
    await refused(
      "site.timezone",
      "Mars/Olympus",
      "this setting takes a time zone's name, for example Europe/Paris or America/New_York.",
    );
    await refused("comments.maxLinks", "beaucoup", "Enter a whole number, for example 10.");
    await refused("comments.maxLinks", "1000", "100 at most.");
    expectRefusal(
      await kiosque("settings", "set", "comments.nope", "1"),
      "KIOSQUE_SETTING_UNKNOWN",
      '"comments.nope" is not a setting: `kiosque settings list` shows every setting with its value.',
    );
    expect(
      (await kiosque("settings", "set", "comments.blocklist", '["casino","viagra"]')).out,
    ).toBe('comments.blocklist = ["casino","viagra"]\n');
  });

  it("never prints a saved key in full, as the settings screens show it", async () => {
    const gifKey = "abcdefghijklmnop3456";
    const akismetKey = "0123456789abcdef7890";
    const set = await kiosque("settings", "set", "gif.key", gifKey);
    expect(set).toMatchObject({ code: 0, out: 'gif.key = "••••3456"\n' });
    expect((await kiosque("settings", "set", "akismet.apiKey", akismetKey)).out).toBe(
      'akismet.apiKey = "••••7890"\n',
    );
    const list = await kiosque("settings", "list");
    expect(list.out).toContain('gif.key = "••••3456"');
    expect(list.out).toContain('akismet.apiKey = "••••7890"');
    expect(list.out + set.out).not.toContain(gifKey);
    expect(list.out).not.toContain(akismetKey);
    // A short key shows none of its characters; an empty one shows as empty (no key).
    expect((await kiosque("settings", "set", "gif.key", "short1")).out).toBe('gif.key = "••••"\n');
    expect((await kiosque("settings", "set", "akismet.apiKey", "")).out).toBe(
      'akismet.apiKey = ""\n',
    );
    expect((await kiosque("settings", "set", "gif.key", "")).code).toBe(0);
  });

  it("refuses a logo that names no image of the library, as the newsroom's form does", async () => {
    const gone = await kiosque("settings", "set", "site.logo", "999");
    expect(gone.code).toBe(2);
    expect(gone.err).toBe(
      "site.logo: No image of the media library has this number. [KIOSQUE_SETTING_INVALID]\n",
    );
    const word = await kiosque("settings", "set", "site.logo", "logo.png");
    expect(word.code).toBe(2);
    expect(word.err).toContain("site.logo: Enter a whole number");
    expect((await kiosque("settings", "list")).out).toContain("site.logo = 0");
    // None is always a choice.
    expect((await kiosque("settings", "set", "site.logo", "0")).out).toContain("site.logo = 0");
  });

  it("refuses control characters in settings and staff accounts, saying which field", async () => {
    const control = "This field holds an invisible character that is not allowed";
    const name = await kiosque("settings", "set", "site.name", "Le \u001b[31mJournal");
    expect(name.code).toBe(2);
    expect(name.err).toContain(`site.name: ${control}`);
    // A NUL cannot be an argument, but JSON can spell one.
    const list = await kiosque("settings", "set", "comments.blocklist", '["ca\\u0000sino"]');
    expect(list.code).toBe(2);
    expect(list.err).toContain(control);
    const user = await kiosque(
      "user",
      "create",
      "--email",
      "bip@example.org",
      "--name",
      "Bip\u0007",
      "--password",
      "correct-horse",
      "--role",
      "editor",
    );
    expect(user.code).toBe(2);
    expect(user.err).toContain(`name: ${control}`);
  });

  /** A comment form refused to `email`, kept as the server keeps it for its page (decision 022). */
  async function keepRefusedForm(email: string) {
    const runtime = await onThisDatabase();
    try {
      const { slug } = await runtime.ctx.db
        .selectFrom("articles")
        .select("slug")
        .where("status", "=", "published")
        .where("published_at", "<=", new Date().toISOString())
        .executeTakeFirstOrThrow();
      await comments.keepRefused(runtime.ctx, slug, {
        values: { ...emptyCommentForm, name: "Refusé", email, body: "Court" },
        problems: { body: { problem: "tooShort" } },
      });
    } finally {
      await runtime.close();
    }
  }

  it("exports a commenter's data as JSON and erases it on request", async () => {
    // The demo (seeded above) has readers with several comments: take the busiest address.
    const all = await kiosque("comments", "list", "--limit", "1000", "--json");
    const byEmail = new Map<string, number>();
    for (const line of all.out.trim().split("\n")) {
      const email = (JSON.parse(line) as { author_email: string }).author_email;
      byEmail.set(email, (byEmail.get(email) ?? 0) + 1);
    }
    const [email, count] = [...byEmail].sort((a, b) => b[1] - a[1])[0] ?? ["", 0];
    expect(count).toBeGreaterThan(1);

    const exported = await kiosque("privacy", "export", email.toUpperCase());
    expect(exported.code).toBe(0);
    const data = JSON.parse(exported.out) as {
      comments: { email: string; text: string }[];
      refusedForms: unknown[];
    };
    expect(data.comments).toHaveLength(count);
    expect(data.comments.every((c) => c.email === email && c.text.length > 0)).toBe(true);

    // A form of theirs refused minutes ago is held too: the preview counts it.
    await keepRefusedForm(email);
    const dry = await kiosque("privacy", "erase", email);
    expect(dry).toMatchObject({ code: 0 });
    expect(dry.out).toContain(
      `${count} comment(s) and 1 refused form(s) written with ${email}; run again with --yes`,
    );
    const held = JSON.parse((await kiosque("privacy", "export", email)).out) as typeof data;
    expect([held.comments.length, held.refusedForms.length]).toEqual([count, 1]);

    const erased = await kiosque("privacy", "erase", email, "--yes");
    expect(erased.code).toBe(0);
    expect(erased.out).toMatch(
      /^erased: \d+ deleted, \d+ emptied .*, 1 refused form\(s\) forgotten/,
    );
    const after = JSON.parse((await kiosque("privacy", "export", email)).out) as typeof data;
    expect([after.comments, after.refusedForms]).toEqual([[], []]);
    const left = await kiosque("comments", "list", "--limit", "1000", "--json");
    expect(left.out).not.toContain(email);
  });

  it("refuses a request that names no address: it would take every comment kept without one", async () => {
    const before = (await kiosque("comments", "list", "--limit", "1000", "--json")).out;
    for (const args of [
      ["export", ""],
      ["export", "  "],
      ["erase", "", "--yes"],
      ["erase", " \t", "--yes"],
      // Not an address at all: it matched nothing and printed an empty export, exit 0.
      ["export", "not an email"],
      ["export", "lea"],
      ["export", "lea@"],
      ["erase", "@example.net", "--yes"],
      ["erase", "not an email"],
      ["erase", "lea example.net", "--yes"],
    ]) {
      const refused = await kiosque("privacy", ...args);
      expect(refused.code, args.join(" ")).toBe(2);
      expect(refused.err).toMatch(
        /^kiosque: ".*": expected the e-mail address the request names, like lea@example\.net\n$/,
      );
      expect(refused.out).toBe("");
    }
    expect((await kiosque("comments", "list", "--limit", "1000", "--json")).out).toBe(before);
  });
});
