import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testEngines } from "../helpers/engines.js";
import { runKiosque } from "../helpers/cli.js";
import { makeTestDatabase, type TestDatabase } from "../helpers/runtime.js";

/** The real `kiosque` command (bin/kiosque.js → dist/cli.js), as an operator runs it. */
describe.each(testEngines())("kiosque CLI on %s", (engine) => {
  let database: TestDatabase;
  let env: NodeJS.ProcessEnv;
  const kiosque = (...args: string[]) => runKiosque(env, ...args);

  beforeAll(async () => {
    database = await makeTestDatabase(engine);
    env = {
      ...process.env,
      KIOSQUE_DATA_DIR: database.dataDir,
      DATABASE_URL: database.url ?? "",
      LOG_LEVEL: "warn",
    };
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

    const slug = "parc-eolien-cret-des-fourches-enquete-publique";
    expect((await kiosque("comments", "close", slug)).out).toContain(`comments closed on ${slug}`);
    expect((await kiosque("comments", "close", "pas-un-article")).code).toBe(2);

    const missing = await kiosque("comments", "trash", "99999999");
    expect(missing.code).toBe(2);
    expect(missing.err).toContain("KIOSQUE_NOT_FOUND");
  });

  it("shows and changes settings, refusing bad values", async () => {
    expect((await kiosque("settings", "set", "comments.maxLinks", "5")).out).toContain(
      "comments.maxLinks = 5",
    );
    expect((await kiosque("settings", "list")).out).toContain("comments.maxLinks = 5");
    expect((await kiosque("settings", "set", "site.locale", "klingon")).code).toBe(2);
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
    const data = JSON.parse(exported.out) as { comments: { email: string; text: string }[] };
    expect(data.comments).toHaveLength(count);
    expect(data.comments.every((c) => c.email === email && c.text.length > 0)).toBe(true);

    const dry = await kiosque("privacy", "erase", email);
    expect(dry).toMatchObject({ code: 0 });
    expect(dry.out).toContain(`${count} comment(s) written with ${email}; run again with --yes`);
    expect(JSON.parse((await kiosque("privacy", "export", email)).out).comments).toHaveLength(
      count,
    );

    const erased = await kiosque("privacy", "erase", email, "--yes");
    expect(erased.code).toBe(0);
    expect(erased.out).toMatch(/^erased: \d+ deleted, \d+ emptied/);
    expect(JSON.parse((await kiosque("privacy", "export", email)).out).comments).toEqual([]);
    const left = await kiosque("comments", "list", "--limit", "1000", "--json");
    expect(left.out).not.toContain(email);
  });
});
