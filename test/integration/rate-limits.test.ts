import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { ErrorAnswer } from "../../src/lib/error-codes.js";
import { buildApp } from "../../src/app.js";
import { setSetting } from "../../src/modules/settings/index.js";
import { openRuntime } from "../../src/runtime.js";
import { testEngines } from "../helpers/engines.js";
import { commentForm, countComments, makeArticle, sendCommentForm } from "../helpers/factories.js";
import { formBody, inputValue, textById, textareaValue } from "../helpers/http.js";
import { testAssetsDir } from "../helpers/paths.js";
import { openTestApp, type TestApp } from "../helpers/runtime.js";

type Form = Record<string, string>;

describe.each(testEngines())("per-client limit on comment posts on %s", (engine) => {
  let rt: TestApp;
  let slug: string;

  beforeAll(async () => {
    rt = await openTestApp(engine);
    slug = (await makeArticle(rt.ctx)).slug;
  });
  afterAll(() => rt.close());
  afterEach(async () => {
    await setSetting(rt.ctx, "rateLimit.comments.max", "0");
    await setSetting(rt.ctx, "rateLimit.comments.windowSeconds", "600");
    await setSetting(rt.ctx, "site.locale", "fr");
  });

  /** Each test uses addresses of its own: the counters live as long as the app. */
  const post = (address: string, form: Form, json = false) =>
    sendCommentForm(rt.app, slug, form, { json, address });

  it("refuses past the limit, with Retry-After and the form kept, and stores nothing", async () => {
    await setSetting(rt.ctx, "rateLimit.comments.max", "3");
    await setSetting(rt.ctx, "rateLimit.comments.windowSeconds", "120");
    for (let i = 0; i < 3; i++)
      expect((await post("10.1.0.1", commentForm())).statusCode).toBe(303);

    const before = await countComments(rt.ctx);
    const keptForms = await refusedForms();
    const kept = commentForm({ website: "https://exemple.fr/", body: "\nMon avis, < & >." });
    // Without JavaScript, the refused form's page in the answer itself: a client past its limit
    // has nothing written for it, not even its form (each further post would be one more row).
    const res = await post("10.1.0.1", kept);
    expect(res.statusCode).toBe(429);
    const wait = Number(res.headers["retry-after"]);
    expect(wait).toBeGreaterThan(0);
    expect(wait).toBeLessThanOrEqual(120);
    expect(res.headers["cache-control"]).toBe("private, no-store");
    expect(res.headers["set-cookie"]).toBeUndefined();
    expect(res.body).toContain('id="form-errors"');
    expect(textById(res.body, "span", "body-error")).toBe(
      "Trop d’envois depuis votre connexion. Réessayez dans 2 min.",
    );
    expect(inputValue(res.body, "name")).toBe(kept.name);
    expect(inputValue(res.body, "email")).toBe(kept.email);
    expect(inputValue(res.body, "website")).toBe(kept.website);
    expect(textareaValue(res.body, "body")).toBe(kept.body);
    expect(await countComments(rt.ctx)).toBe(before);
    for (let i = 0; i < 5; i++)
      expect((await post("10.1.0.1", { ...kept, body: "x".repeat(100_000) })).statusCode).toBe(429);
    expect(await refusedForms()).toBe(keptForms);

    // Another client is not held back by this one.
    expect((await post("10.1.0.2", commentForm())).statusCode).toBe(303);
  });

  const refusedForms = async () =>
    (await rt.ctx.db.selectFrom("refused_comment_forms").select("token_hash").execute()).length;

  it("answers the island in JSON, in the site's language", async () => {
    await setSetting(rt.ctx, "rateLimit.comments.max", "1");
    await setSetting(rt.ctx, "rateLimit.comments.windowSeconds", "30");
    await setSetting(rt.ctx, "site.locale", "en");
    expect((await post("10.2.0.1", commentForm(), true)).statusCode).toBe(201);
    const res = await post("10.2.0.1", commentForm(), true);
    expect(res.statusCode).toBe(429);
    expect(Number(res.headers["retry-after"])).toBeLessThanOrEqual(30);
    const answer = res.json<ErrorAnswer>();
    expect(answer.ok).toBe(false);
    expect(answer.code).toBe("KIOSQUE_RATE_LIMITED");
    expect(answer.message).toBe("One field needs fixing.");
    expect(answer.errors?.body).toMatch(
      /^Too many posts from your connection\. Try again in \d+ s\.$/,
    );
  });

  it("counts refused attempts too, and forgets them when the window ends", async () => {
    await setSetting(rt.ctx, "rateLimit.comments.max", "2");
    await setSetting(rt.ctx, "rateLimit.comments.windowSeconds", "1");
    expect(
      (await post("10.3.0.1", commentForm({ email: "pas une adresse" }), true)).statusCode,
    ).toBe(422);
    expect((await post("10.3.0.1", commentForm({ body: "" }), true)).statusCode).toBe(422);
    expect((await post("10.3.0.1", commentForm(), true)).statusCode).toBe(429);
    rt.clock.set(new Date(rt.clock.now().getTime() + 1000));
    expect((await post("10.3.0.1", commentForm())).statusCode).toBe(303);
  });

  it("reads the limit when it changes, and 0 turns it off", async () => {
    await setSetting(rt.ctx, "rateLimit.comments.max", "1");
    expect((await post("10.4.0.1", commentForm())).statusCode).toBe(303);
    expect((await post("10.4.0.1", commentForm())).statusCode).toBe(429);
    await setSetting(rt.ctx, "rateLimit.comments.max", "3");
    expect((await post("10.4.0.1", commentForm())).statusCode).toBe(303);
    await setSetting(rt.ctx, "rateLimit.comments.max", "0");
    for (let i = 0; i < 5; i++)
      expect((await post("10.4.0.1", commentForm())).statusCode).toBe(303);
  });

  it("counts an IPv6 /64 as one client", async () => {
    await setSetting(rt.ctx, "rateLimit.comments.max", "1");
    expect((await post("2001:db8:1:2::1", commentForm())).statusCode).toBe(303);
    expect((await post("2001:db8:1:2::ffff", commentForm())).statusCode).toBe(429);
    expect((await post("2001:db8:1:3::1", commentForm())).statusCode).toBe(303);
  });

  it("is one limit for every instance sharing the database, keyed by no address", async () => {
    // A second instance (or another process of this machine) on the same database and clock.
    const other = await openRuntime(rt.ctx.config, { log: rt.ctx.log, clock: rt.clock });
    const otherApp = await buildApp(other, { assetsDir: testAssetsDir });
    try {
      await setSetting(rt.ctx, "rateLimit.comments.max", "3");
      await setSetting(rt.ctx, "rateLimit.comments.windowSeconds", "60");
      const postTo = (app: TestApp["app"]) =>
        app.inject({
          method: "POST",
          url: `/article/${slug}/commentaires`,
          remoteAddress: "10.5.0.1",
          headers: { "content-type": "application/x-www-form-urlencoded" },
          payload: formBody(commentForm()),
        });
      const codes = [];
      for (const app of [rt.app, otherApp, rt.app, otherApp])
        codes.push((await postTo(app)).statusCode);
      expect(codes).toEqual([303, 303, 303, 429]);
      expect((await postTo(rt.app)).statusCode).toBe(429);

      const rows = await rt.ctx.db.selectFrom("rate_limits").selectAll().execute();
      expect(rows.length).toBeGreaterThan(0);
      expect(JSON.stringify(rows)).not.toMatch(/10\.5\.0\.1|10\.\d+\.0\.\d/);

      // Once the windows are over (this one, and the earlier tests' of at most 600 s), the client
      // starts afresh and every old window is pruned.
      rt.clock.set(new Date(rt.clock.now().getTime() + 700_000));
      expect((await postTo(otherApp)).statusCode).toBe(303);
      const left = await rt.ctx.db.selectFrom("rate_limits").selectAll().execute();
      expect(left).toHaveLength(1);
      expect(Number(left[0]?.hits)).toBe(1);
    } finally {
      await otherApp.close();
      await other.close();
    }
  });
});
