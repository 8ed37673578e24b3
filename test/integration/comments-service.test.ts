import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Invalid } from "../../src/lib/errors.js";
import { sign } from "../../src/lib/crypto.js";
import { articles } from "../../src/modules/articles/index.js";
import { comments } from "../../src/modules/comments/index.js";
import { history } from "../../src/modules/moderation/index.js";
import { setSetting } from "../../src/modules/settings/index.js";
import { testEngines } from "../helpers/engines.js";
import { commentForm, makeArticle } from "../helpers/factories.js";
import { openTestRuntime, type TestRuntime } from "../helpers/runtime.js";

describe.each(testEngines())("comments service on %s", (engine) => {
  let rt: TestRuntime;
  let article: { id: number; slug: string };

  beforeAll(async () => {
    rt = await openTestRuntime(engine);
    article = await makeArticle(rt.ctx);
  });
  afterAll(() => rt.close());

  /** A valid form from a new address each time unless told otherwise. */
  const form = (overrides: Record<string, unknown> = {}) => commentForm(overrides);
  const post = (f: Record<string, unknown>, own: number[] = [], slug = article.slug) =>
    comments.postComment(rt.ctx, { articleSlug: slug, form: f, ip: "192.0.2.7" }, own);

  async function problems(f: Record<string, unknown>) {
    try {
      await post(f);
    } catch (error) {
      if (error instanceof Invalid) return error.fields;
      throw error;
    }
    throw new Error("expected the comment to be refused");
  }

  it("holds an address's first comment, then approves its author's next once one is approved", async () => {
    const first = await post(form({ email: "habituee@example.net" }));
    expect(first.comment.status).toBe("pending");
    expect(first.reasons.map((r) => r.rule)).toEqual(["first-comment"]);
    await comments.setStatus(rt.ctx, [first.comment.id], "approved", "test");
    const second = await comments.postComment(
      rt.ctx,
      {
        articleSlug: article.slug,
        form: form({ email: "HABITUEE@example.net" }),
        ip: "192.0.2.7",
        authorToken: first.authorToken,
      },
      [],
    );
    expect(second.comment.status).toBe("approved");
    const a = await articles.publishedArticle(rt.ctx, article.slug);
    expect(a.commentCount).toBe(2);
  });

  it("holds a known address typed by someone else: knowing an e-mail is not an identity", async () => {
    const real = await post(form({ email: "connue@example.net" }));
    await comments.setStatus(rt.ctx, [real.comment.id], "approved", "test");
    const withToken = (f: Record<string, unknown>, authorToken: string | undefined) =>
      comments.postComment(
        rt.ctx,
        { articleSlug: article.slug, form: f, ip: "192.0.2.8", authorToken },
        [],
      );
    // No token, a token of their own held comment, another secret's token, a cookie's value.
    const bare = await withToken(form({ email: "connue@example.net" }), undefined);
    const own = await withToken(form({ email: "connue@example.net" }), bare.authorToken);
    const forged = await withToken(
      form({ email: "connue@example.net" }),
      `${real.comment.id}.forged`,
    );
    const cookie = await withToken(
      form({ email: "connue@example.net" }),
      sign(rt.ctx.secret, String(real.comment.id)),
    );
    for (const p of [bare, own, forged, cookie]) {
      expect(p.comment.status).toBe("pending");
      expect(p.reasons.map((r) => r.rule)).toEqual(["first-comment"]);
    }
    // The real author's token works for their address only.
    const other = await withToken(form({ email: "autre@example.net" }), real.authorToken);
    expect(other.comment.status).toBe("pending");
    const mine = await withToken(form({ email: "connue@example.net" }), real.authorToken);
    expect(mine.comment.status).toBe("approved");
  });

  it("says what is wrong with each field, in one answer", async () => {
    const p = await problems({
      name: "  ",
      email: "pas-une-adresse",
      website: "javascript:alert(1)",
      body: "x",
    });
    expect(p).toEqual({
      name: { problem: "required" },
      email: { problem: "email" },
      website: { problem: "website" },
      body: { problem: "tooShort", limit: 2 },
    });
  });

  it("refuses a name over 100 characters and a comment over 5,000, counting characters not bytes", async () => {
    expect(await problems(form({ name: "é".repeat(101) }))).toEqual({
      name: { problem: "tooLong", limit: 100 },
    });
    expect((await post(form({ name: "😀".repeat(100) }))).comment.authorName).toBe(
      "😀".repeat(100),
    );
    expect(await problems(form({ body: "a".repeat(5001) }))).toEqual({
      body: { problem: "tooLong", limit: 5000 },
    });
  });

  it("refuses a field sent twice (a list instead of a text)", async () => {
    expect(await problems(form({ name: ["a", "b"] }))).toEqual({ name: { problem: "notText" } });
  });

  it("refuses a duplicate from the same address, however it is disguised", async () => {
    const f = form({ body: "Un commentaire tout à fait ordinaire." });
    await post(f);
    expect(await problems(f)).toEqual({ body: { problem: "duplicate" } });
    for (const body of [
      "UN COMMENTAIRE tout à fait   ordinaire.",
      "Un comment\u200Baire tout à fait ordinaire.",
      "Un c\u043Emmentaire tout \u00E0 fait ordinaire.", // Cyrillic о
    ])
      expect(await problems({ ...f, body })).toEqual({ body: { problem: "duplicate" } });
  });

  it("answers a stranger who repeats someone's comment under their e-mail as any other post", async () => {
    const f = form({ email: "auteure@example.net", body: "Un avis publié, signé de son adresse." });
    const real = await post(f);
    await comments.setStatus(rt.ctx, [real.comment.id], "approved", "test");
    const from = (ip: string, authorToken?: string) =>
      comments.postComment(rt.ctx, { articleSlug: article.slug, form: f, ip, authorToken }, []);
    // Another connection, no token: held as a first comment, exactly as with a wrong guess.
    const guess = await from("198.51.100.9");
    const wrong = await comments.postComment(
      rt.ctx,
      {
        articleSlug: article.slug,
        form: { ...f, email: "autre@example.net" },
        ip: "198.51.100.10",
      },
      [],
    );
    for (const p of [guess, wrong]) {
      expect(p.comment.status).toBe("pending");
      expect(p.reasons.map((r) => r.rule)).toEqual(["first-comment"]);
    }
    // The author, from anywhere with their browser's token: a repeat of their own is refused.
    await expect(from("198.51.100.11", real.authorToken)).rejects.toMatchObject({
      code: "KIOSQUE_COMMENT_DUPLICATE",
    });
  });

  it("finds blocklisted words however they are written, and only them", async () => {
    await setSetting(rt.ctx, "comments.blocklist", '["casino"]');
    const outcome = async (body: string) => (await post(form({ body }))).reasons;
    const caught = [
      "Le meilleur c a s i n o du web",
      "Le meilleur c.a.s.i.n.o du web",
      "Le meilleur \u0441\u0430sin\u043E du web", // Cyrillic с, а, о
      "Le meilleur ca\u200Dsi\u00ADno du web", // zero-width joiner, soft hyphen
      "Les casinos de la côte",
    ];
    const clean = ["Un week-end à Cassis.", "Il y a eu un cas inouï à Lyon.", "Casimir nota."];
    const results = await Promise.all([...caught, ...clean].map(outcome));
    await setSetting(rt.ctx, "comments.blocklist", "[]");
    results
      .slice(0, caught.length)
      .forEach((reasons, i) =>
        expect(reasons, caught[i]).toContainEqual({ rule: "blocklist", detail: "casino" }),
      );
    results.slice(caught.length).forEach((reasons, i) =>
      expect(
        reasons.map((r) => r.rule),
        clean[i],
      ).not.toContain("blocklist"),
    );
  });

  it("refuses control characters in every field, keeping the text as typed otherwise", async () => {
    expect(
      await problems(
        form({
          name: "Ann\u0000e",
          email: "a\u0007@example.net",
          website: "https://a.example/\u0085",
          body: "Bonjour\u001B[31m",
        }),
      ),
    ).toEqual({
      name: { problem: "control" },
      email: { problem: "control" },
      website: { problem: "control" },
      body: { problem: "control" },
    });
    expect(await problems(form({ body: "moitié \uD800 d'emoji" }))).toEqual({
      body: { problem: "control" },
    });
    const kept = "Ligne 1\r\n\tLigne\u200B 2 ‮ ça";
    expect((await post(form({ body: kept }))).comment.body).toBe(kept);
  });

  it("sends blocklisted words to spam, accent- and case-insensitively, and logs why", async () => {
    await setSetting(rt.ctx, "comments.blocklist", '["casino"]');
    const spam = await post(form({ body: "Venez au CÂSINO en ligne" }));
    await setSetting(rt.ctx, "comments.blocklist", "[]");
    expect(spam.reasons).toContainEqual({ rule: "blocklist", detail: "casino" });
    const log = await history(rt.ctx.db, spam.comment.id);
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({ actor: "pipeline", status: "spam" });
  });

  it("treats a filled honeypot and a too-fast form as bots", async () => {
    const trap = await post(form({ homepage: "http://spam.example" }));
    expect(trap.reasons.map((r) => r.rule)).toEqual(["honeypot"]);
    // Sent twice, or once empty and once filled, the field is still filled.
    for (const homepage of [
      ["http://spam.example", "http://spam.example"],
      ["", "x"],
    ]) {
      const twice = await post(form({ homepage }));
      expect(twice.reasons.map((r) => r.rule)).toEqual(["honeypot"]);
    }
    expect((await post(form({ homepage: ["", ""] }))).reasons.map((r) => r.rule)).not.toContain(
      "honeypot",
    );
    await setSetting(rt.ctx, "comments.minFillSeconds", "3");
    const ago = (ms: number) => new Date(rt.clock.now().getTime() - ms);
    const stamp = (ms: number, id = article.id) => comments.formStamp(rt.ctx, id, ago(ms));
    const fast = await post(form({ stamp: stamp(1000) }));
    const slow = await post(form({ stamp: stamp(60_000) }));
    const stale = await post(form({ stamp: stamp(25 * 3_600_000) }));
    const forged = await post(form({ stamp: `${ago(60_000).getTime()}.forged` }));
    // A cookie signed by the site is not a stamp, nor is another article's stamp.
    const cookie = await post(form({ stamp: sign(rt.ctx.secret, String(ago(60_000).getTime())) }));
    const elsewhere = await post(form({ stamp: stamp(60_000, article.id + 1000) }));
    await setSetting(rt.ctx, "comments.minFillSeconds", "0");
    expect(fast.reasons[0]).toMatchObject({ rule: "fill-time" });
    expect(slow.reasons.map((r) => r.rule)).toEqual(["first-comment"]);
    expect(stale.reasons[0]).toEqual({ rule: "fill-time", detail: "stamp expired" });
    expect(stale.comment.status).toBe("pending");
    for (const bad of [forged, cookie, elsewhere])
      expect(bad.reasons[0]).toEqual({ rule: "fill-time", detail: "missing form stamp" });
  });

  it("holds a comment with more links than allowed", async () => {
    const held = await post(
      form({ body: "Voir https://a.example, https://b.example et www.c.example" }),
    );
    expect(held.reasons).toContainEqual({ rule: "links", detail: "3 > 2" });
  });

  it("threads replies, flattens at the depth limit and shows pending ones only to their author", async () => {
    const target = await makeArticle(rt.ctx);
    await setSetting(rt.ctx, "comments.holdFirst", "false");
    await setSetting(rt.ctx, "comments.maxDepth", "3");
    const p = (f: Record<string, unknown>, own: number[] = []) =>
      comments.postComment(rt.ctx, { articleSlug: target.slug, form: f, ip: undefined }, own);
    const root = await p(form());
    const d1 = await p(form({ parent: String(root.comment.id) }));
    const d2 = await p(form({ parent: String(d1.comment.id) }));
    const d3 = await p(form({ parent: String(d2.comment.id) }));
    expect([root, d1, d2, d3].map((c) => c.comment.depth)).toEqual([0, 1, 2, 2]);
    expect(d3.comment.parentId).toBe(d1.comment.id);
    await setSetting(rt.ctx, "comments.holdFirst", "true");
    await setSetting(rt.ctx, "comments.maxDepth", "5");
    const mine = await p(form({ parent: String(root.comment.id) }));
    expect(mine.comment.status).toBe("pending");

    const forOthers = await comments.threadPage(rt.ctx, target.id, 1);
    const ids = (t: typeof forOthers) => t.threads[0]?.replies.map((r) => r.id);
    expect(ids(forOthers)).toEqual([d1.comment.id]);
    // The author's held reply is placed under its parent, on the page everyone else sees.
    const held = await comments.heldComments(rt.ctx, target.id, [mine.comment.id]);
    const placed = comments.placeHeld(forOthers, held);
    expect(placed.replies.get(root.comment.id)?.map((c) => c.id)).toEqual([mine.comment.id]);
    expect(await comments.heldComments(rt.ctx, target.id, [d1.comment.id])).toEqual([]);
    expect(forOthers.threads[0]?.replies[0]?.replies.map((r) => r.id)).toEqual([
      d2.comment.id,
      d3.comment.id,
    ]);
  });

  it("refuses replies to comments that readers cannot see", async () => {
    const held = await post(form());
    expect(held.comment.status).toBe("pending");
    expect(await problems(form({ parent: String(held.comment.id) }))).toEqual({
      body: { problem: "unknownParent" },
    });
    expect(await problems(form({ parent: "999999" }))).toEqual({
      body: { problem: "unknownParent" },
    });
    expect(await problems(form({ parent: "1 or 1=1" }))).toEqual({
      body: { problem: "unknownParent" },
    });
  });

  it("publishes no reply where its thread does not show: under a held comment or a trashed root", async () => {
    const target = await makeArticle(rt.ctx);
    await setSetting(rt.ctx, "comments.holdFirst", "false");
    await setSetting(rt.ctx, "comments.blocklist", '["casino"]');
    const on = (f: Record<string, unknown>, own: number[] = []) =>
      comments.postComment(rt.ctx, { articleSlug: target.slug, form: f, ip: undefined }, own);
    try {
      // A reader's own comment, held (or spam: to them it looks held), answered by themself: the
      // answer is held too, whatever the rules would say, and shows to them alone.
      const spam = await on(form({ body: "Encore mon casino." }));
      expect(spam.comment.status).toBe("pending");
      const under = await on(form({ parent: String(spam.comment.id) }), [spam.comment.id]);
      expect(under.comment.status).toBe("pending");
      expect(under.reasons.map((r) => r.rule)).toEqual(["under-held"]);

      // A thread whose root went to the bin shows none of its comments: none takes a reply.
      const root = await on(form());
      const child = await on(form({ parent: String(root.comment.id) }));
      expect([root.comment.status, child.comment.status]).toEqual(["approved", "approved"]);
      await comments.setStatus(rt.ctx, [root.comment.id], "trash", "test");
      let refused: unknown;
      try {
        await on(form({ parent: String(child.comment.id) }));
      } catch (error) {
        refused = error instanceof Invalid ? error.fields : error;
      }
      expect(refused).toEqual({ body: { problem: "unknownParent" } });
      // Readers count what they can see, and the feed carries it alone.
      const a = await articles.publishedArticle(rt.ctx, target.slug);
      expect(a.commentCount).toBe(0);
      expect(await comments.latestForFeed(rt.ctx, target.id)).toEqual([]);
      await comments.setStatus(rt.ctx, [root.comment.id], "approved", "test");
      expect((await articles.publishedArticle(rt.ctx, target.slug)).commentCount).toBe(2);
      expect((await comments.latestForFeed(rt.ctx, target.id)).map((c) => c.id)).toEqual([
        child.comment.id,
        root.comment.id,
      ]);
    } finally {
      await setSetting(rt.ctx, "comments.holdFirst", "true");
      await setSetting(rt.ctx, "comments.blocklist", "[]");
    }
  });

  it("pages threads and says which page a new comment is on", async () => {
    const target = await makeArticle(rt.ctx);
    await setSetting(rt.ctx, "comments.perPage", "5");
    await setSetting(rt.ctx, "comments.holdFirst", "false");
    const posted = [];
    for (let i = 0; i < 11; i++) {
      rt.clock.advance(1000);
      posted.push(
        await comments.postComment(
          rt.ctx,
          { articleSlug: target.slug, form: form(), ip: undefined },
          [],
        ),
      );
      // The first page counts without a count while everything fits on it, and not beyond.
      const first = await comments.threadPage(rt.ctx, target.id, 1);
      expect([first.totalPages, first.threads.length, first.last]).toEqual([
        Math.ceil((i + 1) / 5),
        Math.min(i + 1, 5),
        i < 5,
      ]);
    }
    expect(posted.map((p) => p.page)).toEqual([1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 3]);
    const page2 = await comments.threadPage(rt.ctx, target.id, 2);
    expect(page2.totalPages).toBe(3);
    expect(page2.threads.map((t) => t.id)).toEqual(posted.slice(5, 10).map((p) => p.comment.id));
    await setSetting(rt.ctx, "comments.order", "newest");
    const newest = await comments.threadPage(rt.ctx, target.id, 1);
    expect(newest.threads[0]?.id).toBe(posted[10]?.comment.id);
    await setSetting(rt.ctx, "comments.order", "oldest");
    await setSetting(rt.ctx, "comments.perPage", "50");
    await setSetting(rt.ctx, "comments.holdFirst", "true");
  });

  it("closes discussions per article and after the configured number of days", async () => {
    const closed = await makeArticle(rt.ctx, { commentsOpen: false });
    await expect(post(form(), [], closed.slug)).rejects.toMatchObject({
      fields: { body: { problem: "closed" } },
    });
    const old = await makeArticle(rt.ctx, {
      publishedAt: new Date(rt.clock.now().getTime() - 10 * 86_400_000),
    });
    await post(form(), [], old.slug);
    await setSetting(rt.ctx, "comments.closeAfterDays", "7");
    await expect(post(form(), [], old.slug)).rejects.toMatchObject({
      code: "KIOSQUE_COMMENTS_CLOSED",
    });
    await setSetting(rt.ctx, "comments.closeAfterDays", "0");
  });

  it("stores the e-mail for staff but never hands it to readers", async () => {
    const posted = await post(form({ email: "secret.lectrice@example.net" }));
    expect(JSON.stringify(posted.comment)).not.toContain("secret.lectrice");
    const staff = await comments.listForStaff(rt.ctx, "pending", 500);
    expect(staff.find((c) => c.id === posted.comment.id)?.author_email).toBe(
      "secret.lectrice@example.net",
    );
  });
});
