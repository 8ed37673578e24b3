import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testEngines } from "../helpers/engines.js";
import { runKiosque, runKiosqueWithInput, cliEnv } from "../helpers/cli.js";
import { loadConfig } from "../../src/config/index.js";
import { createLogger } from "../../src/lib/logger.js";
import { accounts } from "../../src/modules/accounts/index.js";
import { comments, emptyCommentForm } from "../../src/modules/comments/index.js";
import { openRuntime } from "../../src/runtime.js";
import { makeTestDatabase, type TestDatabase } from "../helpers/runtime.js";

/** The real `kiosque` command (bin/kiosque.js → dist/cli.js), as an operator runs it. */
describe.each(testEngines())("kiosque CLI on %s", (engine) => {
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
    expect(nobody.code).toBe(2);
    expect(nobody.err).toContain("KIOSQUE_NOT_FOUND");
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
    expect((await kiosque("comments", "close", "pas-un-article")).code).toBe(2);

    const missing = await kiosque("comments", "trash", "99999999");
    expect(missing.code).toBe(2);
    expect(missing.err).toContain("KIOSQUE_NOT_FOUND");
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

  it("refuses a logo that names no image of the library, as the newsroom's form does", async () => {
    const gone = await kiosque("settings", "set", "site.logo", "999");
    expect(gone.code).toBe(2);
    expect(gone.err).toContain("site.logo: Aucune image de la médiathèque ne porte ce numéro.");
    const word = await kiosque("settings", "set", "site.logo", "logo.png");
    expect(word.code).toBe(2);
    expect(word.err).toContain("site.logo: Saisissez un nombre entier");
    expect((await kiosque("settings", "list")).out).toContain("site.logo = 0");
    // None is always a choice.
    expect((await kiosque("settings", "set", "site.logo", "0")).out).toContain("site.logo = 0");
  });

  it("refuses control characters in settings and staff accounts, saying which field", async () => {
    const control = "Ce champ contient un caractère invisible non autorisé";
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
    ]) {
      const refused = await kiosque("privacy", ...args);
      expect(refused.code, args.join(" ")).toBe(2);
      expect(refused.err).toMatch(/^kiosque: ".*": expected the e-mail address the request names/);
      expect(refused.out).toBe("");
    }
    expect((await kiosque("comments", "list", "--limit", "1000", "--json")).out).toBe(before);
  });
});
