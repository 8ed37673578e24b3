import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { history } from "../../src/modules/moderation/index.js";
import { setSetting } from "../../src/modules/settings/index.js";
import { testEngines } from "../helpers/engines.js";
import {
  FAKE_AKISMET_KEY,
  SPAM_AUTHOR,
  startFakeAkismet,
  type FakeAkismet,
} from "../helpers/fake-akismet.js";
import { commentForm, makeArticle } from "../helpers/factories.js";
import { formBody } from "../helpers/http.js";
import { openTestApp, type TestApp } from "../helpers/runtime.js";

describe.each(testEngines())("Akismet-protocol spam check on %s", (engine) => {
  let rt: TestApp;
  let fake: FakeAkismet;
  let slug: string;

  beforeAll(async () => {
    rt = await openTestApp(engine);
    fake = await startFakeAkismet();
    slug = (await makeArticle(rt.ctx)).slug;
    await setSetting(rt.ctx, "comments.holdFirst", "false");
    await setSetting(rt.ctx, "akismet.endpoint", fake.url);
  });
  afterAll(async () => {
    await fake.close();
    await rt.close();
  });
  afterEach(async () => {
    fake.calls.length = 0;
    fake.delayMs = 0;
    await setSetting(rt.ctx, "akismet.apiKey", "");
  });

  async function post(form: Record<string, string>) {
    const res = await rt.app.inject({
      method: "POST",
      url: `/article/${slug}/commentaires`,
      remoteAddress: "203.0.113.9",
      headers: {
        "content-type": "application/x-www-form-urlencoded",
        accept: "application/json",
        "user-agent": "Mozilla/5.0 (X11; Linux x86_64) Test",
        referer: `http://kiosque.test/article/${slug}`,
        host: "kiosque.test",
      },
      payload: formBody(form),
    });
    const answer = res.json<{ id: number; status: string }>();
    const reasons = (await history(rt.ctx.db, answer.id))[0]?.reasons ?? [];
    return { res, status: answer.status, reasons };
  }

  const storedStatus = async (id: number) =>
    (
      await rt.ctx.db
        .selectFrom("comments")
        .select("status")
        .where("id", "=", id)
        .executeTakeFirstOrThrow()
    ).status;

  it("sends nothing anywhere without a key", async () => {
    const { status } = await post(commentForm());
    expect(status).toBe("approved");
    expect(fake.calls).toHaveLength(0);
  });

  it("asks with the comment and its request, and publishes what the service calls ham", async () => {
    await setSetting(rt.ctx, "akismet.apiKey", FAKE_AKISMET_KEY);
    const form = commentForm({ website: "https://lectrice.example/", body: "Bel article, merci." });
    const { status, reasons } = await post(form);
    expect(status).toBe("approved");
    expect(reasons).toEqual([]);
    expect(fake.calls).toHaveLength(1);
    expect(Object.fromEntries(fake.calls[0]!)).toEqual({
      api_key: FAKE_AKISMET_KEY,
      blog: "http://kiosque.test/",
      user_ip: "203.0.113.9",
      user_agent: "Mozilla/5.0 (X11; Linux x86_64) Test",
      referrer: `http://kiosque.test/article/${slug}`,
      permalink: `http://kiosque.test/article/${slug}`,
      comment_type: "comment",
      comment_author: form.name,
      comment_author_email: form.email,
      comment_author_url: "https://lectrice.example/",
      comment_content: "Bel article, merci.",
      comment_date_gmt: rt.clock.now().toISOString(),
      blog_lang: "fr",
      blog_charset: "UTF-8",
    });
  });

  it("stores what the service calls spam as spam, answering the poster as if it were held", async () => {
    await setSetting(rt.ctx, "akismet.apiKey", FAKE_AKISMET_KEY);
    const discard = await post(commentForm({ name: SPAM_AUTHOR }));
    expect(discard.res.statusCode).toBe(201);
    expect(discard.reasons).toEqual([{ rule: "akismet", detail: "discard" }]);
    expect(await storedStatus(discard.res.json<{ id: number }>().id)).toBe("spam");
    const plain = await post(commentForm({ body: "Le meilleur casino en ligne." }));
    expect(plain.reasons).toEqual([{ rule: "akismet" }]);
    expect(await storedStatus(plain.res.json<{ id: number }>().id)).toBe("spam");
  });

  it("holds the comment for a person when the key is refused", async () => {
    await setSetting(rt.ctx, "akismet.apiKey", "wrongkey");
    const { status, reasons } = await post(commentForm());
    expect(status).toBe("pending");
    expect(reasons).toEqual([
      {
        rule: "akismet-unavailable",
        detail: "200 invalid: We were unable to verify your API key.",
      },
    ]);
  });

  it("holds the comment rather than keep the reader waiting on a slow service", async () => {
    await setSetting(rt.ctx, "akismet.apiKey", FAKE_AKISMET_KEY);
    fake.delayMs = 5_000;
    const started = Date.now();
    const { status, reasons } = await post(commentForm());
    expect(Date.now() - started).toBeLessThan(4_500);
    expect(status).toBe("pending");
    expect(reasons).toEqual([{ rule: "akismet-unavailable", detail: "timeout" }]);
  });

  it("reads no more of an answer than an answer is: a flood of bytes is no verdict", async () => {
    await setSetting(rt.ctx, "akismet.apiKey", FAKE_AKISMET_KEY);
    fake.paddingBytes = 1024 * 1024;
    try {
      const { status, reasons } = await post(commentForm());
      expect(status).toBe("pending");
      expect(reasons).toEqual([{ rule: "akismet-unavailable", detail: "200 (too large)" }]);
    } finally {
      fake.paddingBytes = 0;
    }
  });

  it("spares the call when a local rule already found spam", async () => {
    await setSetting(rt.ctx, "akismet.apiKey", FAKE_AKISMET_KEY);
    const { reasons } = await post(commentForm({ homepage: "http://bot.example/" }));
    expect(reasons).toEqual([{ rule: "honeypot" }]);
    expect(fake.calls).toHaveLength(0);
  });
});
