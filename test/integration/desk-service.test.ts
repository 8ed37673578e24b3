import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Forbidden, Invalid } from "../../src/lib/errors.js";
import { OPERATOR, type Actor } from "../../src/modules/accounts/index.js";
import { articles } from "../../src/modules/articles/index.js";
import { journal as journalService } from "../../src/modules/journal/index.js";
import { commenterData, comments } from "../../src/modules/comments/index.js";
import { desk } from "../../src/modules/desk/index.js";
import { history } from "../../src/modules/moderation/index.js";
import { testEngines } from "../helpers/engines.js";
import { journal, seedComments, statusOf } from "../helpers/desk.js";
import { makeArticle } from "../helpers/factories.js";
import { openTestRuntime, type TestRuntime } from "../helpers/runtime.js";
import { makeStaff } from "../helpers/staff.js";

async function refusal(work: Promise<unknown>) {
  try {
    await work;
  } catch (error) {
    if (error instanceof Invalid) return error.fields;
    throw error;
  }
  throw new Error("expected a refusal");
}

describe.each(testEngines())("moderation desk service on %s", (engine) => {
  let rt: TestRuntime;
  let moderator: Actor & { name: string; email: string };
  let admin: Actor;

  beforeAll(async () => {
    rt = await openTestRuntime(engine);
    const m = await makeStaff(rt.ctx, "moderator", "Mona Modère");
    moderator = { id: m.id, role: "moderator", name: "Mona Modère", email: m.email };
    const a = await makeStaff(rt.ctx, "admin");
    admin = { id: a.id, role: "admin" };
  });
  afterAll(() => rt.close());

  it("counts each queue, narrows to an article, and pages newest first", async () => {
    const article = await makeArticle(rt.ctx);
    const other = await makeArticle(rt.ctx);
    const pending = await seedComments(rt.ctx, article.id, 55);
    await seedComments(rt.ctx, article.id, 3, { status: "spam" });
    await seedComments(rt.ctx, other.id, 2);
    const first = await desk.queue(
      rt.ctx,
      moderator,
      { status: "pending", articleId: article.id },
      1,
    );
    expect(first.counts.pending).toEqual({ n: 55, capped: false });
    expect(first.counts.spam).toEqual({ n: 3, capped: false });
    expect(first.counts.approved.n).toBe(0);
    expect(first.matching).toEqual({ n: 55, capped: false });
    expect(first.comments).toHaveLength(50);
    expect(first.hasNext).toBe(true);
    // Newest first; the mark for a bulk action is the newest shown.
    expect(first.comments[0]?.id).toBe(pending.at(-1));
    expect(first.newest?.id).toBe(pending.at(-1));
    const second = await desk.queue(
      rt.ctx,
      moderator,
      { status: "pending", articleId: article.id },
      2,
    );
    expect(second.comments.map((c) => c.id)).toEqual(pending.slice(0, 5).reverse());
    expect(second.hasNext).toBe(false);
    // The whole site's queue holds the other article's too.
    const all = await desk.queue(rt.ctx, moderator, { status: "pending" }, 1);
    expect(all.counts.pending.n).toBeGreaterThanOrEqual(57);
  });

  it("searches by author, address, text, article title and number", async () => {
    const article = await makeArticle(rt.ctx, { title: "Le budget des Zorglubs" });
    const [byName, byText, byMail] = await seedComments(rt.ctx, article.id, 3, {
      name: (i) => ["Hortense Quidam", "Paul", "Jeanne"][i] ?? "",
      body: (i) => ["Bonjour.", "Un avis sur la Pétanque_50% !", "Merci."][i] ?? "",
      email: (i) => ["h@example.net", "p@example.net", "Jeanne.Unique@Example.net"][i] ?? "",
    });
    const find = async (q: string) =>
      (await desk.queue(rt.ctx, moderator, { status: "pending", q }, 1)).comments.map((c) => c.id);
    expect(await find("hortense")).toEqual([byName]);
    expect(await find("PÉTANQUE_50%")).toEqual([byText]);
    expect(await find("tanque_50%")).toEqual([byText]);
    // LIKE's wildcards are taken literally: "_" and "%" match only themselves.
    expect(await find("tanque-50")).toEqual([]);
    expect(await find("jeanne.unique@example.net")).toEqual([byMail]);
    expect((await find("zorglubs")).sort()).toEqual([byName, byText, byMail].sort());
    expect(await find(`#${byText}`)).toEqual([byText]);
    const fields = await refusal(
      desk.queue(rt.ctx, moderator, { status: "pending", q: "a\u0000b" }, 1),
    );
    expect(fields).toEqual({ q: { problem: "control" } });
    expect(
      await refusal(desk.queue(rt.ctx, moderator, { status: "pending", q: "x".repeat(201) }, 1)),
    ).toEqual({
      q: { problem: "tooLong", limit: 200 },
    });
  });

  it("approves, marks as spam, bins and restores: logged, journaled, counted again", async () => {
    const article = await makeArticle(rt.ctx);
    const [a, b] = await seedComments(rt.ctx, article.id, 2);
    const moved = await desk.act(rt.ctx, moderator, [a!, b!], "approve");
    expect(moved.map((m) => [m.id, m.from, m.to])).toEqual([
      [a, "pending", "approved"],
      [b, "pending", "approved"],
    ]);
    expect((await articles.publishedArticle(rt.ctx, article.slug)).commentCount).toBe(2);
    // Again: nothing moves, nothing is journaled twice.
    expect(await desk.act(rt.ctx, moderator, [a!], "approve")).toEqual([]);
    await desk.act(rt.ctx, moderator, [a!], "trash");
    await desk.act(rt.ctx, moderator, [b!], "spam");
    expect((await articles.publishedArticle(rt.ctx, article.slug)).commentCount).toBe(0);
    // Restored to what they were before: approved (b was approved before spam).
    await desk.act(rt.ctx, moderator, [a!, b!], "restore");
    expect(await statusOf(rt.ctx, a!)).toBe("approved");
    expect(await statusOf(rt.ctx, b!)).toBe("approved");
    expect((await articles.publishedArticle(rt.ctx, article.slug)).commentCount).toBe(2);
    const log = await history(rt.ctx.db, a!);
    expect(log.map((l) => [l.actor, l.status])).toEqual([
      ["test", "pending"],
      [`user:${moderator.id}`, "approved"],
      [`user:${moderator.id}`, "trash"],
      [`user:${moderator.id}`, "approved"],
    ]);
    const entries = (await journal(rt.ctx)).filter(
      (e) => e.target_id === String(a) || e.target_id === String(b),
    );
    expect(entries.map((e) => [e.actor_id, e.action, e.target_type, e.target_id])).toEqual([
      [moderator.id, "comment.approve", "comment", String(a)],
      [moderator.id, "comment.approve", "comment", String(b)],
      [moderator.id, "comment.trash", "comment", String(a)],
      [moderator.id, "comment.spam", "comment", String(b)],
      [moderator.id, "comment.restore", "comment", String(a)],
      [moderator.id, "comment.restore", "comment", String(b)],
    ]);
    expect(JSON.parse(entries[2]!.details)).toEqual({
      from: "approved",
      to: "trash",
      article: article.id,
    });
    // A comment the pipeline called spam at once goes back to the held queue.
    const [spam] = await seedComments(rt.ctx, article.id, 1, { status: "spam" });
    await desk.act(rt.ctx, moderator, [spam!], "restore");
    expect(await statusOf(rt.ctx, spam!)).toBe("pending");
  });

  it("refuses an unknown comment (nothing changes) and people who may not moderate", async () => {
    const article = await makeArticle(rt.ctx);
    const [a] = await seedComments(rt.ctx, article.id, 1);
    const before = (await journal(rt.ctx)).length;
    await expect(desk.act(rt.ctx, moderator, [a!, 999_999], "approve")).rejects.toMatchObject({
      code: "KIOSQUE_NOT_FOUND",
    });
    expect(await statusOf(rt.ctx, a!)).toBe("pending");
    await expect(
      desk.act(rt.ctx, { id: 1, role: "author" }, [a!], "approve"),
    ).rejects.toBeInstanceOf(Forbidden);
    expect((await journal(rt.ctx)).length).toBe(before);
  });

  it("bulk: the whole filtered queue, as shown, in batches, never what came after", async () => {
    const article = await makeArticle(rt.ctx, { title: "Lot unique" });
    const keep = await seedComments(rt.ctx, article.id, 3, { body: () => "rien à voir" });
    const wanted = await seedComments(rt.ctx, article.id, 7, { body: (i) => `fromage ${i}` });
    const shown = await desk.queue(rt.ctx, moderator, { status: "pending", q: "fromage" }, 1);
    expect(shown.matching.n).toBe(7);
    // One arrives after the moderator looked: "the whole queue" does not take it.
    rt.clock.set(new Date(rt.clock.now().getTime() + 60_000));
    const [late] = await seedComments(rt.ctx, article.id, 1, { body: () => "fromage tardif" });
    rt.clock.set(new Date(rt.clock.now().getTime() + 60_000));
    const n = await desk.actOnQueue(
      rt.ctx,
      moderator,
      { status: "pending", q: "fromage" },
      shown.newest!.id,
      "approve",
    );
    expect(n).toBe(7);
    for (const id of wanted) expect(await statusOf(rt.ctx, id)).toBe("approved");
    for (const id of keep) expect(await statusOf(rt.ctx, id)).toBe("pending");
    expect(await statusOf(rt.ctx, late!)).toBe("pending");
    expect((await articles.publishedArticle(rt.ctx, article.slug)).commentCount).toBe(7);
    const approvals = (await journal(rt.ctx)).filter(
      (e) => e.action === "comment.approve" && wanted.includes(Number(e.target_id)),
    );
    expect(approvals).toHaveLength(7);
  });

  it("bulk: more comments than a batch, a selection of them", async () => {
    const article = await makeArticle(rt.ctx);
    const ids = await seedComments(rt.ctx, article.id, 520);
    const moved = await desk.act(rt.ctx, moderator, ids, "spam");
    expect(moved).toHaveLength(520);
    const spam = await rt.ctx.db
      .selectFrom("comments")
      .select((eb) => eb.fn.countAll().as("n"))
      .where("article_id", "=", article.id)
      .where("status", "=", "spam")
      .executeTakeFirstOrThrow();
    expect(Number(spam.n)).toBe(520);
  });

  it("edits a comment and keeps what it said before, in its history and the journal", async () => {
    const article = await makeArticle(rt.ctx);
    const [id] = await seedComments(rt.ctx, article.id, 1, {
      name: () => "Avant",
      body: () => "Texte d’origine.",
    });
    const fields = await desk.edit(rt.ctx, moderator, id!, {
      name: "Après",
      website: "https://exemple.fr",
      body: "Texte modéré.",
    });
    expect(fields).toEqual(["name", "website", "body"]);
    const page = await desk.queue(rt.ctx, moderator, { status: "pending", q: `#${id}` }, 1);
    const shown = page.comments[0]!;
    expect([shown.authorName, shown.authorWebsite, shown.body]).toEqual([
      "Après",
      "https://exemple.fr",
      "Texte modéré.",
    ]);
    expect(shown.edits).toEqual([
      expect.objectContaining({
        by: moderator.id,
        name: "Avant",
        website: null,
        body: "Texte d’origine.",
      }),
    ]);
    expect(shown.log.at(-1)?.reasons).toEqual([{ rule: "edit", detail: "name,website,body" }]);
    const entry = (await journal(rt.ctx)).at(-1)!;
    expect([entry.action, entry.target_id, JSON.parse(entry.details)]).toEqual([
      "comment.edit",
      String(id),
      { fields: ["name", "website", "body"], article: article.id },
    ]);
    // The journal holds no words of the comment.
    expect(entry.details).not.toContain("Texte");
    // The same values again: nothing written.
    expect(
      await desk.edit(rt.ctx, moderator, id!, {
        name: "Après",
        website: "https://exemple.fr",
        body: "Texte modéré.",
      }),
    ).toEqual([]);
    expect(
      await refusal(desk.edit(rt.ctx, moderator, id!, { name: "", website: "ftp://x", body: "" })),
    ).toEqual({
      name: { problem: "required" },
      website: { problem: "website" },
      body: { problem: "required" },
    });
  });

  it("answers as the newsroom: published, badged, and a held comment approved first", async () => {
    const article = await makeArticle(rt.ctx);
    const [held] = await seedComments(rt.ctx, article.id, 1);
    const done = await desk.reply(rt.ctx, moderator, held!, { body: "Merci, nous corrigeons." });
    expect(done.approvedParent).toBe(true);
    expect(await statusOf(rt.ctx, held!)).toBe("approved");
    const page = await comments.threadPage(rt.ctx, article.id, 1);
    const reply = page.threads[0]?.replies[0];
    expect(reply).toMatchObject({ id: done.id, staff: true, authorName: "Mona Modère" });
    expect(page.threads[0]?.staff).toBe(false);
    const actions = (await journal(rt.ctx)).slice(-2).map((e) => [e.action, e.target_id]);
    expect(actions).toEqual([
      ["comment.approve", String(held)],
      ["comment.reply", String(done.id)],
    ]);
    const [spam] = await seedComments(rt.ctx, article.id, 1, { status: "spam" });
    expect(await refusal(desk.reply(rt.ctx, moderator, spam!, { body: "Non." }))).toEqual({
      body: { problem: "notPublished" },
    });
    expect(await refusal(desk.reply(rt.ctx, moderator, held!, { body: " " }))).toEqual({
      body: { problem: "required" },
    });
  });

  it("features published comments first under the article, and takes them back", async () => {
    const article = await makeArticle(rt.ctx);
    const [a, b] = await seedComments(rt.ctx, article.id, 2, { status: "approved" });
    const [held] = await seedComments(rt.ctx, article.id, 1);
    expect(await desk.feature(rt.ctx, moderator, b!, true)).toBe(true);
    expect(await desk.feature(rt.ctx, moderator, b!, true)).toBe(false);
    expect(await refusal(desk.feature(rt.ctx, moderator, held!, true))).toEqual({
      comment: { problem: "notPublished" },
    });
    let page = await comments.threadPage(rt.ctx, article.id, 1);
    expect(page.featured.map((c) => c.id)).toEqual([b]);
    // Binned, it leaves the featured list without anyone taking it back.
    await desk.act(rt.ctx, moderator, [b!], "trash");
    page = await comments.threadPage(rt.ctx, article.id, 1);
    expect(page.featured).toEqual([]);
    await desk.feature(rt.ctx, moderator, a!, true);
    await desk.feature(rt.ctx, moderator, a!, false);
    expect((await comments.threadPage(rt.ctx, article.id, 1)).featured).toEqual([]);
    const actions = (await journal(rt.ctx)).filter((e) => e.action.endsWith("feature"));
    expect(actions.map((e) => [e.action, e.target_id]).slice(-3)).toEqual([
      ["comment.feature", String(b)],
      ["comment.feature", String(a)],
      ["comment.unfeature", String(a)],
    ]);
  });

  it("journals the command line as the operator", async () => {
    const article = await makeArticle(rt.ctx);
    const [a] = await seedComments(rt.ctx, article.id, 1);
    await desk.act(rt.ctx, { ...OPERATOR, via: "cli:alice" }, [a!], "approve");
    const entry = (await journal(rt.ctx)).at(-1)!;
    expect([entry.actor_id, entry.action]).toEqual([0, "comment.approve"]);
    expect((await history(rt.ctx.db, a!)).at(-1)?.actor).toBe("cli:alice");
  });

  it("lists the journal for admins, filtered by person, action and the site's days", async () => {
    const page = await journalService.list(rt.ctx, admin, {
      person: String(moderator.id),
      page: 1,
    });
    expect(page.entries.length).toBeGreaterThan(5);
    expect(page.entries.every((e) => e.actorId === moderator.id)).toBe(true);
    const edits = await journalService.list(rt.ctx, admin, { action: "comment.edit", page: 1 });
    expect(edits.entries.map((e) => e.action)).toEqual(["comment.edit"]);
    // The test clock is 2026-08-30 (Paris): that day holds everything; the next day nothing.
    const today = await journalService.list(rt.ctx, admin, {
      from: "2026-08-30",
      to: "2026-08-30",
      page: 1,
    });
    expect(today.entries.length).toBe(Math.min(50, (await journal(rt.ctx)).length));
    const tomorrow = await journalService.list(rt.ctx, admin, { from: "2026-08-31", page: 1 });
    expect(tomorrow.entries).toEqual([]);
    // Newest first, fifty a page.
    const all = await journal(rt.ctx);
    const first = await journalService.list(rt.ctx, admin, { page: 1 });
    expect(first.entries[0]?.id).toBe(all.at(-1)?.id);
    expect(first.hasNext).toBe(all.length > 50);
    await expect(journalService.list(rt.ctx, moderator, { page: 1 })).rejects.toBeInstanceOf(
      Forbidden,
    );
    await expect(
      journalService.list(rt.ctx, admin, { from: "2026-02-30", page: 1 }),
    ).rejects.toMatchObject({
      code: "KIOSQUE_JOURNAL_INVALID",
      fields: { from: { problem: "choice" } },
    });
  });

  it("erases the originals of edits with the comment (GDPR erasure)", async () => {
    const article = await makeArticle(rt.ctx);
    const [id] = await seedComments(rt.ctx, article.id, 1, {
      email: () => "efface-moi@example.net",
      body: () => "Mes mots d’origine.",
    });
    await desk.edit(rt.ctx, moderator, id!, { name: "Nom", website: "", body: "Modéré." });
    await commenterData.eraseByEmail(rt.ctx, "efface-moi@example.net", "test");
    expect(
      await rt.ctx.db
        .selectFrom("comment_edits")
        .selectAll()
        .where("comment_id", "=", id!)
        .execute(),
    ).toEqual([]);
    expect(await statusOf(rt.ctx, id!)).toBeUndefined();
  });
});
