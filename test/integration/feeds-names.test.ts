import { SaxesParser, type SaxesTagNS } from "saxes";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { accounts, type Actor } from "../../src/modules/accounts/index.js";
import { articles, editing } from "../../src/modules/articles/index.js";
import { testEngines } from "../helpers/engines.js";
import { makeArticle, makeAuthor, makeCategory } from "../helpers/factories.js";
import { openTestApp, type TestApp } from "../helpers/runtime.js";

const HOST = "journal.example";
const BASE = `http://${HOST}`;
const ATOM = "http://www.w3.org/2005/Atom";
const DC = "http://purl.org/dc/elements/1.1/";

/** Names with every character XML reserves, a CDATA end, and an escape typed as text. */
const NAMES = {
  section: `R&D <Labo> "Q" l'œil ]]> a > b`,
  tag: `<Tag> & "guillemets" ]]>`,
  first: `Zoé <Z> & "Cie"`,
  second: `Ana 'A' ]]> B &amp; C`,
};

interface Node {
  name: string;
  uri: string;
  attrs: Record<string, string>;
  children: Node[];
  text: string;
}

/**
 * A document read by a strict, namespace-aware XML parser, as a tree; its errors listed. Not
 * fast-xml-parser's validator: it took a "<" in an attribute's value.
 */
function parseXml(xml: string): { root: Node | undefined; errors: string[] } {
  const errors: string[] = [];
  const stack: Node[] = [];
  let root: Node | undefined;
  const parser = new SaxesParser({ xmlns: true });
  parser.on("error", (e) => void errors.push(e.message));
  parser.on("opentag", (tag: SaxesTagNS) => {
    const node: Node = {
      name: tag.local,
      uri: tag.uri,
      attrs: Object.fromEntries(Object.values(tag.attributes).map((a) => [a.local, a.value])),
      children: [],
      text: "",
    };
    stack.at(-1)?.children.push(node);
    root ??= node;
    stack.push(node);
  });
  parser.on("closetag", () => void stack.pop());
  const text = (t: string) => {
    const top = stack.at(-1);
    if (top) top.text += t;
  };
  parser.on("text", text);
  parser.on("cdata", text);
  parser.write(xml).close();
  return { root, errors };
}

const all = (n: Node, name: string, uri?: string): Node[] => [
  ...(n.name === name && (uri === undefined || n.uri === uri) ? [n] : []),
  ...n.children.flatMap((c) => all(c, name, uri)),
];
const child = (n: Node, name: string) => n.children.find((c) => c.name === name);

describe.each(testEngines())("feeds of names XML reserves, on %s", (engine) => {
  let t: TestApp;
  let slug: string;
  let scopes: string[];
  const get = (url: string) => t.app.inject({ url, headers: { host: HOST } });

  beforeAll(async () => {
    t = await openTestApp(engine);
    const section = await makeCategory(t.ctx, NAMES.section);
    const first = await makeAuthor(t.ctx, NAMES.first);
    const second = await makeAuthor(t.ctx, NAMES.second);
    const made = await makeArticle(t.ctx, {
      slug: "deux-signatures",
      title: "Deux signatures",
      categorySlug: section.slug,
      authorId: first.id,
      tags: [NAMES.tag],
    });
    slug = made.slug;
    // The second byline, as the newsroom adds one: through the editor.
    const editor: Actor = {
      id: await accounts.createUser(t.ctx, {
        email: "signatures@example.org",
        password: "mot-de-passe-solide",
        role: "editor",
        name: "Éditrice",
      }),
      role: "editor",
    };
    const state = await editing.editable(t.ctx, editor, made.id);
    await editing.saveArticle(t.ctx, editor, made.id, {
      ...editing.formValuesOf(state.fields),
      authors: [String(first.id), String(second.id)],
      version: String(state.version),
      action: "save",
    });
    const article = await articles.publishedArticle(t.ctx, slug);
    expect(article.authors.map((a) => a.name)).toEqual([NAMES.first, NAMES.second]);
    expect(article.tags.map((g) => g.name)).toEqual([NAMES.tag]);
    scopes = [
      "",
      `/rubrique/${section.slug}`,
      `/tag/${article.tags[0]!.slug}`,
      ...article.authors.map((a) => `/auteur/${a.slug}`),
    ];
  });
  afterAll(() => t.close());

  /** The listing's own name, where its feed's title says it. */
  const scopeName = (scope: string) =>
    scope.startsWith("/rubrique/")
      ? NAMES.section
      : scope.startsWith("/tag/")
        ? NAMES.tag
        : scope === scopes[3]
          ? NAMES.first
          : scope === scopes[4]
            ? NAMES.second
            : "";
  const articleUrl = () => `${BASE}/article/${slug}`;

  it("writes Atom a strict parser reads, names intact, every byline in order", async () => {
    for (const scope of scopes) {
      const url = `${scope}/feed.atom`;
      const res = await get(url);
      expect(res.statusCode, url).toBe(200);
      const { root, errors } = parseXml(res.body);
      expect(errors, url).toEqual([]);
      expect(child(root!, "title")?.text, url).toContain(scopeName(scope));
      const entry = all(root!, "entry", ATOM).find((e) =>
        e.children.some((c) => c.name === "link" && c.attrs.href === articleUrl()),
      );
      expect(entry, url).toBeDefined();
      const category = child(entry!, "category");
      expect(category?.attrs, url).toMatchObject({ term: NAMES.section, label: NAMES.section });
      expect(
        all(entry!, "author", ATOM).map((a) => child(a, "name")?.text),
        url,
      ).toEqual([NAMES.first, NAMES.second]);
    }
  });

  it("writes RSS a strict parser reads, names intact, a dc:creator a byline in order", async () => {
    for (const scope of scopes) {
      const url = `${scope}/feed.xml`;
      const res = await get(url);
      expect(res.statusCode, url).toBe(200);
      const { root, errors } = parseXml(res.body);
      expect(errors, url).toEqual([]);
      const channel = child(root!, "channel")!;
      expect(child(channel, "title")?.text, url).toContain(scopeName(scope));
      const item = all(channel, "item").find((i) => child(i, "link")?.text === articleUrl());
      expect(item, url).toBeDefined();
      const category = child(item!, "category");
      expect(category?.text, url).toBe(NAMES.section);
      expect(category?.attrs.domain, url).toMatch(/^http:\/\/journal\.example\/rubrique\//);
      expect(
        all(item!, "creator", DC).map((c) => c.text),
        url,
      ).toEqual([NAMES.first, NAMES.second]);
    }
  });

  it("gives every byline in JSON Feed 1.1's authors, in order, the first as 1.0's author", async () => {
    for (const scope of scopes) {
      const url = `${scope}/feed.json`;
      const feed = JSON.parse((await get(url)).body) as {
        version: string;
        title: string;
        items: {
          url: string;
          tags?: string[];
          author?: { name: string };
          authors?: { name: string; url?: string }[];
        }[];
      };
      expect(feed.version, url).toBe("https://jsonfeed.org/version/1.1");
      expect(feed.title, url).toContain(scopeName(scope));
      const item = feed.items.find((i) => i.url === articleUrl());
      expect(item?.tags, url).toEqual([NAMES.section]);
      expect(item?.author?.name, url).toBe(NAMES.first);
      expect(
        item?.authors?.map((a) => a.name),
        url,
      ).toEqual([NAMES.first, NAMES.second]);
      expect(
        item?.authors?.every((a) => a.url?.startsWith(`${BASE}/auteur/`)),
        url,
      ).toBe(true);
    }
  });
});
