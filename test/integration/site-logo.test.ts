import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Forbidden, Invalid } from "../../src/lib/errors.js";
import { OPERATOR } from "../../src/modules/accounts/index.js";
import { media, type MediaItem } from "../../src/modules/media/index.js";
import { setSetting } from "../../src/modules/settings/index.js";
import { fr } from "../../src/web/i18n/fr.js";
import * as images from "../fixtures/media/images.js";
import { testEngines } from "../helpers/engines.js";
import { decodeEntities, jsonLdBlocks, startTags } from "../helpers/http.js";
import { openTestApp, type TestApp } from "../helpers/runtime.js";
import { getPage, postForm, signedIn, type StaffMember } from "../helpers/staff.js";

/**
 * The site's logo: chosen on the site screen from the media library, shown by every reader
 * page's header (variants, width and height, the site's name as its text), removed back to the
 * name; refused for what is not an image of the library; an image in that role is not deleted.
 */
describe.each(testEngines())("the site's logo on %s", (engine) => {
  let rt: TestApp;
  let admin: StaffMember;
  let logo: MediaItem;

  beforeAll(async () => {
    rt = await openTestApp(engine);
    admin = await signedIn(rt.app, rt.ctx, "admin");
    const uploaded = await media.upload(rt.ctx, {
      bytes: await images.png(600, 200),
      filename: "logo.png",
      uploadedBy: admin.id,
    });
    await media.processPending(rt.ctx, 10);
    logo = await media.get(rt.ctx, uploaded.id);
    expect(logo.status).toBe("ready");
  });
  afterAll(() => rt.close());

  const headerImg = async () => {
    const home = await rt.app.inject({ url: "/" });
    expect(home.statusCode).toBe(200);
    const header = home.body.slice(
      home.body.indexOf('<header class="site-header">'),
      home.body.indexOf("</header>"),
    );
    return { header, img: startTags(header).find((tag) => tag.name === "img") };
  };

  const logoSetting = async () => (await rt.ctx.settings())["site.logo"];

  it("shows the chosen image in every reader page's header, and the name again once removed", async () => {
    // Cached first with the name: the change must drop it.
    expect((await headerImg()).img).toBeUndefined();
    const set = await postForm(rt.app, "/admin/reglages/logo", admin.cookie, {
      logo: String(logo.id),
    });
    expect(set.statusCode).toBe(303);
    expect(set.headers.location).toBe("/admin/reglages?ok=logo#site-logo");
    const { img, header } = await headerImg();
    const name = (await rt.ctx.settings())["site.name"];
    expect(img?.attrs.get("alt")).toBe(name);
    expect(img?.attrs.get("class")).toBe("site-logo");
    expect(Number(img?.attrs.get("width"))).toBeGreaterThan(0);
    expect(Number(img?.attrs.get("height"))).toBeGreaterThan(0);
    // Served as the library's variants, never the master.
    expect(img?.attrs.get("src")).toMatch(/^\/media\/.+\.webp$/);
    expect(img?.attrs.get("srcset")).toContain("w");
    expect(header).toContain('type="image/avif"');
    // Search engines get it as the publisher's logo.
    const organization = jsonLdBlocks((await rt.app.inject({ url: "/" })).body)[0];
    expect(organization).toMatchObject({
      "@type": "NewsMediaOrganization",
      logo: { "@type": "ImageObject", url: logo.src, width: logo.width, height: logo.height },
    });
    // The site screen shows the current logo, and the picker fills its number.
    const screen = await getPage(rt.app, "/admin/reglages", admin.cookie);
    expect(decodeEntities(screen.body)).toContain(
      fr.newsroom.settingsPage.logo.current(logo.id, "logo.png"),
    );
    expect(screen.body).toContain('data-fill-id="logo"');
    // The library says where it is used.
    const library = await getPage(rt.app, "/admin/medias", admin.cookie);
    expect(decodeEntities(library.body)).toContain(fr.newsroom.media.usedAsLogo);

    const off = await postForm(rt.app, "/admin/reglages/logo", admin.cookie, { logo: "" });
    expect(off.headers.location).toBe("/admin/reglages?ok=sans-logo#site-logo");
    expect(await logoSetting()).toBe(0);
    const after = await headerImg();
    expect(after.img).toBeUndefined();
    expect(after.header).toContain(`>${(await rt.ctx.settings())["site.name"]}</a>`);
  });

  it("refuses what is not an image of the library, saving nothing", async () => {
    for (const typed of [
      "abc",
      "-1",
      "1.5",
      "99999999",
      "<script>alert(1)</script>",
      "9".repeat(13),
    ]) {
      const res = await postForm(rt.app, "/admin/reglages/logo", admin.cookie, { logo: typed });
      expect(res.statusCode, typed).toBe(422);
      expect(res.body).not.toContain("<script>alert(1)");
      expect(res.body).toContain('id="logo-error"');
      expect(await logoSetting()).toBe(0);
    }
    const missing = await postForm(rt.app, "/admin/reglages/logo", admin.cookie, {
      logo: "99999999",
    });
    expect(decodeEntities(missing.body)).toContain(fr.problems.noImage);
    const list = await postForm(rt.app, "/admin/reglages/logo", admin.cookie, {
      logo: ["1", "2"],
    });
    expect(list.statusCode).toBe(422);
    // A refused choice records nothing in the journal either.
    await expect(media.useAsLogo(rt.ctx, OPERATOR, { logo: "99999999" })).rejects.toBeInstanceOf(
      Invalid,
    );
    await expect(
      media.useAsLogo(rt.ctx, { id: admin.id, role: "editor" }, { logo: String(logo.id) }),
    ).rejects.toBeInstanceOf(Forbidden);
    const moderator = await signedIn(rt.app, rt.ctx, "moderator");
    const refused = await postForm(rt.app, "/admin/reglages/logo", moderator.cookie, {
      logo: String(logo.id),
    });
    expect(refused.statusCode).toBe(403);
    expect(await logoSetting()).toBe(0);
  });

  it("journals the change, and refuses to delete the image while it is the logo", async () => {
    await media.useAsLogo(rt.ctx, OPERATOR, { logo: String(logo.id) });
    const [entry] = await rt.ctx.db
      .selectFrom("audit_log")
      .selectAll()
      .where("action", "=", "settings.change")
      .orderBy("id", "desc")
      .limit(1)
      .execute();
    expect(JSON.parse(entry!.details)).toEqual({ "site.logo": { from: 0, to: logo.id } });
    await expect(media.remove(rt.ctx, logo.id)).rejects.toMatchObject({
      code: "KIOSQUE_MEDIA_IN_USE",
      fields: { media: { problem: "logoInUse" } },
    });
    const page = await postForm(rt.app, `/admin/medias/${logo.id}/suppression`, admin.cookie);
    expect(page.statusCode).toBe(422);
    expect(decodeEntities(page.body)).toContain(fr.problems.logoInUse);
    expect((await media.get(rt.ctx, logo.id)).id).toBe(logo.id);
    await media.useAsLogo(rt.ctx, OPERATOR, { logo: "" });
  });

  it("is set at the command line only to an image of the library", async () => {
    await expect(media.setLogoSetting(rt.ctx, OPERATOR, "123456")).rejects.toMatchObject({
      code: "KIOSQUE_SETTING_INVALID",
      fields: { "site.logo": { problem: "noImage" } },
    });
    expect(await logoSetting()).toBe(0);
    expect(await media.setLogoSetting(rt.ctx, OPERATOR, String(logo.id))).toBe(logo.id);
    expect(await logoSetting()).toBe(logo.id);
    expect((await headerImg()).img?.attrs.get("class")).toBe("site-logo");
    expect(await media.setLogoSetting(rt.ctx, OPERATOR, "0")).toBe(0);
  });

  it("falls back to the name when the setting names an image that is gone", async () => {
    // A number stored unchecked, as the command line once did (settings' own service takes any).
    await setSetting(rt.ctx, "site.logo", "123456");
    const { img, header } = await headerImg();
    expect(img).toBeUndefined();
    expect(header).toContain((await rt.ctx.settings())["site.name"]);
    const screen = await getPage(rt.app, "/admin/reglages", admin.cookie);
    expect(screen.statusCode).toBe(200);
    expect(decodeEntities(screen.body)).toContain(fr.newsroom.settingsPage.logo.none);
    await setSetting(rt.ctx, "site.logo", "0");
  });
});
