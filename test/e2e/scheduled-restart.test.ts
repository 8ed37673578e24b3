import type { Browser } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config/index.js";
import { createLogger } from "../../src/lib/logger.js";
import { editing } from "../../src/modules/articles/index.js";
import { openRuntime } from "../../src/runtime.js";
import { launchBrowser, readers } from "../helpers/browser.js";
import { startServer, type RunningServer } from "../helpers/server.js";

/** Past the job's period (5 s) and a slow start: a publication not seen by then is missed. */
const SEEN_WITHIN_MS = 20_000;

/**
 * A scheduled article goes live even when no server was running at its time: the production
 * server is stopped before the article is due and started again after, and a reader in Chromium
 * finds it published, once.
 */
describe("a scheduled article and a restart", () => {
  let first: RunningServer;
  let second: RunningServer | undefined;
  let browser: Browser;
  let people: ReturnType<typeof readers>;

  beforeAll(async () => {
    first = await startServer();
    await first.cli(
      "user",
      "create",
      "--email",
      "planning@redaction.example",
      "--password",
      "un mot de passe solide",
      "--role",
      "editor",
    );
    browser = await launchBrowser();
    people = readers(browser, first.url);
  });
  afterEach(() => people.closeAll());
  afterAll(async () => {
    await browser?.close();
    await second?.stop();
    await first?.stop();
  });

  it("is published after the restart, and readers see it", async () => {
    // The newsroom's own service, on the server's database, as the edit form calls it: a time
    // to the second (the form takes minutes), so the test waits seconds, not a minute.
    const runtime = await openRuntime(loadConfig({ KIOSQUE_DATA_DIR: first.dataDir }), {
      log: createLogger({ logLevel: "silent" }),
    });
    let slug: string;
    let due: Date;
    try {
      const { ctx } = runtime;
      const editor = await ctx.db
        .selectFrom("users")
        .select(["id", "role"])
        .where("email", "=", "planning@redaction.example")
        .executeTakeFirstOrThrow();
      const section = await ctx.db.selectFrom("categories").select("id").executeTakeFirstOrThrow();
      const id = await editing.createDraft(ctx, editor, {
        title: "Marée d’équinoxe au petit jour",
        standfirst: "",
        slug: "",
        body: "<p>La mer monte.</p>",
        section: String(section.id),
        tags: "",
        authors: [String(editor.id)],
        comments_open: "1",
      });
      due = new Date(Date.now() + 4000);
      await editing.act(ctx, editor, id, "schedule", due);
      slug = (await editing.editable(ctx, editor, id)).fields.slug;
    } finally {
      await runtime.close();
    }
    const { page } = await people.open({ allowConsole: [/status of 404/] });
    expect((await page.goto(`/article/${slug}`))?.status()).toBe(404);

    await first.kill("SIGTERM");
    // Down through the time it was due.
    await new Promise((resolve) =>
      setTimeout(resolve, Math.max(0, due.getTime() - Date.now()) + 1000),
    );
    second = await startServer({ dataDir: first.dataDir });
    const deadline = Date.now() + SEEN_WITHIN_MS;
    let status = 0;
    while (Date.now() < deadline) {
      const res = await fetch(`${second.url}/article/${slug}`);
      status = res.status;
      if (status === 200) break;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    expect(status).toBe(200);
    const reader = readers(browser, second.url);
    try {
      const { page: after } = await reader.open();
      await after.goto(`/article/${slug}`);
      await expect(after.locator("h1").textContent()).resolves.toBe(
        "Marée d’équinoxe au petit jour",
      );
    } finally {
      await reader.closeAll();
    }
  });
});
