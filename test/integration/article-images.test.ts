import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { editing } from "../../src/modules/articles/index.js";
import { journal } from "../../src/modules/journal/index.js";
import { media, type MediaItem } from "../../src/modules/media/index.js";
import { fr } from "../../src/web/i18n/fr.js";
import * as images from "../fixtures/media/images.js";
import { testEngines } from "../helpers/engines.js";
import { makeCategory } from "../helpers/factories.js";
import { formBody, inputValue, startTags } from "../helpers/http.js";
import { openTestApp, type TestApp } from "../helpers/runtime.js";
import { getPage, signedIn, type StaffMember } from "../helpers/staff.js";

type Fields = Record<string, string | string[]>;

/**
 * Uploaded images in articles: the featured image shown to readers with its variants (no layout
 * shift, lazy below the fold), the rule that every image has its text before it goes out, and
 * the library's "used in".
 */
describe.each(testEngines())("images in articles on %s", (engine) => {
  let rt: TestApp;
  let editor: StaffMember;
  let section: string;
  let sectionSlug: string;
  let photo: MediaItem;

  beforeAll(async () => {
    rt = await openTestApp(engine);
    editor = await signedIn(rt.app, rt.ctx, "editor");
    const { slug } = await makeCategory(rt.ctx, "Photo");
    sectionSlug = slug;
    section = String((await editing.sections(rt.ctx)).find((s) => s.slug === slug)?.id);
    photo = await uploadImage("port.jpg", "Le port au petit matin");
    expect(photo.status).toBe("ready");
  });
  afterAll(() => rt.close());

  /** An image of the library, its sizes made, as the editor's pickers offer it. */
  async function uploadImage(filename: string, alt: string): Promise<MediaItem> {
    const uploaded = await media.upload(rt.ctx, {
      bytes: await images.jpegWithGps(1600, 1200),
      filename,
      uploadedBy: editor.id,
      alt,
    });
    await media.processPending(rt.ctx, 10);
    return media.get(rt.ctx, uploaded.id);
  }

  const post = (url: string, fields: Fields) =>
    rt.app.inject({
      method: "POST",
      url,
      headers: { "content-type": "application/x-www-form-urlencoded", cookie: editor.cookie },
      payload: formBody(fields),
    });

  const form = (overrides: Fields): Fields => ({
    title: `Photos ${Math.random()}`,
    standfirst: "Un reportage.",
    slug: "",
    body: "<p>Texte.</p>",
    section,
    tags: "",
    authors: [String(editor.id)],
    comments_open: "1",
    ...overrides,
  });

  async function create(fields: Fields): Promise<number> {
    const res = await post("/admin/articles/nouveau", fields);
    expect(res.statusCode, res.body).toBe(303);
    return Number(/\/admin\/articles\/(\d+)/.exec(res.headers.location ?? "")?.[1]);
  }

  const publish = async (id: number, fields: Fields) =>
    post(`/admin/articles/${id}`, {
      ...fields,
      version: String((await editing.editable(rt.ctx, editor, id)).version),
      action: "publish",
    });

  const bodyImage = (alt: string) => {
    const src = photo.variants.find((v) => v.format === "webp")?.src ?? "";
    return `<figure class="image"><img src="${src}" alt="${alt}" width="640" height="480"></figure>`;
  };

  it("publishes an article only when each of its images says what it shows", async () => {
    const noFeaturedAlt = form({ image_media_id: String(photo.id), image_alt: "" });
    const a = await create(noFeaturedAlt);
    const refused = await publish(a, noFeaturedAlt);
    expect(refused.statusCode).toBe(422);
    expect(refused.body).toContain("Une image n’a pas de texte alternatif.");
    expect((await editing.editable(rt.ctx, editor, a)).status).toBe("draft");

    const noBodyAlt = form({ body: bodyImage("") });
    const b = await create(noBodyAlt);
    expect((await publish(b, noBodyAlt)).statusCode).toBe(422);
    expect((await editing.editable(rt.ctx, editor, b)).status).toBe("draft");

    const complete = form({
      image_media_id: String(photo.id),
      image_alt: "Les chalutiers à quai",
      body: bodyImage("Une mouette sur le quai"),
    });
    const c = await create(complete);
    const done = await publish(c, complete);
    expect(done.statusCode, done.body).toBe(303);
    expect((await editing.editable(rt.ctx, editor, c)).status).toBe("published");

    // Out, it may not lose an image's text on a later save either.
    const worse = await post(`/admin/articles/${c}`, {
      ...complete,
      body: bodyImage(""),
      version: String((await editing.editable(rt.ctx, editor, c)).version),
      action: "save",
    });
    expect(worse.statusCode).toBe(422);
  });

  it("publishes an article only when its images are on the site, which readers' browsers load", async () => {
    const words = "Une image est sur un autre site";
    for (const elsewhere of [
      form({ image_url: "https://images.example.org/b.jpg", image_alt: "Une photo" }),
      form({ body: '<p><img src="https://images.example.org/a.jpg" alt="Une photo"></p>' }),
    ]) {
      // A draft may hold it (an import brings what it could not copy so); it does not go out.
      const id = await create(elsewhere);
      const refused = await publish(id, elsewhere);
      expect(refused.statusCode).toBe(422);
      expect(refused.body).toContain(words);
      expect((await editing.editable(rt.ctx, editor, id)).status).toBe("draft");
    }
    const onSite = form({
      image_url: "/media/ancienne/photo.jpg",
      image_alt: "Une photo",
      body: bodyImage("Une mouette sur le quai"),
    });
    const ok = await create(onSite);
    const done = await publish(ok, onSite);
    expect(done.statusCode, done.body).toBe(303);
    // Out, a later save may not bring one in either.
    const worse = await post(`/admin/articles/${ok}`, {
      ...onSite,
      body: '<p><img src="https://images.example.org/a.jpg" alt="Une photo"></p>',
      version: String((await editing.editable(rt.ctx, editor, ok)).version),
      action: "save",
    });
    expect(worse.statusCode).toBe(422);
    expect(worse.body).toContain(words);
  });

  it("refuses a featured image number that names no image, every value kept, nothing saved", async () => {
    const kept = {
      title: "Une image perdue",
      image_media_id: "777777",
      image_alt: "Le quai désert",
      image_caption: "Au petit matin",
    };
    const unknown = form(kept);
    const count = async () =>
      (await rt.ctx.db.selectFrom("articles").select("id").execute()).length;
    const before = await count();
    const refused = await post("/admin/articles/nouveau", unknown);
    expect(refused.statusCode).toBe(422);
    expect(refused.body).toContain('id="image_media_id-error"');
    expect(refused.body).toContain(fr.problems.noImage);
    for (const [id, value] of Object.entries(kept))
      expect(inputValue(refused.body, id), id).toBe(value);
    expect(await count()).toBe(before);

    // A save of an existing article is refused the same way, its stored version unchanged.
    const id = await create(form({ title: "Une image perdue" }));
    const version = (await editing.editable(rt.ctx, editor, id)).version;
    const saved = await post(`/admin/articles/${id}`, {
      ...unknown,
      version: String(version),
      action: "save",
    });
    expect(saved.statusCode).toBe(422);
    expect(saved.body).toContain(fr.problems.noImage);
    expect(inputValue(saved.body, "image_media_id")).toBe("777777");
    const stored = await editing.editable(rt.ctx, editor, id);
    expect([stored.version, stored.fields.imageMediaId]).toEqual([version, null]);
  });

  it("shows the featured image with its variants and size, eager on the article, lazy in lists", async () => {
    const fields = form({
      title: "Retour de pêche",
      image_media_id: String(photo.id),
      image_alt: "Les chalutiers à quai",
    });
    const id = await create(fields);
    expect((await publish(id, fields)).statusCode).toBe(303);
    const { fields: stored } = await editing.editable(rt.ctx, editor, id);

    const page = await rt.app.inject({ url: `/article/${stored.slug}` });
    expect(page.statusCode).toBe(200);
    const lead = startTags(page.body).find(
      (t) => t.name === "img" && t.attrs.get("alt") === "Les chalutiers à quai",
    );
    // Width and height reserve the image's place before it loads: its shape, nothing moves.
    const ratio = (t: typeof lead) =>
      Number(t?.attrs.get("width")) / Number(t?.attrs.get("height"));
    expect(ratio(lead)).toBeCloseTo(photo.width / photo.height, 2);
    expect(lead?.attrs.get("srcset")).toContain("/media/");
    expect(lead?.attrs.get("loading")).not.toBe("lazy");
    const served = await rt.app.inject({ url: lead?.attrs.get("src") ?? "" });
    expect(served.statusCode).toBe(200);

    const listing = await rt.app.inject({ url: `/rubrique/${sectionSlug}` });
    const card = startTags(listing.body).find(
      (t) => t.name === "img" && t.attrs.get("alt") === "Les chalutiers à quai",
    );
    expect(ratio(card)).toBeCloseTo(photo.width / photo.height, 2);
    expect(card?.attrs.get("srcset")).toContain("/media/");
    expect(card?.attrs.get("loading")).toBe("lazy");
  });

  it("writes publications and image changes to the journal, with who did them", async () => {
    const admin = await signedIn(rt.app, rt.ctx, "admin");
    const page1 = await journal.list(rt.ctx, { id: admin.id, role: "admin" }, { page: 1 });
    const seen = page1.entries.map((e) => `${e.action}:${e.targetType}:${e.actorId}`);
    expect(seen).toContain(`article.publish:article:${editor.id}`);
    expect(seen).toContain(`media.upload:media:${editor.id}`);
    // A refused publication (no text for an image, an image elsewhere) left no entry: one per
    // article published by the tests above.
    expect(seen.filter((e) => e.startsWith("article.publish")).length).toBe(3);
    const page = await rt.app.inject({ url: "/admin/journal", headers: { cookie: admin.cookie } });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain("article publié");
  });

  it("counts an image as used whatever query or fragment its address carries", async () => {
    const lighthouse = await uploadImage("phare.jpg", "Le phare");
    const src = lighthouse.variants.find((v) => v.format === "webp")?.src ?? "";
    const body = `<figure class="image"><img src="${src}?v=1" alt="Le phare"></figure><figure class="image"><img src="${src}#vue" alt="Le phare"></figure>`;
    const id = await create(form({ body }));
    const used = await media.usage(rt.ctx, lighthouse.id);
    expect(used.map((u) => ("articleId" in u ? u.articleId : 0))).toContain(id);
    // It was deleted from under the article that showed it.
    await expect(media.remove(rt.ctx, lighthouse.id)).rejects.toMatchObject({
      code: "KIOSQUE_MEDIA_IN_USE",
    });
  });

  it("lists where each image is used: as featured image and in a body", async () => {
    const used = await media.usage(rt.ctx, photo.id);
    expect(used.length).toBeGreaterThanOrEqual(2);
  });
});

describe.each(testEngines())("the editor's image rule with a public URL, on %s", (engine) => {
  const PUBLIC = "https://journal.example";
  let rt: TestApp;
  let editor: StaffMember;

  beforeAll(async () => {
    rt = await openTestApp(engine, undefined, { publicUrl: PUBLIC });
    editor = await signedIn(rt.app, rt.ctx, "editor");
  });
  afterAll(() => rt.close());

  // The image dialog judges an address by the public URL, as publishing does; without it, it
  // refused the site's own images when the newsroom was reached by another name.
  it.each(["/admin/articles/nouveau", "/admin/pages/nouvelle"])(
    "tells the editor on %s",
    async (url) => {
      const page = await getPage(rt.app, url, editor.cookie);
      expect(page.statusCode).toBe(200);
      const main = startTags(page.body).filter((tag) => tag.name === "main");
      expect(main.map((tag) => tag.attrs.get("data-public-url"))).toEqual([PUBLIC]);
    },
  );
});
