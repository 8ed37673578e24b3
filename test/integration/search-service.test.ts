import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { search, type SearchResults } from "../../src/modules/search/index.js";
import { BLNS } from "../fixtures/hostile/blns.js";
import { testEngines } from "../helpers/engines.js";
import { makeArticle, makeAuthor, makeCategory } from "../helpers/factories.js";
import { openTestRuntime, type TestRuntime } from "../helpers/runtime.js";

const DAY = 86_400_000;

/** A small newsroom whose articles each answer one French case of issue 13. */
const corpus = [
  {
    slug: "elysee-reforme",
    section: "politique",
    title: "L’Élysée présente sa réforme des retraites",
    standfirst: "Le président a réuni ses ministres au palais.",
    body: "<p>La réforme sera débattue à l’Assemblée nationale dès l’automne.</p>",
    tags: ["Retraites"],
  },
  {
    slug: "manifestants-place",
    section: "societe",
    title: "Des milliers de manifestants sur la place",
    standfirst: "Le cortège a défilé sans incident.",
    body: "<p>Les syndicats appellent à une nouvelle journée de mobilisation.</p>",
    tags: ["Mobilisation"],
  },
  {
    slug: "secheresse-plateau",
    section: "societe",
    title: "La sécheresse inquiète les agriculteurs du plateau",
    standfirst: "Les nappes phréatiques sont au plus bas.",
    body: "<p>Les éleveurs réduisent leurs troupeaux faute de fourrage.</p>",
    tags: ["Climat"],
  },
  {
    slug: "marche-agricole",
    section: "economie",
    title: "Le marché agricole du samedi s’agrandit",
    standfirst: "Vingt producteurs locaux rejoignent la halle.",
    body: "<p>Le prix des légumes reste stable malgré la météo.</p>",
    tags: ["Commerce"],
  },
  {
    slug: "prix-du-ble",
    section: "economie",
    title: "Le prix du blé grimpe encore",
    standfirst: "Les cours mondiaux s’envolent.",
    body: "<p>Le blé tendre dépasse son record. Les meuniers s’inquiètent du prix du pain.</p>",
    tags: ["Commerce"],
  },
  {
    slug: "ble-prix",
    section: "economie",
    title: "Blé : les semis en retard",
    standfirst: "Un automne pluvieux retarde les semis.",
    body: "<p>Le prix de la semence n’a pas bougé; le blé, lui, attend.</p>",
    tags: ["Commerce"],
  },
] as const;

/** The same questions on every engine: their top results must agree. */
const COMPARED = [
  "elysee",
  "manifestant",
  "agriculteur",
  "secheresse",
  "sécherese",
  "prix blé",
  "« prix du blé »",
  "prix",
  "blé",
  "nappes éleveurs",
  "réforme",
];
const topByEngine = new Map<string, string[][]>();

describe.each(testEngines())("search on %s", (engine) => {
  let rt: TestRuntime;

  beforeAll(async () => {
    rt = await openTestRuntime(engine);
    const author = await makeAuthor(rt.ctx);
    const sections = new Map<string, string>();
    for (const name of ["politique", "societe", "economie"])
      sections.set(name, (await makeCategory(rt.ctx, name)).slug);
    const now = rt.clock.now().getTime();
    for (const [i, a] of corpus.entries())
      await makeArticle(rt.ctx, {
        slug: a.slug,
        title: a.title,
        standfirst: a.standfirst,
        bodyHtml: a.body,
        tags: [...a.tags],
        categorySlug: sections.get(a.section)!,
        authorId: author.id,
        publishedAt: new Date(now - (i + 1) * DAY),
      });
    await makeArticle(rt.ctx, {
      slug: "brouillon-secheresse",
      title: "Sécheresse : brouillon",
      authorId: author.id,
      publishedAt: undefined,
    });
  });
  afterAll(() => rt.close());

  const find = (q: string, more: Partial<Parameters<typeof search.search>[1]> = {}) =>
    search.search(rt.ctx, { q, page: 1, ...more });
  const slugs = (r: SearchResults) => r.results.map((x) => x.slug);

  it("folds accents: « elysee » finds « Élysée »", async () => {
    expect(slugs(await find("elysee"))).toEqual(["elysee-reforme"]);
    expect(slugs(await find("ÉLYSÉE"))).toEqual(["elysee-reforme"]);
  });

  it("matches word forms: « manifestant » finds « manifestants »", async () => {
    expect(slugs(await find("manifestant"))).toEqual(["manifestants-place"]);
  });

  it("joins what the stemmer joins (« agriculteur » / « agriculteurs »), not « agricole » and « agriculteurs »", async () => {
    expect(slugs(await find("agriculteur"))).toEqual(["secheresse-plateau"]);
    // Snowball stems them apart (agricol / agriculteur): « agricole » finds the market only.
    expect(slugs(await find("agricole"))).toEqual(["marche-agricole"]);
  });

  it("forgives one typo in words of five letters or more", async () => {
    expect(slugs(await find("secheresse"))).toEqual(["secheresse-plateau"]);
    expect(slugs(await find("sécherese"))).toEqual(["secheresse-plateau"]);
    expect(slugs(await find("sécehresse"))).toEqual(["secheresse-plateau"]);
    // Two typos are too many.
    expect(slugs(await find("sécerese"))).toEqual([]);
  });

  it("reads quoted words as a phrase", async () => {
    expect(new Set(slugs(await find("prix blé")))).toEqual(new Set(["prix-du-ble", "ble-prix"]));
    expect(slugs(await find("« prix du blé »"))).toEqual(["prix-du-ble"]);
    expect(slugs(await find('"prix du blé"'))).toEqual(["prix-du-ble"]);
  });

  it("ranks a headline match first", async () => {
    // Both say "prix" in their text; the one that says it in its headline comes first.
    expect(slugs(await find("prix"))[0]).toBe("prix-du-ble");
  });

  it("filters by section and date, published articles only", async () => {
    expect(slugs(await find("sécheresse", { section: "nulle-part" }))).toEqual([]);
    const now = rt.clock.now().getTime();
    const r = await find("blé", { from: new Date(now - 5.5 * DAY).toISOString() });
    expect(slugs(r)).toEqual(["prix-du-ble"]);
    const older = await find("blé", { until: new Date(now - 5.5 * DAY).toISOString() });
    expect(slugs(older)).toEqual(["ble-prix"]);
    expect(slugs(await find("brouillon"))).toEqual([]);
  });

  it("marks the matching words of the headline and the passage, as text", async () => {
    const [hit] = (await find("manifestant")).results;
    expect(hit?.title.filter((s) => s.hit).map((s) => s.text)).toEqual(["manifestants"]);
    expect(hit?.title.map((s) => s.text).join("")).toBe(
      "Des milliers de manifestants sur la place",
    );
    const [ble] = (await find("meunier")).results;
    expect(ble?.snippet.some((s) => s.hit && s.text === "meuniers")).toBe(true);
  });

  it("suggests headlines as the reader types, the last word as a beginning", async () => {
    const s = await search.suggest(rt.ctx, "manif");
    expect(s.map((x) => x.slug)).toEqual(["manifestants-place"]);
    expect(await search.suggest(rt.ctx, "")).toEqual([]);
  });

  it("answers every hostile query with results or an empty list, never an error", async () => {
    const hostile = [
      '"unbalanced',
      'prix "du',
      "*",
      "sech*",
      "NEAR(prix blé)",
      "prix OR blé",
      "prix AND NOT blé",
      "-blé",
      "title_terms:prix",
      "{title_terms}: prix",
      "^prix",
      "prix:*",
      "prix & blé | !x",
      "(((",
      "'; drop table articles; --",
      "\u0000prix",
      "x".repeat(10_000),
      "prix ".repeat(2_000),
      '"'.repeat(501),
      ...BLNS,
    ];
    for (const q of hostile) {
      const r = await find(q);
      expect(Array.isArray(r.results), q.slice(0, 40)).toBe(true);
      await search.suggest(rt.ctx, q);
    }
  });

  it("records its top results for the comparison of engines", async () => {
    const tops: string[][] = [];
    for (const q of COMPARED) tops.push(slugs(await find(q)).slice(0, 3));
    expect(tops.every((t) => t.length > 0)).toBe(true);
    topByEngine.set(engine, tops);
  });

  it("finds words in other scripts, folded as French ones are, and marks them", async () => {
    await makeArticle(rt.ctx, {
      slug: "autres-ecritures",
      title: "Владимир Путин reçu à Αθήνα",
      standfirst: "Une délégation de Tōkyō (東京) et de القاهرة.",
      bodyHtml: "<p>Ἀθῆναι, ΑΘΗΝΑ : ソニー・ミュージック signe un contrat.</p>",
    });
    const only = ["autres-ecritures"];
    // The case and the accents go, as they do for « Élysée »; a run of ideographs is one word.
    for (const q of ["Путин", "путин", "ПУТИН", "Αθηνα", "αθήνα", "東京", "القاهرة", "ソニー"])
      expect(slugs(await find(q)), q).toEqual(only);
    // Each script's own punctuation ends a word: « ・ » between two katakana words.
    expect(slugs(await find("ミュージック"))).toEqual(only);
    const [hit] = (await find("путин")).results;
    expect(hit?.title.filter((s) => s.hit).map((s) => s.text)).toEqual(["Путин"]);
    // French words are read as they always were, the ones in the same text included.
    expect(slugs(await find("délégation"))).toEqual(only);
  });

  it("updates the index when an article is edited or leaves", async () => {
    const a = await makeArticle(rt.ctx, { title: "Un ornithorynque au zoo", slug: "ornitho" });
    expect(slugs(await find("ornithorynque"))).toEqual(["ornitho"]);
    await rt.ctx.write(async (tx) => {
      await tx.db.updateTable("articles").set({ status: "draft" }).where("id", "=", a.id).execute();
      await search.refreshDocument(tx, a.id);
    });
    expect(slugs(await find("ornithorynque"))).toEqual([]);
    const vocabulary = await search.vocabulary(rt.ctx);
    expect(vocabulary.has("ornithorynqu")).toBe(false);
  });
});

// Defined only when the run has both engines (KIOSQUE_TEST_ENGINES may narrow it to one).
if (testEngines().length > 1)
  describe("search on both engines", () => {
    it("gives the same top results for the same questions", () => {
      const [first, ...others] = [...topByEngine.values()];
      for (const other of others) expect(other).toEqual(first);
      expect(topByEngine.size).toBe(testEngines().length);
    });
  });
