import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { editing } from "../../src/modules/articles/index.js";
import { COUNT_CAP } from "../../src/modules/articles/editing/staff-list.js";
import { testEngines } from "../helpers/engines.js";
import { makeArticle } from "../helpers/factories.js";
import { openTestRuntime, type TestRuntime } from "../helpers/runtime.js";
import { makeStaff } from "../helpers/staff.js";

/**
 * The newsroom's list counts at most COUNT_CAP articles: a large site's total is "10,000+", and
 * its pages stop there, instead of counting every row of the filter on every page.
 */
describe.each(testEngines())("the staff list's count on %s", (engine) => {
  let rt: TestRuntime;
  beforeAll(async () => {
    rt = await openTestRuntime(engine);
  });
  afterAll(() => rt.close());

  it("counts up to the cap and says when there are more", async () => {
    const editor = await makeStaff(rt.ctx, "editor");
    const actor = { id: editor.id, role: editor.role };
    const { id } = await makeArticle(rt.ctx);
    expect(await editing.staffList(rt.ctx, actor, {}, 1)).toMatchObject({
      total: 1,
      capped: false,
    });
    // COUNT_CAP more, copies of that one made by the database itself (one statement).
    await sql`
      with recursive n(i) as (select 1 union all select i + 1 from n where i < ${COUNT_CAP})
      insert into articles (slug, category_id, author_id, title, standfirst, body_html, status,
        created_at, modified_at, comments_open, comment_count, version)
      select 'copie-' || cast(n.i as text), a.category_id, a.author_id, a.title, '', '', 'draft',
        a.created_at, a.modified_at, 1, 0, 1
      from n cross join articles a where a.id = ${id}`.execute(rt.ctx.db);
    const page = await editing.staffList(rt.ctx, actor, {}, 1);
    expect(page).toMatchObject({ total: COUNT_CAP, capped: true });
    expect(page.totalPages).toBe(Math.ceil(COUNT_CAP / editing.STAFF_PAGE_SIZE));
    expect(page.items).toHaveLength(editing.STAFF_PAGE_SIZE);
  });
});
