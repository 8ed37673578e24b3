import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Invalid } from "../../src/lib/errors.js";
import { fixedClock } from "../../src/lib/clock.js";
import { createLogger } from "../../src/lib/logger.js";
import type { Actor } from "../../src/modules/accounts/index.js";
import { commenterData, comments } from "../../src/modules/comments/index.js";
import { setSetting } from "../../src/modules/settings/index.js";
import { deskBans } from "../../src/modules/desk/index.js";
import { openRuntime, type Runtime } from "../../src/runtime.js";
import { testEngines } from "../helpers/engines.js";
import { journal } from "../helpers/desk.js";
import { commentForm, countComments, makeArticle } from "../helpers/factories.js";
import { openTestRuntime, type TestRuntime } from "../helpers/runtime.js";
import { makeStaff } from "../helpers/staff.js";

const DAY = 86_400_000;

describe.each(testEngines())("bans on %s", (engine) => {
  let rt: TestRuntime;
  let moderator: Actor;
  let slug: string;

  beforeAll(async () => {
    rt = await openTestRuntime(engine);
    const m = await makeStaff(rt.ctx, "moderator");
    moderator = { id: m.id, role: "moderator" };
    ({ slug } = await makeArticle(rt.ctx));
    // Bans alone decide here: a first comment is not held for being first.
    await setSetting(rt.ctx, "comments.holdFirst", "false");
  });
  afterAll(() => rt.close());

  /** A reader's post from `ip`: approved unless a ban (or another rule) holds it. */
  const post = (form: Record<string, unknown>, ip: string, ctx = rt.ctx) =>
    comments.postComment(ctx, { articleSlug: slug, form, ip }, []);

  async function refused(work: Promise<unknown>) {
    try {
      await work;
    } catch (error) {
      if (error instanceof Invalid) return { code: error.code, fields: error.fields };
      throw error;
    }
    throw new Error("expected a refusal");
  }

  it("holds the next comments of a banned address, whatever the case, until the ban ends", async () => {
    const first = await post(commentForm({ email: "Troll@Example.net" }), "198.51.100.1");
    const id = await deskBans.createBan(rt.ctx, moderator, {
      commentaire: String(first.comment.id),
      kind: "email",
      mode: "hold",
      days: "7",
      reason: "insultes",
    });
    const next = await post(commentForm({ email: "troll@example.net " }), "198.51.100.99");
    expect(next.comment.status).toBe("pending");
    expect(next.reasons).toContainEqual({ rule: "ban", detail: `email #${id}` });
    // Eight days on, the ban has ended: the rules alone decide.
    rt.clock.advance(8 * DAY);
    const later = await post(commentForm({ email: "troll@example.net" }), "198.51.100.99");
    expect(later.reasons.map((r) => r.rule)).not.toContain("ban");
    rt.clock.advance(-8 * DAY);
    const entry = (await journal(rt.ctx)).find((e) => e.action === "ban.create");
    expect(JSON.parse(entry!.details)).toMatchObject({
      kind: "email",
      mode: "hold",
      days: 7,
      comment: first.comment.id,
    });
    // Neither the address nor its hash is in the journal.
    expect(entry!.details).not.toMatch(/troll/i);
  });

  it("refuses a banned client's comments (its IPv6 /64), telling only that it cannot be published", async () => {
    const first = await post(commentForm(), "2001:db8:1:2::10");
    await deskBans.createBan(rt.ctx, moderator, {
      commentaire: String(first.comment.id),
      kind: "client",
      mode: "refuse",
      days: "1",
      reason: "",
    });
    const before = await countComments(rt.ctx);
    // Another address of the same /64, another e-mail: the same client.
    const answer = await refused(post(commentForm(), "2001:db8:1:2:ffff::1"));
    expect(answer).toEqual({
      code: "KIOSQUE_COMMENT_REFUSED",
      fields: { body: { problem: "refused" } },
    });
    expect(await countComments(rt.ctx)).toBe(before);
    // Another /64 is another client.
    expect(
      (await post(commentForm(), "2001:db8:1:3::10")).reasons.map((r) => r.rule),
    ).not.toContain("ban");
  });

  it("bans a typed address, lifts bans, and lists who did what", async () => {
    // Its owner wrote before the ban: their browser's token shows the address is theirs.
    const before = await post(commentForm({ email: "spammeur@example.org" }), "203.0.113.49");
    const id = await deskBans.createBan(rt.ctx, moderator, {
      kind: "email",
      email: "spammeur@example.org",
      mode: "refuse",
      days: "30",
      reason: "<script>alert(1)</script>",
    });
    const owner = comments.postComment(
      rt.ctx,
      {
        articleSlug: slug,
        form: commentForm({ email: "SPAMMEUR@example.org" }),
        ip: "203.0.113.50",
        authorToken: before.authorToken,
      },
      [],
    );
    expect((await refused(owner)).code).toBe("KIOSQUE_COMMENT_REFUSED");
    // Anyone else who types it learns nothing of a ban: held, as a rule may hold any comment
    // (a first one, by default); the comment is kept as spam.
    const stranger = await post(commentForm({ email: "spammeur@example.org" }), "203.0.113.51");
    expect(stranger.comment.status).toBe("pending");
    const stored = await rt.ctx.db
      .selectFrom("comments")
      .select("status")
      .where("id", "=", stranger.comment.id)
      .executeTakeFirstOrThrow();
    expect(stored.status).toBe("spam");
    await deskBans.liftBan(rt.ctx, moderator, id);
    // Lifting twice journals once.
    await deskBans.liftBan(rt.ctx, moderator, id);
    expect(
      (await post(commentForm({ email: "spammeur@example.org" }), "203.0.113.50")).comment.status,
    ).toBe("approved");
    const { bans, names } = await deskBans.listBans(rt.ctx, moderator);
    const lifted = bans.find((b) => b.id === id);
    expect(lifted).toMatchObject({ active: false, liftedBy: moderator.id, kind: "email" });
    expect(names.get(moderator.id)).toBeDefined();
    expect((await journal(rt.ctx)).filter((e) => e.action === "ban.lift")).toHaveLength(1);
  });

  it("refuses bad ban forms, field by field", async () => {
    const problems = async (raw: Record<string, unknown>) => {
      try {
        await deskBans.createBan(rt.ctx, moderator, raw);
      } catch (error) {
        if (error instanceof Invalid) return error.fields;
        throw error;
      }
      throw new Error("expected a refusal");
    };
    expect(await problems({})).toEqual({
      kind: { problem: "required" },
      mode: { problem: "required" },
      days: { problem: "required" },
    });
    expect(
      await problems({ kind: "email", email: "pas une adresse", mode: "hold", days: "2" }),
    ).toEqual({ email: { problem: "email" }, days: { problem: "choice" } });
    expect(
      await problems({
        kind: "email",
        email: "a@b.fr",
        mode: "x",
        days: "7",
        reason: "r".repeat(301),
      }),
    ).toEqual({ mode: { problem: "choice" }, reason: { problem: "tooLong", limit: 300 } });
    // By client, without a comment, or from one whose client is no longer kept.
    expect(await problems({ kind: "client", mode: "hold", days: "7" })).toEqual({
      kind: { problem: "noClient" },
    });
    const imported = await comments.importComment(
      rt.ctx,
      {
        articleId: (await makeArticle(rt.ctx)).id,
        parentId: null,
        name: "Ancien",
        email: "ancien@example.net",
        website: null,
        body: "Importé.",
        status: "approved",
        createdAt: rt.clock.now(),
      },
      "test",
    );
    expect(
      await problems({ commentaire: String(imported), kind: "client", mode: "hold", days: "7" }),
    ).toEqual({ kind: { problem: "noClient" } });
    await expect(
      deskBans.createBan(rt.ctx, moderator, {
        commentaire: "999999",
        kind: "email",
        mode: "hold",
        days: "7",
      }),
    ).rejects.toMatchObject({ code: "KIOSQUE_NOT_FOUND" });
    await expect(
      deskBans.createBan(rt.ctx, { id: moderator.id, role: "author" }, {}),
    ).rejects.toMatchObject({ code: "KIOSQUE_FORBIDDEN" });
  });

  it("forgets the client key with the hashed address, after the retention", async () => {
    const posted = await post(commentForm(), "192.0.2.200");
    const row = () =>
      rt.ctx.db
        .selectFrom("comments")
        .select(["ip_hash", "client_key"])
        .where("id", "=", posted.comment.id)
        .executeTakeFirstOrThrow();
    expect((await row()).client_key).toEqual(expect.any(String));
    await commenterData.forgetAddressesBefore(rt.ctx, new Date(rt.clock.now().getTime() + 1000));
    expect(await row()).toEqual({ ip_hash: null, client_key: null });
  });

  it("applies at once on every instance sharing the database", async () => {
    const clock = fixedClock(rt.clock.now());
    const other: Runtime = await openRuntime(rt.ctx.config, {
      clock,
      log: createLogger({ logLevel: "silent" }),
    });
    try {
      const first = await post(commentForm({ email: "partout@example.net" }), "192.0.2.77");
      // Made on this instance…
      await deskBans.createBan(rt.ctx, moderator, {
        commentaire: String(first.comment.id),
        kind: "email",
        mode: "hold",
        days: "1",
      });
      // …the other holds the next comment at once.
      const there = await post(
        commentForm({ email: "partout@example.net" }),
        "192.0.2.78",
        other.ctx,
      );
      expect(there.comment.status).toBe("pending");
      expect(there.reasons.map((r) => r.rule)).toContain("ban");
    } finally {
      await other.close();
    }
  });
});
