import type { LightMyRequestResponse } from "fastify";
import { sql } from "kysely";
import { pino } from "pino";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { buildApp } from "../../src/app.js";
import { loadConfig } from "../../src/config/index.js";
import { fixedClock } from "../../src/lib/clock.js";
import { setSetting } from "../../src/modules/settings/index.js";
import { messages } from "../../src/web/i18n/index.js";
import { openRuntime, type Runtime } from "../../src/runtime.js";
import * as images from "../fixtures/media/images.js";
import { testEngines } from "../helpers/engines.js";
import { commentForm, countComments, makeArticle } from "../helpers/factories.js";
import { formBody } from "../helpers/http.js";
import { multipartBody } from "../helpers/multipart.js";
import { testAssetsDir } from "../helpers/paths.js";
import { makeTestDatabase, T0, type TestDatabase } from "../helpers/runtime.js";
import { makeStaff, signedIn, signInForm, type StaffMember } from "../helpers/staff.js";

/** What a refused form says on its main field: nothing saved, the text kept, the wait. */
const notSaved = messages("fr").problems.notSaved(60);

interface LogLine {
  level: number;
  msg: string;
  err?: { code?: string; message?: string };
}

/**
 * SQLite made full as a full disk makes it, on the site's own connection (a pragma does not carry
 * over to another one): `max_page_count` at the database's present size, so that any write
 * needing one more page fails with SQLITE_FULL, through the same driver, transaction and error
 * handling as a write to a full disk. Writes that fit in the pages already there still succeed,
 * as on a disk with a little room left: each test writes until the site refuses.
 */
async function fill(runtime: Runtime): Promise<void> {
  const { rows } = await sql<{ page_count: number }>`pragma page_count`.execute(runtime.ctx.db);
  await sql.raw(`pragma max_page_count = ${rows[0]?.page_count ?? 0}`).execute(runtime.ctx.db);
}

/** Space freed: SQLite's own default, far beyond anything a test writes. */
async function free(runtime: Runtime): Promise<void> {
  await sql.raw("pragma max_page_count = 1073741823").execute(runtime.ctx.db);
}

/** Sends `request` (a new one each time) until the site stops taking it; that last answer. */
async function untilRefused(
  request: () => Promise<LightMyRequestResponse>,
  taken: (res: LightMyRequestResponse) => boolean,
): Promise<LightMyRequestResponse> {
  for (let i = 0; i < 500; i++) {
    const res = await request();
    if (!taken(res)) return res;
  }
  throw new Error("the site took 500 writes on a full database");
}

describe.skipIf(!testEngines().includes("sqlite"))("a SQLite database whose disk is full", () => {
  let database: TestDatabase;
  let runtime: Runtime;
  let app: Awaited<ReturnType<typeof buildApp>>;
  let article: { slug: string };
  let staff: { email: string; password: string };
  let editor: StaffMember;
  const logs: LogLine[] = [];

  beforeAll(async () => {
    database = await makeTestDatabase("sqlite");
    const log = pino(
      { level: "info" },
      { write: (line: string) => void logs.push(JSON.parse(line) as LogLine) },
    );
    runtime = await openRuntime(
      {
        ...loadConfig({ KIOSQUE_DATA_DIR: database.dataDir, LOG_LEVEL: "info" }),
        database: database.database,
      },
      { clock: fixedClock(T0), log },
    );
    // As openTestRuntime: forms posted at once, from one address, without limits.
    await setSetting(runtime.ctx, "comments.minFillSeconds", "0");
    await setSetting(runtime.ctx, "comments.burstMax", "0");
    await setSetting(runtime.ctx, "rateLimit.comments.max", "0");
    app = await buildApp(runtime, { assetsDir: testAssetsDir });
    article = await makeArticle(runtime.ctx);
    staff = await makeStaff(runtime.ctx, "author");
    editor = await signedIn(app, runtime.ctx, "editor");
  });
  afterAll(async () => {
    await app?.close();
    await runtime?.close();
    await database?.drop();
  });
  beforeEach(async () => {
    await fill(runtime);
    logs.length = 0;
  });

  /** The refusal's log: one error, with the database's own error as its cause, and no 500. */
  function expectLoggedOnce() {
    const errors = logs.filter((l) => l.level >= 50);
    expect(errors).toHaveLength(1);
    expect(errors[0]?.msg).toContain("disk is full");
    expect(errors[0]?.err?.code).toBe("SQLITE_FULL");
  }

  /** The form again, 503: the typed text kept, the refusal said on its main field, not a 500. */
  function expectFormKept(res: LightMyRequestResponse, typed: string) {
    expect(res.statusCode).toBe(503);
    expect(res.headers["retry-after"]).toBe("60");
    expect(res.headers["cache-control"]).toBe("private, no-store");
    expect(res.headers["content-type"]).toMatch(/^text\/html/);
    // Readers' pages set French typography's no-break spaces before ":" and the like.
    expect(res.body.replace(/[\u00a0\u202f]/g, " ")).toContain(notSaved);
    expect(res.body).toContain(typed);
    expect(res.body).not.toContain("Une erreur est survenue");
  }

  const postComment = (json: boolean) =>
    app.inject({
      method: "POST",
      url: `/article/${article.slug}/commentaires`,
      headers: {
        "content-type": "application/x-www-form-urlencoded",
        ...(json ? { accept: "application/json" } : {}),
      },
      payload: formBody(commentForm({ body: "Un avis de longueur ordinaire, sans plus." })),
    });

  it("answers a reader's comment 503, its form back with the text kept, and saves nothing", async () => {
    let before = 0;
    const res = await untilRefused(
      async () => {
        before = await countComments(runtime.ctx);
        logs.length = 0;
        return postComment(false);
      },
      (r) => r.statusCode === 303,
    );
    expectFormKept(res, "Un avis de longueur ordinaire, sans plus.");
    expectLoggedOnce();
    expect(await countComments(runtime.ctx)).toBe(before);

    await free(runtime);
    expect((await postComment(false)).statusCode).toBe(303);
  });

  it("answers the comment island in JSON with the code and the words", async () => {
    logs.length = 0;
    const res = await untilRefused(
      async () => {
        logs.length = 0;
        return postComment(true);
      },
      (r) => r.statusCode < 300,
    );
    expect(res.statusCode).toBe(503);
    expect(res.json()).toEqual({
      ok: false,
      code: "KIOSQUE_STORAGE_FULL",
      message: messages("fr").formErrors(1),
      errors: { body: notSaved },
    });
    expectLoggedOnce();
    await free(runtime);
  });

  it("answers a staff sign-in 503 with its form, the address kept", async () => {
    const res = await untilRefused(
      async () => {
        logs.length = 0;
        return signInForm(app, { email: staff.email, password: staff.password });
      },
      (r) => r.statusCode === 303,
    );
    expectFormKept(res, staff.email);
    expectLoggedOnce();
    await free(runtime);
    expect(
      (await signInForm(app, { email: staff.email, password: staff.password })).statusCode,
    ).toBe(303);
  });

  it("answers a media upload 503 with its form, the texts kept", async () => {
    const bytes = await images.png();
    const res = await untilRefused(
      async () => {
        logs.length = 0;
        const { payload, headers } = await multipartBody([
          ["file", { bytes, filename: "photo.png", type: "image/png" }],
          ["alt", "Un dessin"],
        ]);
        return app.inject({
          method: "POST",
          url: "/admin/medias",
          payload,
          headers: { ...headers, cookie: editor.cookie, accept: "text/html" },
        });
      },
      (r) => r.statusCode === 303,
    );
    expectFormKept(res, "Un dessin");
    expectLoggedOnce();
    await free(runtime);
  });

  it("rolls a transaction back with the database's own error, not a failed ROLLBACK", async () => {
    const count = async () =>
      Number(
        (
          await runtime.ctx.db
            .selectFrom("redirects")
            .select((eb) => eb.fn.countAll().as("n"))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const before = await count();
    const writing = runtime.ctx.write(async (tx) => {
      for (let i = 0; ; i++)
        await tx.db
          .insertInto("redirects")
          .values({
            path: `/vieux/${i}`,
            target: "/".padEnd(2000, "x"),
            created_at: T0.toISOString(),
          })
          .execute();
    });
    await expect(writing).rejects.toMatchObject({ code: "SQLITE_FULL" });
    await free(runtime);
    // Nothing of it was kept, and the connection writes again.
    expect(await count()).toBe(before);
    await runtime.ctx.write((tx) =>
      tx.db
        .insertInto("redirects")
        .values({ path: "/apres", target: "/", created_at: T0.toISOString() })
        .execute(),
    );
    expect(await count()).toBe(before + 1);
  });
});
