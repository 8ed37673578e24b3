import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { OPERATOR } from "../../src/modules/accounts/index.js";
import { setSettings } from "../../src/modules/settings/index.js";
import { testEngines } from "../helpers/engines.js";
import { commentForm } from "../helpers/factories.js";
import { RUNNABLE_SCRIPT, startTags } from "../helpers/http.js";
import { followRefusal } from "../helpers/refused-form.js";
import { openGifSite, type GifSite } from "../helpers/gif-site.js";
import { postForm } from "../helpers/staff.js";
import type { TestApp } from "../helpers/runtime.js";

/** A comment with a GIF refused without JavaScript keeps its GIF on the refused form's page. */
describe.each(testEngines())("the refused form's page and its GIF on %s", (engine) => {
  let site: GifSite;
  let rt: TestApp;
  let slug: string;

  beforeAll(async () => {
    site = await openGifSite(engine, { "rateLimit.gifSearch.max": 0 });
    ({ rt, slug } = site);
  });
  afterAll(() => site?.close());

  const post = (fields: Readonly<Record<string, string>>, cookie = "") =>
    postForm(rt.app, `/article/${slug}/commentaires`, cookie, fields);
  /** What a browser sends of the page's comment form: its inputs, as the page gives them. */
  const fieldsOf = (html: string) => {
    const start = html.indexOf('id="comment-form"');
    const form = html.slice(start, html.indexOf("</form>", start));
    const fields: Record<string, string> = {};
    for (const tag of startTags(form)) {
      const name = tag.attrs.get("name");
      if (tag.name !== "input" || !name || tag.attrs.get("type") === "checkbox") continue;
      fields[name] = tag.attrs.get("value") ?? "";
    }
    return fields;
  };

  it("keeps the chosen GIF in the form, and sending it again posts the comment with it", async () => {
    const page = await followRefusal(
      rt.app,
      post(commentForm({ body: "", gif: "bravo1", name: "Lina" })),
    );
    expect(page.statusCode).toBe(200);
    const fields = fieldsOf(page.body);
    expect(fields["gif"]).toBe("bravo1");
    // The GIF button of the article's form, hidden until a script shows it: none runs here.
    const button = startTags(page.body).find((t) => t.attrs.get("id") === "gif-button");
    expect(button?.attrs.has("hidden")).toBe(true);
    expect(button?.attrs.get("data-island")).toMatch(/^\/assets\/gif-picker\.js\?v=/);
    expect(page.body).not.toMatch(RUNNABLE_SCRIPT);

    rt.clock.advance(30_000);
    const res = await post({ ...fields, body: "Avec le GIF choisi." }, page.cookie);
    expect(res.statusCode).toBe(303);
    const id = Number(/#comment-(\d+)$/.exec(String(res.headers.location))?.[1]);
    const row = await rt.ctx.db
      .selectFrom("comment_gifs")
      .select("gif_id")
      .where("comment_id", "=", id)
      .executeTakeFirst();
    expect(row?.gif_id).toBe("bravo1");
  });

  it("has no GIF field while GIFs are off, as the article's form", async () => {
    await setSettings(rt.ctx, OPERATOR, { "gif.provider": "disabled" });
    const page = await followRefusal(rt.app, post(commentForm({ body: "", gif: "bravo1" })));
    expect(page.statusCode).toBe(200);
    expect(fieldsOf(page.body)["gif"]).toBeUndefined();
    expect(page.body).not.toContain('id="gif-button"');
    await setSettings(rt.ctx, OPERATOR, { "gif.provider": "giphy" });
  });
});
