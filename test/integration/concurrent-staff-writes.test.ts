import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { redirects } from "../../src/modules/redirects/index.js";
import { paths } from "../../src/web/urls.js";
import { articleForms } from "../helpers/article-forms.js";
import { testEngines } from "../helpers/engines.js";
import { openTestApp, type TestApp } from "../helpers/runtime.js";
import { postForm, signedIn, type StaffMember } from "../helpers/staff.js";

/** Each race is run this many times: a pair of requests may happen not to overlap. */
const ROUNDS = 4;

/**
 * Two people of the newsroom sending, at the same moment, forms that cannot both be right: the
 * same new address, two sections merged into each other. On PostgreSQL (read committed) both
 * checks ran before either write; one request must win and the other come back refused on its
 * field with what was typed, never a 500, never both applied.
 */
describe.each(testEngines())("two people's writes at once on %s", (engine) => {
  let site: TestApp;
  let admin: StaffMember;
  let editor: StaffMember;
  let section = "";
  const forms = articleForms(
    () => site,
    () => section,
  );
  beforeAll(async () => {
    site = await openTestApp(engine);
    [admin, editor] = await Promise.all([
      signedIn(site.app, site.ctx, "admin"),
      signedIn(site.app, site.ctx, "editor"),
    ]);
    await postForm(site.app, "/admin/rubriques", admin.cookie, { name: "Monde" });
    const first = await site.ctx.db
      .selectFrom("categories")
      .select("id")
      .where("name", "=", "Monde")
      .executeTakeFirstOrThrow();
    section = String(first.id);
  });
  afterAll(() => site.close());

  /** The statuses of two posts sent together, smallest first. */
  async function together(a: [string, StaffMember, object], b: [string, StaffMember, object]) {
    const answers = await Promise.all(
      [a, b].map(([url, who, fields]) =>
        postForm(site.app, url, who.cookie, fields as Record<string, string>),
      ),
    );
    return answers.map((r) => r.statusCode).sort();
  }

  it("gives one new address to one section, page or article, the other refused on its field", async () => {
    for (let i = 0; i < ROUNDS; i++) {
      const sections = { name: `Course ${i}`, slug: `course-${i}`, in_menu_asked: "1" };
      expect(
        await together(
          ["/admin/rubriques", admin, sections],
          ["/admin/rubriques", editor, sections],
        ),
      ).toEqual([303, 422]);
      const page = { title: `Page ${i}`, slug: `page-course-${i}`, body: "<p>Texte.</p>" };
      expect(
        await together(
          ["/admin/pages/nouvelle", admin, page],
          ["/admin/pages/nouvelle", editor, page],
        ),
      ).toEqual([303, 422]);
      const typed = { ...forms.form(`Article ${i}`, [admin.id]), slug: `article-course-${i}` };
      expect(
        await together(
          ["/admin/articles/nouveau", admin, typed],
          ["/admin/articles/nouveau", editor, { ...typed, authors: [String(editor.id)] }],
        ),
      ).toEqual([303, 422]);
      // An address made from the title is numbered instead: both are created.
      const untyped = forms.form(`Même titre ${i}`, [admin.id]);
      expect(
        await together(
          ["/admin/articles/nouveau", admin, untyped],
          ["/admin/articles/nouveau", editor, { ...untyped, authors: [String(editor.id)] }],
        ),
      ).toEqual([303, 303]);
    }
  });

  it("merges one of two sections into the other when both are merged into each other at once", async () => {
    for (let i = 0; i < ROUNDS; i++) {
      const ids: number[] = [];
      for (const name of [`Fusion A${i}`, `Fusion B${i}`]) {
        const made = await postForm(site.app, "/admin/rubriques", admin.cookie, { name });
        expect(made.statusCode).toBe(303);
        const row = await site.ctx.db
          .selectFrom("categories")
          .select("id")
          .where("name", "=", name)
          .executeTakeFirstOrThrow();
        ids.push(row.id);
      }
      const [a, b] = ids as [number, number];
      const statuses = await together(
        [`/admin/rubriques/${a}/suppression`, admin, { into: String(b) }],
        [`/admin/rubriques/${b}/suppression`, editor, { into: String(a) }],
      );
      expect(statuses[0]).toBe(303);
      expect([404, 422]).toContain(statuses[1]);
      const left = await site.ctx.db
        .selectFrom("categories")
        .select("slug")
        .where("id", "in", ids)
        .execute();
      expect(left).toHaveLength(1);
      // The survivor answers at its own address: no redirect sends it away.
      const survivor = paths.category(left[0]!.slug);
      expect(await redirects.lookup(site.ctx, survivor)).toBeUndefined();
      expect((await site.app.inject({ url: survivor })).statusCode).toBe(200);
    }
  });
});
