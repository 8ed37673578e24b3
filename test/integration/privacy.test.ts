import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../../src/app.js";
import { forgetClientAddresses } from "../../src/jobs/forget-client-addresses.js";
import { keyedHash } from "../../src/lib/crypto.js";
import { commenterData, comments, emptyCommentForm } from "../../src/modules/comments/index.js";
import { history } from "../../src/modules/moderation/index.js";
import { setSetting } from "../../src/modules/settings/index.js";
import { testEngines } from "../helpers/engines.js";
import { commentForm, makeArticle } from "../helpers/factories.js";
import { testAssetsDir } from "../helpers/paths.js";
import { openTestRuntime, T0, type TestRuntime } from "../helpers/runtime.js";

const HOUR_MS = 3_600_000;

describe.each(testEngines())("commenters' privacy on %s", (engine) => {
  let rt: TestRuntime;
  let article: { id: number; slug: string };

  beforeAll(async () => {
    rt = await openTestRuntime(engine);
    article = await makeArticle(rt.ctx);
    await setSetting(rt.ctx, "comments.holdFirst", "false");
  });
  afterAll(() => rt.close());

  /** `null`: a comment without a client address (the CLI, imports). */
  const post = (form: Record<string, unknown>, ip: string | null = "198.51.100.20") =>
    comments.postComment(rt.ctx, { articleSlug: article.slug, form, ip: ip ?? undefined }, []);

  const row = (id: number) =>
    rt.ctx.db.selectFrom("comments").selectAll().where("id", "=", id).executeTakeFirst();

  const salts = () => rt.ctx.db.selectFrom("ip_salts").selectAll().execute();

  it("hashes client addresses with a salt of the day, then throws the salt away", async () => {
    rt.clock.set(new Date(T0.getTime() + 100 * 24 * HOUR_MS));
    const a = await post(commentForm());
    const b = await post(commentForm());
    const other = await post(commentForm(), "198.51.100.21");
    const hashA = (await row(a.comment.id))?.ip_hash;
    expect(hashA).toBeTruthy();
    expect(hashA).not.toContain("198.51.100.20");
    // Not the secret's hash alone: that one anybody with the secret could test addresses against.
    expect(hashA).not.toBe(keyedHash(rt.ctx.secret, "ip", "198.51.100.20"));
    expect((await row(b.comment.id))?.ip_hash).toBe(hashA);
    expect((await row(other.comment.id))?.ip_hash).not.toBe(hashA);
    const today = await salts();
    expect(today).toHaveLength(1);

    rt.clock.set(new Date(rt.clock.now().getTime() + 24 * HOUR_MS));
    const nextDay = await post(commentForm());
    expect((await row(nextDay.comment.id))?.ip_hash).not.toBe(hashA);
    const after = await salts();
    expect(after).toHaveLength(1);
    expect(after[0]?.salt).not.toBe(today[0]?.salt);
  });

  it("holds a burst of comments from one client, and says why", async () => {
    rt.clock.set(new Date(T0.getTime() + 200 * 24 * HOUR_MS));
    await setSetting(rt.ctx, "comments.burstMax", "3");
    await setSetting(rt.ctx, "comments.burstMinutes", "10");
    try {
      const statuses: string[] = [];
      for (let i = 0; i < 4; i++) {
        statuses.push((await post(commentForm(), "198.51.100.30")).comment.status);
        rt.clock.set(new Date(rt.clock.now().getTime() + 60_000));
      }
      expect(statuses).toEqual(["approved", "approved", "approved", "pending"]);
      const held = await post(commentForm(), "198.51.100.30");
      // Five before it, counted no further than the limit of three.
      expect(held.reasons).toEqual([{ rule: "burst", detail: "over 3 in 10 min" }]);
      expect((await history(rt.ctx.db, held.comment.id))[0]?.reasons).toEqual(held.reasons);
      // Another client, and this one once the window has passed, are not held.
      expect((await post(commentForm(), "198.51.100.31")).comment.status).toBe("approved");
      rt.clock.set(new Date(rt.clock.now().getTime() + 11 * 60_000));
      expect((await post(commentForm(), "198.51.100.30")).comment.status).toBe("approved");
      // Without an address (the CLI, imports) there is no client to count.
      for (let i = 0; i < 4; i++)
        expect((await post(commentForm(), null)).comment.status).toBe("approved");
    } finally {
      await setSetting(rt.ctx, "comments.burstMax", "0");
    }
  });

  it("counts an IPv6 /64 as one client for the burst rule, as the rate limit does", async () => {
    rt.clock.set(new Date(T0.getTime() + 250 * 24 * HOUR_MS));
    await setSetting(rt.ctx, "comments.burstMax", "2");
    try {
      const a = await post(commentForm(), "2001:db8:7:7::1");
      const b = await post(commentForm(), "2001:db8:7:7:ffff::2");
      expect([a.comment.status, b.comment.status]).toEqual(["approved", "approved"]);
      expect((await row(b.comment.id))?.ip_hash).toBe((await row(a.comment.id))?.ip_hash);
      const third = await post(commentForm(), "2001:db8:7:7:abcd:1:2:3");
      expect(third.reasons).toEqual([{ rule: "burst", detail: "over 2 in 10 min" }]);
      // The next /64 is another client.
      expect((await post(commentForm(), "2001:db8:7:8::1")).comment.status).toBe("approved");
    } finally {
      await setSetting(rt.ctx, "comments.burstMax", "0");
    }
  });

  it("forgets hashed addresses past the retention period", async () => {
    rt.clock.set(new Date(T0.getTime() + 300 * 24 * HOUR_MS));
    await setSetting(rt.ctx, "privacy.ipRetentionDays", "2");
    const old = await post(commentForm());
    rt.clock.set(new Date(rt.clock.now().getTime() + 47 * HOUR_MS));
    const recent = await post(commentForm());
    expect(await forgetClientAddresses(rt.ctx)).toMatchObject({ cleared: expect.any(Number) });
    expect((await row(old.comment.id))?.ip_hash).not.toBeNull();

    rt.clock.set(new Date(rt.clock.now().getTime() + 2 * HOUR_MS));
    const done = await forgetClientAddresses(rt.ctx);
    expect(done.cleared).toBeGreaterThanOrEqual(1);
    expect((await row(old.comment.id))?.ip_hash).toBeNull();
    expect((await row(recent.comment.id))?.ip_hash).not.toBeNull();

    // A day nobody posts on still loses the day before's salt.
    expect(await salts()).toHaveLength(1);
    rt.clock.set(new Date(rt.clock.now().getTime() + 24 * HOUR_MS));
    expect((await forgetClientAddresses(rt.ctx)).salts).toBe(1);
    expect(await salts()).toHaveLength(0);
  });

  it("deletes spam past its days, and keeps what a moderator may still rescue", async () => {
    rt.clock.set(new Date(T0.getTime() + 400 * 24 * HOUR_MS));
    // The honeypot filled: spam at once.
    const spam = await post(commentForm({ homepage: "http://spam.example/" }));
    const held = await post(commentForm({ body: "Un avis retenu, du même jour." }), null);
    await comments.setStatus(rt.ctx, [held.comment.id], "pending", "test");
    // Said "pending" to its sender (decision 013), stored as spam.
    expect((await row(spam.comment.id))?.status).toBe("spam");
    rt.clock.set(new Date(rt.clock.now().getTime() + 29 * 24 * HOUR_MS));
    const fresh = await post(commentForm({ homepage: "http://spam.example/" }));
    expect((await forgetClientAddresses(rt.ctx)).spam).toBe(0);
    expect(await row(spam.comment.id)).toBeDefined();

    rt.clock.set(new Date(rt.clock.now().getTime() + 2 * 24 * HOUR_MS));
    expect((await forgetClientAddresses(rt.ctx)).spam).toBe(1);
    expect(await row(spam.comment.id)).toBeUndefined();
    expect(await row(held.comment.id)).toBeDefined();
    expect((await row(fresh.comment.id))?.status).toBe("spam");
    expect((await forgetClientAddresses(rt.ctx)).spam).toBe(0);
  });

  it("exports every comment written with an address, whatever its case, and nobody else's", async () => {
    const mine = await post(
      commentForm({ email: "Export.Moi@Example.net", website: "https://moi.example/" }),
    );
    const reply = await post(
      commentForm({ email: "export.moi@example.net", parent: String(mine.comment.id) }),
    );
    await post(commentForm({ email: "quelqu.un@example.net" }));
    const data = await commenterData.exportByEmail(rt.ctx, "EXPORT.moi@example.net");
    expect(data.comments.map((c) => c.id)).toEqual([mine.comment.id, reply.comment.id]);
    expect(data.comments[0]).toMatchObject({
      article: { slug: article.slug },
      inReplyTo: null,
      email: "Export.Moi@Example.net",
      website: "https://moi.example/",
      status: "approved",
      clientAddressHashKept: true,
    });
    expect(data.comments[1]?.inReplyTo).toBe(mine.comment.id);
    expect((await commenterData.exportByEmail(rt.ctx, "personne@example.net")).comments).toEqual(
      [],
    );
  });

  it("exports the refused forms typed with an address, the ones its erasure takes", async () => {
    const target = await makeArticle(rt.ctx, { title: "Refusé ici" });
    const refusedAt = rt.clock.now();
    const typed = {
      ...emptyCommentForm,
      name: "Refusée Moi",
      email: "Refusee.Moi@Example.net",
      website: "https://refusee.example/",
      body: "Court",
    };
    const tooShort = { body: { problem: "tooShort", limit: 10 } } as const;
    await comments.keepRefused(rt.ctx, target.slug, { values: typed, problems: tooShort });
    const others = { ...typed, email: "quelqu.un.d.autre@example.net" };
    await comments.keepRefused(rt.ctx, target.slug, { values: others, problems: tooShort });

    const data = await commenterData.exportByEmail(rt.ctx, " REFUSEE.moi@example.net");
    expect(data.comments).toEqual([]);
    expect(data.refusedForms).toEqual([
      {
        article: { slug: target.slug, title: "Refusé ici" },
        typed,
        refusedAt: refusedAt.toISOString(),
        keptUntil: new Date(refusedAt.getTime() + 10 * 60_000).toISOString(),
      },
    ]);
    // What the export shows is what the erasure forgets: the same forms, found by one rule.
    const erased = await commenterData.eraseByEmail(rt.ctx, typed.email, "test");
    expect(erased.refusedForms).toBe(data.refusedForms.length);
    expect((await commenterData.exportByEmail(rt.ctx, typed.email)).refusedForms).toEqual([]);
    const left = await commenterData.exportByEmail(rt.ctx, others.email);
    expect(left.refusedForms.map((f) => f.typed.email)).toEqual([others.email]);
  });

  it("erases a commenter: answered comments stay as an empty place, the rest go", async () => {
    const app = await buildApp(rt, { assetsDir: testAssetsDir });
    try {
      const target = await makeArticle(rt.ctx);
      const postOn = (form: Record<string, unknown>) =>
        comments.postComment(rt.ctx, { articleSlug: target.slug, form, ip: "198.51.100.40" }, []);
      const erase = { email: "efface.moi@example.net", name: "Effacée Moi" };
      const answered = await postOn(commentForm({ ...erase, body: "Texte à effacer, un." }));
      const answer = await postOn(
        commentForm({ body: "Réponse d’une autre.", parent: String(answered.comment.id) }),
      );
      const alone = await postOn(commentForm({ ...erase, body: "Texte à effacer, deux." }));
      const ownReply = await postOn(
        commentForm({
          ...erase,
          body: "Texte à effacer, trois.",
          parent: String(answer.comment.id),
        }),
      );
      const before = await app.inject({ url: `/article/${target.slug}` });
      expect(before.body).toContain("Texte à effacer, deux.");

      expect(await commenterData.eraseByEmail(rt.ctx, "Efface.Moi@example.net", "test")).toEqual({
        deleted: 2,
        blanked: 1,
        refusedForms: 0,
        bans: { deleted: 0, kept: [] },
      });
      expect(await row(alone.comment.id)).toBeUndefined();
      expect(await row(ownReply.comment.id)).toBeUndefined();
      expect(await history(rt.ctx.db, alone.comment.id)).toEqual([]);
      expect(await row(answered.comment.id)).toMatchObject({
        author_name: "",
        author_email: "",
        author_website: null,
        body: "",
        ip_hash: null,
      });
      expect((await commenterData.exportByEmail(rt.ctx, erase.email)).comments).toEqual([]);

      // The page changed at once (its cached copy was dropped): the answer keeps its place.
      const after = await app.inject({ url: `/article/${target.slug}` });
      for (const gone of ["Texte à effacer", "Effacée Moi", "efface.moi"])
        expect(after.body).not.toContain(gone);
      expect(after.body).toContain("Commentaire supprimé à la demande de son auteur.");
      expect(after.body).toContain("Réponse d’une autre.");
      const count = await rt.ctx.db
        .selectFrom("articles")
        .select("comment_count")
        .where("id", "=", target.id)
        .executeTakeFirstOrThrow();
      expect(Number(count.comment_count)).toBe(2);
    } finally {
      await app.close();
    }
  });

  it("finds and erases a commenter after the site secret changed", async () => {
    const email = "avant.le.changement@example.net";
    const first = await post(commentForm({ email: "Avant.Le.Changement@example.net" }));
    const second = await post(commentForm({ email, parent: String(first.comment.id) }));
    // The same database, as a site restarted with another KIOSQUE_SECRET sees it: the stored
    // e-mail hashes were keyed with the old one.
    const renewed = { ...rt.ctx, secret: "un-tout-autre-secret-de-plus-de-32-caracteres" };
    const found = await commenterData.exportByEmail(renewed, ` ${email.toUpperCase()} `);
    expect(found.comments.map((c) => c.id)).toEqual([first.comment.id, second.comment.id]);
    expect(await commenterData.eraseByEmail(renewed, email, "test")).toEqual({
      deleted: 2,
      blanked: 0,
      refusedForms: 0,
      bans: { deleted: 0, kept: [] },
    });
    expect(await row(first.comment.id)).toBeUndefined();
    expect((await commenterData.exportByEmail(rt.ctx, email)).comments).toEqual([]);
  });
});
