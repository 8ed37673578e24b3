import Database from "better-sqlite3";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config/index.js";
import { forgetClientAddresses } from "../../src/jobs/forget-client-addresses.js";
import { createLogger } from "../../src/lib/logger.js";
import type { Actor } from "../../src/modules/accounts/index.js";
import { commenterData, comments } from "../../src/modules/comments/index.js";
import { desk, deskBans } from "../../src/modules/desk/index.js";
import { gifs } from "../../src/modules/gifs/index.js";
import { setSetting } from "../../src/modules/settings/index.js";
import { openRuntime } from "../../src/runtime.js";
import { CLI_TEST_TIMEOUT_MS, cliEnv, runKiosque, type CliResult } from "../helpers/cli.js";
import { testEngines } from "../helpers/engines.js";
import { commentForm, makeArticle } from "../helpers/factories.js";
import {
  makeTestDatabase,
  openTestRuntime,
  T0,
  type TestDatabase,
  type TestRuntime,
} from "../helpers/runtime.js";
import { makeStaff } from "../helpers/staff.js";

const DAY_MS = 86_400_000;

/** A GIF as a post keeps it (gifs.keepOffered): the bytes need not be a real picture here. */
const kept = (gifId: string) => ({
  provider: "giphy",
  gifId,
  title: `Bravo ${gifId}`,
  width: 200,
  height: 150,
  bytes: Buffer.from(`RIFF-gif-${gifId}`),
  ext: "webp" as const,
  still: undefined,
});

/**
 * An outside audit found the export short of what is kept with a commenter's comments (the
 * texts edits replaced, the GIF, the moderation history, the client's key, the bans tied to
 * them) and the erasure silent about bans (decision 032).
 */
describe.each(testEngines())("all a commenter leaves, exported and erased, on %s", (engine) => {
  let rt: TestRuntime;
  let moderator: Actor;
  let slug: string;

  beforeAll(async () => {
    rt = await openTestRuntime(engine, new Date(T0.getTime() + 500 * DAY_MS));
    const m = await makeStaff(rt.ctx, "moderator");
    moderator = { id: m.id, role: "moderator" };
    ({ slug } = await makeArticle(rt.ctx));
  });
  afterAll(() => rt.close());

  const post = (form: Record<string, unknown>, ip = "198.51.100.60") =>
    comments.postComment(rt.ctx, { articleSlug: slug, form, ip }, []);

  const ban = (fields: Record<string, string>) =>
    deskBans.createBan(rt.ctx, moderator, { mode: "hold", days: "90", ...fields });

  const bansRows = () => rt.ctx.db.selectFrom("bans").selectAll().orderBy("id").execute();

  /**
   * A reader whose first comment was held, approved, edited by the newsroom (the original held
   * a phone number), shown with a GIF, and banned: by address (typed on the bans page) and by
   * client (from the comment), with notes that name her. Someone else is banned too.
   */
  async function aBannedReader(email: string, ip: string) {
    const first = await post(
      commentForm({ email, name: "Léa Martin", body: "Appelez-moi au 06 12 34 56 78 !" }),
      ip,
    );
    const id = first.comment.id;
    await desk.act(rt.ctx, moderator, [id], "approve");
    await desk.edit(rt.ctx, moderator, id, {
      name: "Léa Martin",
      website: "",
      body: "Appelez-moi (numéro retiré par la rédaction) !",
    });
    await rt.ctx.write((tx) => gifs.attach(tx, id, kept(`g${id}`)));
    const byEmail = await ban({ kind: "email", email, reason: `Léa Martin insulte (${email})` });
    const byClient = await ban({ commentaire: String(id), kind: "client", reason: "Léa, encore" });
    return { id, byEmail, byClient };
  }

  it("exports what is kept with each comment, and the bans tied to the person", async () => {
    const email = "lea.martin@example.net";
    const lea = await aBannedReader(email, "198.51.100.61");
    const other = await post(commentForm({ email: "autre@example.net" }), "198.51.100.62");
    await ban({
      commentaire: String(other.comment.id),
      kind: "email",
      reason: "quelqu'un d'autre",
    });

    const data = await commenterData.exportByEmail(rt.ctx, email);
    const [comment] = data.comments;
    const posted = rt.clock.now().toISOString();
    expect(comment).toMatchObject({
      id: lea.id,
      text: "Appelez-moi (numéro retiré par la rédaction) !",
      clientAddressHashKept: true,
      clientKeyKept: true,
      // privacy.ipRetentionDays, 30 by default, after it was posted.
      clientHashesKeptUntil: new Date(Date.parse(posted) + 30 * DAY_MS).toISOString(),
      replacedByEdits: [
        {
          editedAt: posted,
          name: "Léa Martin",
          website: null,
          text: "Appelez-moi au 06 12 34 56 78 !",
        },
      ],
      gif: { title: `Bravo g${lea.id}`, width: 200, height: 150 },
    });
    expect(comment?.gif?.src).toMatch(/^\/gifs\/media\/.+\.webp$/);
    // Held as a first comment by the rules, then approved and edited by the newsroom: who in it,
    // the export does not say.
    expect(comment?.moderation).toEqual([
      { at: posted, status: "pending", by: "rules", reasons: [{ rule: "first-comment" }] },
      { at: posted, status: "approved", by: "newsroom", reasons: [{ rule: "manual" }] },
      {
        at: posted,
        status: "approved",
        by: "newsroom",
        reasons: [{ rule: "edit", detail: "body" }],
      },
    ]);
    expect(JSON.stringify(data)).not.toContain(`user:${moderator.id}`);
    expect(data.bans).toEqual([
      {
        id: lea.byEmail,
        kind: "email",
        mode: "hold",
        reason: `Léa Martin insulte (${email})`,
        madeFromComment: null,
        madeAt: posted,
        endsAt: new Date(Date.parse(posted) + 90 * DAY_MS).toISOString(),
        liftedAt: null,
        inForce: true,
      },
      expect.objectContaining({
        id: lea.byClient,
        kind: "client",
        reason: "Léa, encore",
        madeFromComment: lea.id,
        inForce: true,
      }),
    ]);

    // Past the retention, the hourly job forgets the client's key with its address's hash.
    rt.clock.advance(31 * DAY_MS);
    try {
      expect((await forgetClientAddresses(rt.ctx)).cleared).toBeGreaterThanOrEqual(2);
      const later = await commenterData.exportByEmail(rt.ctx, email);
      expect(later.comments[0]).toMatchObject({
        clientAddressHashKept: false,
        clientKeyKept: false,
        clientHashesKeptUntil: null,
      });
      const stored = await rt.ctx.db
        .selectFrom("comments")
        .select(["ip_hash", "client_key"])
        .where("id", "in", [lea.id, other.comment.id])
        .execute();
      expect(stored).toEqual([
        { ip_hash: null, client_key: null },
        { ip_hash: null, client_key: null },
      ]);
      // The ban by client keeps the key it copied, as long as the ban lasts: the export says so.
      expect(later.bans.map((b) => b.kind)).toEqual(["email", "client"]);
    } finally {
      rt.clock.advance(-31 * DAY_MS);
    }
  });

  it("erases the person's ended bans, and keeps those in force without note or comment", async () => {
    const email = "leon.durand@example.net";
    const leon = await aBannedReader(email, "198.51.100.63");
    // An older ban of his, lifted: it protects nothing any more.
    const lifted = await ban({ kind: "email", email, reason: "Léon, une fois déjà" });
    await deskBans.liftBan(rt.ctx, moderator, lifted);

    const erased = await commenterData.eraseByEmail(rt.ctx, email, "test");
    expect(erased).toEqual({
      deleted: 1,
      blanked: 0,
      refusedForms: 0,
      bans: {
        deleted: 1,
        kept: [
          { id: leon.byEmail, kind: "email", mode: "hold", expiresAt: expect.any(String) },
          { id: leon.byClient, kind: "client", mode: "hold", expiresAt: expect.any(String) },
        ],
      },
    });
    const left = (await bansRows()).filter((b) =>
      [leon.byEmail, leon.byClient, lifted].includes(b.id),
    );
    expect(left.map((b) => [b.id, b.reason, b.comment_id])).toEqual([
      [leon.byEmail, "", null],
      [leon.byClient, "", null],
    ]);
    // Nothing in the bans points at the erased comment or names him, on the desk's page either.
    expect(await bansRows()).not.toContainEqual(expect.objectContaining({ comment_id: leon.id }));
    const listed = (await deskBans.listBans(rt.ctx, moderator)).bans;
    expect(JSON.stringify(listed)).not.toMatch(/Léon|leon\.durand/);
    expect(listed.filter((b) => b.id === leon.byEmail)).toEqual([
      expect.objectContaining({ reason: "", commentId: null, active: true }),
    ]);
    // It still holds his next comment, whatever connection it comes from.
    const again = await post(commentForm({ email }), "192.0.2.250");
    expect(again.reasons).toContainEqual({ rule: "ban", detail: `email #${leon.byEmail}` });
    // What is left of him (the ban by address, and his new comment) is still his to see.
    expect((await commenterData.exportByEmail(rt.ctx, email)).bans).toEqual([
      expect.objectContaining({ id: leon.byEmail, reason: "", madeFromComment: null }),
    ]);
  });

  it("erases the bans in force too when the newsroom decided so", async () => {
    const email = "lou.petit@example.net";
    const lou = await aBannedReader(email, "198.51.100.64");
    const erased = await commenterData.eraseByEmail(rt.ctx, email, "test", {
      bansInForceToo: true,
    });
    expect(erased.bans).toEqual({ deleted: 2, kept: [] });
    const ids = (await bansRows()).map((b) => b.id);
    expect(ids).not.toContain(lou.byEmail);
    expect(ids).not.toContain(lou.byClient);
    expect((await post(commentForm({ email }), "198.51.100.64")).reasons).not.toContainEqual(
      expect.objectContaining({ rule: "ban" }),
    );
  });

  it("finds the bans of a person whose comments were hashed under an older secret", async () => {
    const email = "ancien.secret@example.net";
    await post(commentForm({ email }), "198.51.100.65");
    // Typed on the bans page: only the hash ties it to her, as her comment's was then.
    const byAddress = await ban({ kind: "email", email });
    const renewed = { ...rt.ctx, secret: "un-tout-autre-secret-de-plus-de-32-caracteres" };
    const data = await commenterData.exportByEmail(renewed, email);
    expect(data.bans.map((b) => b.id)).toEqual([byAddress]);
    expect((await commenterData.eraseByEmail(renewed, email, "test")).bans.kept).toHaveLength(1);
  });

  it("deletes every ban 30 days after it ended, off the list", async () => {
    const email = "fin.de.ban@example.net";
    const short = await ban({ kind: "email", email, days: "1", reason: "court" });
    const lifted = await ban({ kind: "email", email, days: "365", reason: "levé" });
    await deskBans.liftBan(rt.ctx, moderator, lifted);
    const ours = async () =>
      (await bansRows()).filter((b) => b.id === short || b.id === lifted).map((b) => b.id);
    try {
      // Ended, still listed for 30 days: people see what just ended.
      rt.clock.advance(29 * DAY_MS);
      expect((await forgetClientAddresses(rt.ctx)).bans).toBe(0);
      expect(await ours()).toEqual([short, lifted]);
      rt.clock.advance(2 * DAY_MS + 60_000);
      expect((await forgetClientAddresses(rt.ctx)).bans).toBe(2);
      expect(await ours()).toEqual([]);
    } finally {
      rt.clock.advance(-(31 * DAY_MS + 60_000));
    }
  });
});

/** The command an operator runs for a request: what it says about bans, before and after. */
describe.each(testEngines())("kiosque privacy erase and bans, on %s", (engine) => {
  it("says in the dry run and the report what happens to each ban", async () => {
    const database = await makeTestDatabase(engine);
    try {
      const config = loadConfig({
        KIOSQUE_DATA_DIR: database.dataDir,
        ...(database.url ? { DATABASE_URL: database.url } : {}),
        LOG_LEVEL: "silent",
      });
      const email = "cli.bannie@example.net";
      const runtime = await openRuntime(config, { log: createLogger({ logLevel: "silent" }) });
      let inForce = 0;
      try {
        await setSetting(runtime.ctx, "comments.holdFirst", "false");
        const { slug } = await makeArticle(runtime.ctx);
        const m = await makeStaff(runtime.ctx, "moderator");
        const moderator: Actor = { id: m.id, role: "moderator" };
        const posted = await comments.postComment(
          runtime.ctx,
          { articleSlug: slug, form: commentForm({ email }), ip: "198.51.100.70" },
          [],
        );
        const made = (fields: Record<string, string>) =>
          deskBans.createBan(runtime.ctx, moderator, { mode: "refuse", days: "30", ...fields });
        inForce = await made({ commentaire: String(posted.comment.id), kind: "client" });
        const ended = await made({ kind: "email", email, reason: "Cli Bannie" });
        await deskBans.liftBan(runtime.ctx, moderator, ended);
      } finally {
        await runtime.close();
      }
      const env = cliEnv(database);
      const dry = await runKiosque(env, "privacy", "erase", email);
      expect(dry.code, dry.err).toBe(0);
      const [, bansSaid] = dry.out.trim().split("\n");
      expect(bansSaid).toMatch(
        new RegExp(
          `^bans: 1 would be deleted; 1 in force would be kept \\(#${inForce} \\(client, refuse, until \\S+\\)\\), without the newsroom's note or the link to the comment: .*--with-bans`,
        ),
      );
      const withBans = await runKiosque(env, "privacy", "erase", email, "--with-bans");
      expect(withBans.out).toContain("bans: 2 would be deleted; 0 in force would be kept\n");

      const done = await runKiosque(env, "privacy", "erase", email, "--yes");
      expect(done.code, done.err).toBe(0);
      expect(done.out).toMatch(/^erased: 1 deleted, 0 emptied/);
      expect(done.out).toMatch(
        new RegExp(`\\nbans: 1 deleted; 1 in force kept \\(#${inForce} \\(client, refuse, until `),
      );
    } finally {
      await database.drop();
    }
  });

  it(
    "erases, prints its report, then says what is left to run while another session reads",
    async () => {
      const database = await makeTestDatabase(engine);
      const email = "cli.lue@example.net";
      try {
        const config = loadConfig({
          KIOSQUE_DATA_DIR: database.dataDir,
          ...(database.url ? { DATABASE_URL: database.url } : {}),
          LOG_LEVEL: "silent",
        });
        const runtime = await openRuntime(config, { log: createLogger({ logLevel: "silent" }) });
        try {
          const { slug } = await makeArticle(runtime.ctx);
          await comments.postComment(
            runtime.ctx,
            { articleSlug: slug, form: commentForm({ email }), ip: "198.51.100.71" },
            [],
          );
        } finally {
          await runtime.close();
        }
        // A backup's snapshot, say: it may still read the rows the erasure deletes.
        const reading = await readingSession(database);
        let done: CliResult;
        try {
          done = await runKiosque(cliEnv(database), "privacy", "erase", email, "--yes");
        } finally {
          await reading.end();
        }
        // The report first, then on stderr what the operator runs once the reader is done.
        expect(done.out).toMatch(/^erased: 1 deleted, 0 emptied/);
        expect(done.err).toMatch(
          engine === "sqlite"
            ? /^kiosque: erased, but the WAL still holds erased bytes: .*run the command again once it is done\.\n$/
            : /^kiosque: erased, but dead rows remain in comments: a long transaction holds them; run "VACUUM comments, .*" once it ends\.\n$/,
        );
        expect(done.code).toBe(1);
        // The erasure itself held: the command run again finds nothing and finishes the rest.
        const again = await runKiosque(cliEnv(database), "privacy", "erase", email, "--yes");
        expect(again).toMatchObject({ code: 0, err: "" });
        expect(again.out).toMatch(/^erased: 0 deleted, 0 emptied/);
      } finally {
        await database.drop();
      }
    },
    CLI_TEST_TIMEOUT_MS,
  );
});

/** Another session with a read transaction open on `database`, holding the rows it has seen. */
async function readingSession(database: TestDatabase): Promise<{ end(): Promise<void> }> {
  if (database.url === undefined) {
    if (database.database.engine !== "sqlite") throw new Error("a SQLite database has a file");
    const other = new Database(database.database.file);
    other.prepare("begin").run();
    other.prepare("select count(*) from comments").get();
    return {
      end: async () => {
        other.prepare("commit").run();
        other.close();
      },
    };
  }
  const other = new pg.Client({ connectionString: database.url });
  await other.connect();
  await other.query("begin isolation level repeatable read");
  await other.query("select count(*) from comments");
  return {
    end: async () => {
      await other.query("commit");
      await other.end();
    },
  };
}
