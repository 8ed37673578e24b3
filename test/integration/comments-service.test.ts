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

  it("holds an address's first comment, then approves its next once one is approved", async () => {
    const first = await post(form({ email: "habituee@example.net" }));
    expect(first.comment.status).toBe("pending");
    expect(first.reasons.map((r) => r.rule)).toEqual(["first-comment"]);
    await comments.setStatus(rt.ctx, [first.comment.id], "approved", "test");
    const second = await post(form({ email: "HABITUEE@example.net" }));
    expect(second.comment.status).toBe("approved");
    const a = await articles.publishedArticle(rt.ctx, article.slug);
    expect(a.commentCount).toBe(2);
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
      website: { problem: "url" },
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

  it("refuses an exact duplicate from the same address", async () => {
    const f = form();
    await post(f);
    expect(await problems(f)).toEqual({ body: { problem: "duplicate" } });
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
    await setSetting(rt.ctx, "comments.minFillSeconds", "3");
    const stamp = sign(rt.ctx.secret, String(rt.clock.now().getTime() - 1000));
    const fast = await post(form({ stamp }));
    const slowStamp = sign(rt.ctx.secret, String(rt.clock.now().getTime() - 60_000));
    const slow = await post(form({ stamp: slowStamp }));
    const forged = await post(form({ stamp: `${rt.clock.now().getTime() - 60_000}.forged` }));
    await setSetting(rt.ctx, "comments.minFillSeconds", "0");
    expect(fast.reasons[0]).toMatchObject({ rule: "fill-time" });
    expect(slow.reasons.map((r) => r.rule)).toEqual(["first-comment"]);
    expect(forged.reasons[0]).toMatchObject({ rule: "fill-time", detail: "missing form stamp" });
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

  it("pages threads and says which page a new comment is on", async () => {
    const target = await makeArticle(rt.ctx);
    await setSetting(rt.ctx, "comments.perPage", "5");
    await setSetting(rt.ctx, "comments.holdFirst", "false");
    const posted = [];
    for (let i = 0; i < 7; i++) {
      rt.clock.advance(1000);
      posted.push(
        await comments.postComment(
          rt.ctx,
          { articleSlug: target.slug, form: form(), ip: undefined },
          [],
        ),
      );
    }
    expect(posted.map((p) => p.page)).toEqual([1, 1, 1, 1, 1, 2, 2]);
    const page2 = await comments.threadPage(rt.ctx, target.id, 2);
    expect(page2.totalPages).toBe(2);
    expect(page2.threads.map((t) => t.id)).toEqual(posted.slice(5).map((p) => p.comment.id));
    await setSetting(rt.ctx, "comments.order", "newest");
    const newest = await comments.threadPage(rt.ctx, target.id, 1);
    expect(newest.threads[0]?.id).toBe(posted[6]?.comment.id);
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
