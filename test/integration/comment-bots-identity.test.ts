import type { LightMyRequestResponse } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { comments } from "../../src/modules/comments/index.js";
import { history } from "../../src/modules/moderation/index.js";
import { setSetting } from "../../src/modules/settings/index.js";
import { testEngines } from "../helpers/engines.js";
import { commentForm, makeArticle } from "../helpers/factories.js";
import { cookieHeader, formBody, setCookies } from "../helpers/http.js";
import { openTestApp, type TestApp } from "../helpers/runtime.js";

type Form = Record<string, string>;

/**
 * Issue 9 §6 and §8 over HTTP: a stamp measures from the reader, a verdict is not observable,
 * and knowing an e-mail address is not an identity.
 */
describe.each(testEngines())("bots and identity over HTTP on %s", (engine) => {
  let rt: TestApp;
  let article: { id: number; slug: string };

  beforeAll(async () => {
    rt = await openTestApp(engine);
    article = await makeArticle(rt.ctx);
  });
  afterAll(() => rt.close());

  const page = (cookie?: string) =>
    rt.app.inject({
      method: "GET",
      url: `/article/${article.slug}`,
      ...(cookie ? { headers: { cookie } } : {}),
    });
  function post(f: Form, options: { json?: boolean; cookie?: string } = {}) {
    return rt.app.inject({
      method: "POST",
      url: `/article/${article.slug}/commentaires`,
      headers: {
        "content-type": "application/x-www-form-urlencoded",
        ...(options.json ? { accept: "application/json" } : {}),
        ...(options.cookie ? { cookie: options.cookie } : {}),
      },
      payload: formBody(f),
    });
  }
  const statusOf = async (id: number) =>
    (await rt.ctx.db.selectFrom("comments").select("status").where("id", "=", id).execute())[0]
      ?.status;
  /** What a sender can see of an answer: all but the comment's own id and the cookies' values. */
  const seen = (res: LightMyRequestResponse, id: number) => ({
    status: res.statusCode,
    body: withoutId(res.body, id),
    location: withoutId(res.headers.location ?? "", id),
    cookies: [...setCookies(res).keys()].sort(),
  });
  const idOf = (res: LightMyRequestResponse) =>
    res.statusCode === 201
      ? res.json<{ id: number }>().id
      : Number(/comment-([0-9]+)/.exec(res.headers.location ?? "")?.[1]);

  it("gives a fresh stamp for the reader, never cached, measured from then", async () => {
    await setSetting(rt.ctx, "comments.minFillSeconds", "5");
    try {
      // Twice: the page is kept from its second render (decision 024).
      await page();
      const cachedStamp = stampOf((await page()).body);
      expect(cachedStamp).not.toBe("");
      rt.clock.advance(3_600_000);
      // The cached page still carries the stamp of its rendering, an hour ago.
      expect(stampOf((await page()).body)).toBe(cachedStamp);
      const fresh = await rt.app.inject({
        method: "GET",
        url: `/article/${article.slug}/commentaires`,
        headers: { accept: "application/json" },
      });
      expect(fresh.statusCode).toBe(200);
      expect(fresh.headers["cache-control"]).toBe("no-store");
      const stamp = fresh.json<{ stamp: string }>().stamp;
      expect(stamp).not.toBe(cachedStamp);

      // Posted at once with the reader's own stamp: too fast, whatever the page's age.
      const quick = await post(commentForm({ stamp }), { json: true });
      const quickLog = await history(rt.ctx.db, idOf(quick));
      expect(quickLog[0]?.reasons).toContainEqual({ rule: "fill-time", detail: "0.0 s" });
      expect(quickLog[0]?.status).toBe("spam");
      rt.clock.advance(10_000);
      const calm = await post(commentForm({ stamp }), { json: true });
      expect((await history(rt.ctx.db, idOf(calm)))[0]?.reasons).toEqual([
        { rule: "first-comment" },
      ]);
      const unknown = await rt.app.inject({
        method: "GET",
        url: "/article/nulle-part/commentaires",
      });
      expect(unknown.statusCode).toBe(404);
    } finally {
      await setSetting(rt.ctx, "comments.minFillSeconds", "0");
    }
  });

  it("answers a post marked spam exactly as a held one, then too", async () => {
    for (const json of [true, false]) {
      const same = { name: "Camille", body: "Un avis réfléchi." };
      const held = await post(commentForm(same), { json });
      const spam = await post(commentForm({ ...same, homepage: "x" }), { json });
      const [heldId, spamId] = [idOf(held), idOf(spam)];
      expect(await statusOf(heldId)).toBe("pending");
      expect(await statusOf(spamId)).toBe("spam");
      expect(seen(spam, spamId)).toEqual(seen(held, heldId));
      // Afterwards: the sender's page shows each comment held, with the same notice.
      const heldPage = await page(cookieHeader(setCookies(held).get("kq_mine")));
      const spamPage = await page(cookieHeader(setCookies(spam).get("kq_mine")));
      expect(heldPage.body).toContain(`id="comment-${heldId}"`);
      expect(spamPage.body).toContain(`id="comment-${spamId}"`);
      const item = (html: string, id: number) =>
        html.slice(html.indexOf(`id="comment-${id}"`)).split("</li>")[0] ?? "";
      expect(withoutId(item(spamPage.body, spamId), spamId)).toEqual(
        withoutId(item(heldPage.body, heldId), heldId),
      );
    }
  });

  it("holds an impersonator of a known commenter, answering as for anyone", async () => {
    const email = "reguliere@example.net";
    const who = { name: "Régulière", email };
    const first = await post(commentForm({ ...who, body: "Premier passage." }), { json: true });
    const token = cookieHeader(setCookies(first).get("kiosque_author"));
    expect(token).toMatch(/^kiosque_author=/);
    await comments.setStatus(rt.ctx, [idOf(first)], "approved", "test");

    // Someone who read her address somewhere: held, and told nothing.
    const impostor = await post(commentForm({ ...who, body: "Je suis elle." }), { json: true });
    const stranger = await post(
      commentForm({ name: "Régulière", email: "inconnue@example.net", body: "Je suis elle." }),
      { json: true },
    );
    expect(await statusOf(idOf(impostor))).toBe("pending");
    expect(await statusOf(idOf(stranger))).toBe("pending");
    expect(seen(impostor, idOf(impostor))).toEqual(seen(stranger, idOf(stranger)));

    // She, with her browser's token: published at once, as before.
    const again = await post(commentForm({ ...who, body: "De retour." }), {
      json: true,
      cookie: token,
    });
    expect(again.json()).toMatchObject({ status: "approved" });
    // The token names comments, so the impostor's own token proves nothing either.
    const impostorToken = cookieHeader(setCookies(impostor).get("kiosque_author"));
    const retry = await post(commentForm({ ...who, body: "Encore moi." }), {
      json: true,
      cookie: impostorToken,
    });
    expect(retry.json()).toMatchObject({ status: "pending" });
  });
});

function withoutId(text: string, id: number): string {
  return text.replace(new RegExp(`(comment-|"id":)${id}(?![0-9])`, "g"), "$1ID");
}

function stampOf(html: string): string {
  return /name="stamp" value="([^"]+)"/.exec(html)?.[1] ?? "";
}
