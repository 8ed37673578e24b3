import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { accounts, type Actor } from "../../src/modules/accounts/index.js";
import { editing } from "../../src/modules/articles/index.js";
import { related } from "../../src/modules/related/index.js";
import { testEngines } from "../helpers/engines.js";
import { makeArticle } from "../helpers/factories.js";
import { openTestApp, type TestApp } from "../helpers/runtime.js";

/**
 * A pinned article on its pinning article's cached page, over HTTP: the page follows the pinned
 * one out, back in, and through its edits, right away. The two share no word, so only the pin
 * puts one in the other's list.
 */
describe.each(testEngines())("a pinned article on a cached page, on %s", (engine) => {
  let t: TestApp;
  let editor: Actor;
  let pinning: { id: number; slug: string };
  let pinned: { id: number; slug: string };
  const page = () => t.app.inject({ url: `/article/${pinning.slug}` });
  /** The page kept by the cache (it keeps one from its second render), then served from it. */
  const cached = async () => {
    await page();
    await page();
    const res = await page();
    expect(res.headers["x-kiosque-cache"]).toBe("hit");
    return res;
  };

  beforeAll(async () => {
    t = await openTestApp(engine);
    pinning = await makeArticle(t.ctx, {
      slug: "vendanges-precoces",
      title: "Vendanges précoces dans les coteaux",
      standfirst: "Les vignerons récoltent trois semaines plus tôt.",
      bodyHtml: "<p>Raisins mûrs, cuves pleines.</p>",
    });
    pinned = await makeArticle(t.ctx, {
      slug: "tramway-prolonge",
      title: "Le tramway prolongé jusqu’à la gare",
      standfirst: "Six stations nouvelles ouvriront au printemps.",
      bodyHtml: "<p>Rails posés, quais livrés.</p>",
    });
    const editorId = await accounts.createUser(t.ctx, {
      email: "epingles@example.org",
      password: "mot-de-passe-solide",
      role: "editor",
      name: "Éditrice",
    });
    editor = { id: editorId, role: "editor" };
    await related.pin(t.ctx, pinning.slug, [pinned.slug]);
  });
  afterAll(() => t.close());

  it("leaves with its unpublication and comes back with its republication", async () => {
    expect((await cached()).body).toContain("Le tramway prolongé jusqu’à la gare");

    await editing.act(t.ctx, editor, pinned.id, "unpublish");
    const gone = await page();
    expect(gone.headers["x-kiosque-cache"]).toBe("miss");
    expect(gone.body).not.toContain("tramway-prolonge");

    expect((await cached()).body).not.toContain("tramway-prolonge");
    await editing.act(t.ctx, editor, pinned.id, "publish");
    const back = await page();
    expect(back.headers["x-kiosque-cache"]).toBe("miss");
    expect(back.body).toContain(`href="/article/${pinned.slug}"`);
    expect(back.body).toContain("Le tramway prolongé jusqu’à la gare");
  });

  it("shows its new title as soon as it is edited", async () => {
    await cached();
    const state = await editing.editable(t.ctx, editor, pinned.id);
    await editing.saveArticle(t.ctx, editor, pinned.id, {
      ...editing.formValuesOf(state.fields),
      title: "Le tramway ira jusqu’à l’aéroport",
      version: String(state.version),
      action: "save",
    });
    const res = await page();
    expect(res.headers["x-kiosque-cache"]).toBe("miss");
    expect(res.body).toContain("Le tramway ira jusqu’à l’aéroport");
    expect(res.body).not.toContain("Le tramway prolongé jusqu’à la gare");
  });
});
