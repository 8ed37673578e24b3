import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { importWordpress } from "../../src/modules/imports/index.js";
import { testEngines } from "../helpers/engines.js";
import { openTestRuntime, type TestRuntime } from "../helpers/runtime.js";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "kiosque-wxr-site-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/**
 * An export of one WordPress.com blog (or one subsite of a multisite network): its
 * `base_site_url` is the network's, the same for every blog of it; its post 1 has comment 1.
 */
function blog(name: string): string {
  const file = path.join(dir, `${name}.xml`);
  fs.writeFileSync(
    file,
    `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:wp="http://wordpress.org/export/1.2/" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel><title>${name}</title><link>https://${name}.wordpress.com</link><wp:wxr_version>1.2</wp:wxr_version>
<wp:base_site_url>https://wordpress.com/</wp:base_site_url><wp:base_blog_url>https://${name}.wordpress.com</wp:base_blog_url>
<item><title>Un</title><dc:creator>a</dc:creator><content:encoded>Du blog ${name}</content:encoded><wp:post_id>1</wp:post_id><wp:post_date_gmt>2024-01-01 10:00:00</wp:post_date_gmt><wp:post_name>un-${name}</wp:post_name><wp:status>publish</wp:status><wp:post_type>post</wp:post_type>
<wp:comment><wp:comment_id>1</wp:comment_id><wp:comment_author>Lea</wp:comment_author><wp:comment_date_gmt>2024-01-02 10:00:00</wp:comment_date_gmt><wp:comment_content>Sur ${name}</wp:comment_content><wp:comment_approved>1</wp:comment_approved><wp:comment_parent>0</wp:comment_parent></wp:comment>
</item></channel></rss>`,
  );
  return file;
}

const sites = async (rt: TestRuntime) =>
  (
    await rt.ctx.db
      .selectFrom("wordpress_imports")
      .select("wp_id")
      .where("kind", "=", "site")
      .execute()
  ).map((r) => r.wp_id);

const refusal = (rt: TestRuntime, file: string, dryRun = false) =>
  importWordpress(rt.ctx, { file, dryRun }).then(
    () => undefined,
    (e: unknown) => e,
  );

describe.each(testEngines())("the WordPress site an export is of, on %s", (engine) => {
  it("tells two blogs of one network apart: the second is refused, its comment not lost", async () => {
    const rt = await openTestRuntime(engine);
    try {
      await importWordpress(rt.ctx, { file: blog("premier") });
      expect(await sites(rt)).toEqual(["premier.wordpress.com"]);
      // It was accepted, and its comment 1 reported "already imported" and dropped.
      for (const dryRun of [true, false])
        expect(await refusal(rt, blog("second"), dryRun), `dry run ${dryRun}`).toMatchObject({
          code: "KIOSQUE_IMPORT_OTHER_SITE",
        });
      expect((await importWordpress(rt.ctx, { file: blog("premier") })).already).toEqual({
        articles: 1,
        comments: 1,
      });
    } finally {
      await rt.close();
    }
  });

  it("takes over the network's key an older import stored, then refuses another blog", async () => {
    const rt = await openTestRuntime(engine);
    try {
      await importWordpress(rt.ctx, { file: blog("premier") });
      // What the rule before stored for every WordPress.com blog.
      await rt.ctx.write((tx) =>
        tx.db
          .updateTable("wordpress_imports")
          .set({ wp_id: "wordpress.com" })
          .where("kind", "=", "site")
          .execute(),
      );
      // The dry run accepts it and changes nothing; the run stores the blog's own key.
      await importWordpress(rt.ctx, { file: blog("premier"), dryRun: true });
      expect(await sites(rt)).toEqual(["wordpress.com"]);
      const again = await importWordpress(rt.ctx, { file: blog("premier") });
      expect(again.already).toEqual({ articles: 1, comments: 1 });
      expect(await sites(rt)).toEqual(["premier.wordpress.com"]);
      expect(await refusal(rt, blog("second"))).toMatchObject({
        code: "KIOSQUE_IMPORT_OTHER_SITE",
      });
    } finally {
      await rt.close();
    }
  });
});
