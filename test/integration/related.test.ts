import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { accounts, type Actor } from "../../src/modules/accounts/index.js";
import { articles, editing } from "../../src/modules/articles/index.js";
import { related, reindex } from "../../src/modules/related/index.js";
import { Invalid, NotFound } from "../../src/lib/errors.js";
import { testEngines } from "../helpers/engines.js";
import { makeArticle, makeAuthor, makeCategory } from "../helpers/factories.js";
import { openTestRuntime, type TestRuntime } from "../helpers/runtime.js";

const DAY = 86_400_000;

/** Three subjects, three articles each, told differently; a section shared across two of them. */
const stories = {
  drought: [
    [
      "La sécheresse assoiffe les prairies",
      "Les nappes phréatiques sont au plus bas et les éleveurs achètent du fourrage.",
    ],
    [
      "Restrictions d’eau contre la sécheresse",
      "Arrosage interdit : les nappes phréatiques et les rivières manquent d’eau.",
    ],
    [
      "Éleveurs et sécheresse : le fourrage manque",
      "Sans pluie, l’herbe ne nourrit plus les troupeaux ; les éleveurs puisent dans le foin.",
    ],
  ],
  rugby: [
    [
      "Rugby : le XV renverse le leader",
      "Les avants ont inscrit un essai, la mêlée a dominé et l’ouvreur a réussi ses pénalités.",
    ],
    [
      "Rugby : un essai en fin de match",
      "La mêlée adverse a plié ; l’ailier a aplati l’essai de la victoire.",
    ],
    [
      "Le club de rugby qualifié",
      "Quatre essais et le bonus offensif : les avants et la mêlée ont fait la différence.",
    ],
  ],
  festival: [
    [
      "Festival de jazz : la programmation",
      "Les concerts en plein air accueilleront des musiciens de jazz venus d’Europe.",
    ],
    [
      "Trois jours de concerts au festival",
      "Les bénévoles montent la scène ; les musiciens de jazz joueront samedi.",
    ],
    [
      "Le festival fête ses vingt ans",
      "Jazz, concerts et musiciens : la billetterie du festival a tout vendu.",
    ],
  ],
} as const;

type Subject = keyof typeof stories;

describe.each(testEngines())("related articles on %s", (engine) => {
  let rt: TestRuntime;
  const ids = new Map<string, number>();
  const subjectOf = new Map<number, Subject>();
  let section: string;
  let editor: Actor;

  beforeAll(async () => {
    rt = await openTestRuntime(engine);
    section = (await makeCategory(rt.ctx, "Vie locale")).slug;
    const sport = (await makeCategory(rt.ctx, "Sport")).slug;
    const author = await makeAuthor(rt.ctx);
    const now = rt.clock.now().getTime();
    let n = 0;
    for (const [subject, list] of Object.entries(stories) as [Subject, typeof stories.rugby][])
      for (const [i, [title, text]] of list.entries()) {
        const slug = `${subject}-${i}`;
        const a = await makeArticle(rt.ctx, {
          slug,
          title,
          standfirst: text,
          bodyHtml: `<p>${text}</p>`,
          categorySlug: subject === "rugby" ? sport : section,
          authorId: author.id,
          publishedAt: new Date(now - ++n * DAY),
        });
        ids.set(slug, a.id);
        subjectOf.set(a.id, subject);
      }
    const editorId = await accounts.createUser(rt.ctx, {
      email: "editrice@example.org",
      password: "mot-de-passe-solide",
      role: "editor",
      name: "Éditrice",
    });
    editor = { id: editorId, role: "editor" };
  });
  afterAll(() => rt.close());

  const listOf = (slug: string) => related.listFor(rt.ctx, ids.get(slug)!, 4);

  it("lists articles of the same subject first, never the article itself", async () => {
    for (const [slug, id] of ids) {
      const list = await listOf(slug);
      expect(list).not.toContain(id);
      expect(list.slice(0, 2).map((r) => subjectOf.get(r))).toEqual([
        subjectOf.get(id),
        subjectOf.get(id),
      ]);
    }
  });

  it("shows the stored list on the article page, as listed articles", async () => {
    const article = await articles.publishedArticle(rt.ctx, "drought-0");
    const shown = await articles.relatedArticles(rt.ctx, article);
    expect(
      shown
        .slice(0, 2)
        .map((a) => a.slug)
        .sort(),
    ).toEqual(["drought-1", "drought-2"]);
  });

  it("puts a new publication into the lists it belongs in, and takes an unpublished one out", async () => {
    const now = rt.clock.now().getTime();
    const fresh = await makeArticle(rt.ctx, {
      slug: "drought-new",
      title: "Sécheresse : les éleveurs et les nappes à sec",
      standfirst: "Fourrage, nappes phréatiques, sécheresse : les éleveurs s’inquiètent.",
      bodyHtml: "<p>La sécheresse dure ; les nappes phréatiques baissent.</p>",
      categorySlug: section,
      publishedAt: new Date(now - DAY / 2),
    });
    ids.set("drought-new", fresh.id);
    subjectOf.set(fresh.id, "drought");
    expect(await listOf("drought-0")).toContain(fresh.id);
    expect((await listOf("drought-new")).slice(0, 3).map((r) => subjectOf.get(r))).toEqual([
      "drought",
      "drought",
      "drought",
    ]);

    await editing.act(rt.ctx, editor, fresh.id, "unpublish");
    for (const slug of ["drought-0", "drought-1", "drought-2"])
      expect(await listOf(slug)).not.toContain(fresh.id);
    expect(await listOf("drought-new")).toEqual([]);

    await editing.act(rt.ctx, editor, fresh.id, "publish");
    expect(await listOf("drought-0")).toContain(fresh.id);
  });

  it("follows an edit: an article rewritten on another subject moves to that subject's lists", async () => {
    const id = ids.get("drought-new")!;
    const state = await editing.editable(rt.ctx, editor, id);
    await editing.saveArticle(rt.ctx, editor, id, {
      ...editing.formValuesOf(state.fields),
      title: "Festival de jazz : concerts et musiciens",
      standfirst: "Les musiciens de jazz donneront des concerts au festival.",
      body: "<p>Le festival de jazz et ses concerts en plein air.</p>",
      version: String(state.version),
      action: "save",
    });
    subjectOf.set(id, "festival");
    expect(await listOf("drought-0")).not.toContain(id);
    expect(await listOf("festival-0")).toContain(id);
    const own = await listOf("drought-new");
    expect(own.slice(0, 3).map((r) => subjectOf.get(r))).toEqual([
      "festival",
      "festival",
      "festival",
    ]);
  });

  it("shows pinned articles first, in order; unpin takes them out", async () => {
    const pinned = await related.pin(rt.ctx, "drought-0", ["rugby-1", "festival-2"]);
    expect(pinned).toEqual([ids.get("rugby-1"), ids.get("festival-2")]);
    const list = await listOf("drought-0");
    expect(list.slice(0, 2)).toEqual([ids.get("rugby-1"), ids.get("festival-2")]);
    expect(list).toHaveLength(4);
    await related.unpin(rt.ctx, "drought-0", ["rugby-1"]);
    expect((await listOf("drought-0"))[0]).toBe(ids.get("festival-2"));
    await related.unpin(rt.ctx, "drought-0", []);
    expect(await related.pinsOf(rt.ctx, ids.get("drought-0")!)).toEqual([]);
  });

  it("refuses pinning an article into its own list, too many, or unknown slugs", async () => {
    await expect(related.pin(rt.ctx, "drought-0", ["drought-0"])).rejects.toBeInstanceOf(Invalid);
    await expect(related.pin(rt.ctx, "drought-0", ["nulle-part"])).rejects.toBeInstanceOf(NotFound);
    const many = [...ids.keys()].filter((s) => s !== "drought-0");
    await expect(related.pin(rt.ctx, "drought-0", many)).rejects.toBeInstanceOf(Invalid);
    expect(await related.pinsOf(rt.ctx, ids.get("drought-0")!)).toEqual([]);
  });

  it("pins published articles only, and never shows one unpublished since", async () => {
    const draft = await makeArticle(rt.ctx, { slug: "pinned-draft", publishedAt: undefined });
    await expect(related.pin(rt.ctx, "rugby-0", ["pinned-draft"])).rejects.toBeInstanceOf(Invalid);
    const later = await makeArticle(rt.ctx, { slug: "pinned-later" });
    await related.pin(rt.ctx, "rugby-0", ["pinned-later"]);
    expect((await listOf("rugby-0"))[0]).toBe(later.id);
    await rt.ctx.write(async (tx) => {
      await tx.db
        .updateTable("articles")
        .set({ status: "draft" })
        .where("id", "=", later.id)
        .execute();
    });
    expect(await listOf("rugby-0")).not.toContain(later.id);
    expect(await listOf("rugby-0")).not.toContain(draft.id);
    await related.unpin(rt.ctx, "rugby-0", []);
  });

  it("rebuilds the same lists from scratch with reindex", async () => {
    const before = new Map<string, number[]>();
    for (const slug of ids.keys()) before.set(slug, await listOf(slug));
    const progress: string[] = [];
    const report = await reindex(rt.ctx, (p) => void progress.push(p.phase));
    expect(report.articles).toBe(ids.size);
    expect(progress).toContain("search");
    expect(progress).toContain("related");
    for (const [slug, list] of before) {
      const after = await listOf(slug);
      // The same subject leads each list (scores may differ in the last places: an incremental
      // update weighs terms by the counts of its time, a rebuild by today's).
      expect(after.slice(0, 2).map((r) => subjectOf.get(r))).toEqual(
        list.slice(0, 2).map((r) => subjectOf.get(r)),
      );
    }
  });
});
