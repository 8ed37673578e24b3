import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { publishDue, schedulePublishScheduled } from "../../src/jobs/publish-scheduled.js";
import { editing } from "../../src/modules/articles/index.js";
import { openRuntime, type Runtime } from "../../src/runtime.js";
import { testEngines } from "../helpers/engines.js";
import { makeCategory } from "../helpers/factories.js";
import { openTestApp, type TestApp } from "../helpers/runtime.js";
import { makeStaff } from "../helpers/staff.js";

const HOUR = 3_600_000;

async function eventually(check: () => Promise<boolean>, ms = 5000): Promise<boolean> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (await check()) return true;
    await new Promise((r) => setTimeout(r, 25));
  }
  return check();
}

/**
 * Scheduled articles with several instances on one database: each stands for a server (its own
 * runtime, pool and change feed), sharing the test's clock.
 */
describe.each(testEngines())("scheduled publishing on %s", (engine) => {
  let t: TestApp;
  let section: string;
  let editor: { id: number; role: "editor" };

  beforeAll(async () => {
    t = await openTestApp(engine);
    const { slug } = await makeCategory(t.ctx, "Culture");
    section = String((await editing.sections(t.ctx)).find((s) => s.slug === slug)?.id);
    editor = { id: (await makeStaff(t.ctx, "editor")).id, role: "editor" };
  });
  afterAll(() => t.close());

  const another = () => openRuntime(t.ctx.config, { log: t.ctx.log, clock: t.clock });

  async function scheduled(title: string, inMs: number): Promise<number> {
    const id = await editing.createDraft(t.ctx, editor, {
      title,
      body: `<p>${title}</p>`,
      section,
      authors: [String(editor.id)],
    });
    await editing.act(t.ctx, editor, id, "schedule", new Date(t.clock.now().getTime() + inMs));
    return id;
  }
  const home = async () => (await t.app.inject({ url: "/" })).body;

  it("publishes once however many instances ask at once, and every instance's cache hears it", async () => {
    const id = await scheduled("Ouverture du festival", HOUR);
    expect(await home()).not.toContain("Ouverture du festival");
    await home();
    // The home page is now in this instance's cache (kept from its second render), without the
    // article.
    expect((await t.app.inject({ url: "/" })).headers["x-kiosque-cache"]).toBe("hit");
    const others: Runtime[] = [await another(), await another()];
    try {
      expect(await publishDue(others[0]!.ctx)).toEqual([]);
      t.clock.advance(HOUR);
      // Every instance at once. On SQLite, runtimes in one test process cannot wait for each
      // other (better-sqlite3 waits for a lock synchronously, holding up the event loop the
      // lock's holder needs to commit), so there each instance asks twice at once, in turn; real
      // instances are processes, and SQLite serialises their writes.
      const ask = (rt: Runtime) => Promise.all([publishDue(rt.ctx), publishDue(rt.ctx)]);
      const runs =
        engine === "sqlite"
          ? [await ask(others[0]!), await ask(others[1]!)]
          : await Promise.all(others.map(ask));
      expect(runs.flat(2)).toEqual([id]);
      expect(await eventually(async () => (await home()).includes("Ouverture du festival"))).toBe(
        true,
      );
    } finally {
      await Promise.all(others.map((o) => o.close()));
    }
  });

  it("publishes what came due while no process ran, as soon as one starts", async () => {
    const stopped = await another();
    const id = await scheduled("Concert de minuit", 2 * HOUR);
    await stopped.close();
    t.clock.advance(3 * HOUR);
    // A restart: a new process on the same database, its job started as server.ts starts it.
    const restarted = await another();
    const stop = schedulePublishScheduled(restarted.ctx);
    try {
      expect(
        await eventually(
          async () => (await editing.editable(t.ctx, editor, id)).status === "published",
        ),
      ).toBe(true);
      expect(await eventually(async () => (await home()).includes("Concert de minuit"))).toBe(true);
      expect(await publishDue(restarted.ctx)).toEqual([]);
    } finally {
      stop();
      await restarted.close();
    }
  });
});
