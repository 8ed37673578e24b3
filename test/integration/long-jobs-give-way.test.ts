import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { commenterData } from "../../src/modules/comments/index.js";
import { desk } from "../../src/modules/desk/index.js";
import { testEngines } from "../helpers/engines.js";
import { seedComments, statusOf } from "../helpers/desk.js";
import { makeArticle } from "../helpers/factories.js";
import { openTestRuntime, type TestRuntime } from "../helpers/runtime.js";
import { makeStaff } from "../helpers/staff.js";

const DAY_MS = 86_400_000;

/**
 * Runs `job` and tells whether the event loop had a turn before it ended. A request, a timer or
 * a signal waits for such a turn: on SQLite, whose driver answers at once, a job that never gives
 * one holds the whole process until it ends (the old-spam job kept a server from listening).
 */
async function givesWay<T>(job: () => Promise<T>): Promise<{ result: T; turned: boolean }> {
  let ended = false;
  let turned = false;
  setImmediate(() => {
    turned = !ended;
  });
  const result = await job();
  ended = true;
  return { result, turned };
}

describe.each(testEngines())("long jobs give way between batches on %s", (engine) => {
  let rt: TestRuntime;

  beforeAll(async () => {
    rt = await openTestRuntime(engine);
  });
  afterAll(() => rt.close());

  it("forgets old spam a batch at a time, letting requests in between", async () => {
    const article = await makeArticle(rt.ctx);
    // More than two batches of the job's 200, old enough to go.
    const spam = await seedComments(rt.ctx, article.id, 450, { status: "spam" });
    const { result, turned } = await givesWay(() =>
      commenterData.forgetSpamBefore(rt.ctx, new Date(rt.clock.now().getTime() + DAY_MS)),
    );
    expect(result).toBe(450);
    expect(turned).toBe(true);
    for (const id of [spam[0]!, spam[449]!]) expect(await statusOf(rt.ctx, id)).toBeUndefined();
  });

  it("forgets old client addresses a batch at a time, the newer ones kept", async () => {
    const article = await makeArticle(rt.ctx);
    // Published ones: the moderation queue below stays the next test's own.
    const seeded = await seedComments(rt.ctx, article.id, commenterData.ADDRESS_BATCH + 20, {
      status: "approved",
    });
    await rt.ctx.db
      .updateTable("comments")
      .set((eb) => ({ ip_hash: eb.ref("author_email"), client_key: eb.ref("author_email") }))
      .where("article_id", "=", article.id)
      .execute();
    const hashOf = async (id: number) =>
      (
        await rt.ctx.db
          .selectFrom("comments")
          .select(["ip_hash", "client_key"])
          .where("id", "=", id)
          .executeTakeFirstOrThrow()
      ).ip_hash;
    // seedComments writes one a minute, oldest first: the cut leaves the last ten.
    const cut = commenterData.ADDRESS_BATCH + 10;
    const first = (
      await rt.ctx.db
        .selectFrom("comments")
        .select("created_at")
        .where("id", "=", seeded[cut]!)
        .executeTakeFirstOrThrow()
    ).created_at;
    const { result, turned } = await givesWay(() =>
      commenterData.forgetAddressesBefore(rt.ctx, new Date(first)),
    );
    expect(result).toBe(cut);
    expect(turned).toBe(true);
    for (const id of [seeded[0]!, seeded[cut - 1]!]) expect(await hashOf(id)).toBeNull();
    expect(await hashOf(seeded[cut]!)).not.toBeNull();
  });

  it("moves a whole queue, and a long selection, a batch at a time", async () => {
    const m = await makeStaff(rt.ctx, "moderator");
    const moderator = { id: m.id, role: "moderator" as const };
    const article = await makeArticle(rt.ctx);
    const queued = await seedComments(rt.ctx, article.id, desk.BULK_BATCH + 20);
    const wholeQueue = await givesWay(() =>
      desk.actOnQueue(rt.ctx, moderator, { status: "pending" }, queued.at(-1)!, "spam"),
    );
    expect(wholeQueue.result).toBe(desk.BULK_BATCH + 20);
    expect(wholeQueue.turned).toBe(true);

    const selection = await givesWay(() => desk.act(rt.ctx, moderator, queued, "approve"));
    expect(selection.result).toHaveLength(desk.BULK_BATCH + 20);
    expect(selection.turned).toBe(true);
    expect(await statusOf(rt.ctx, queued.at(-1)!)).toBe("approved");
  });
});
