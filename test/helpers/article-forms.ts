import { expect } from "vitest";
import { editing } from "../../src/modules/articles/index.js";
import type { TestApp } from "./runtime.js";
import { postForm, type StaffMember } from "./staff.js";

type Fields = Record<string, string | string[]>;

/**
 * The newsroom's article form over HTTP, as a browser posts it: a new article in `section()`,
 * its saves on the version it is at. Both the site and the section are read when called: tests
 * open them in `beforeAll`.
 */
export function articleForms(site: () => TestApp, section: () => string) {
  const post = (url: string, who: StaffMember, fields: Fields) =>
    postForm(site().app, url, who.cookie, fields);
  const form = (title: string, authors: readonly number[]): Fields => ({
    title,
    standfirst: "",
    slug: "",
    body: "<p>Texte.</p>",
    section: section(),
    tags: "",
    authors: authors.map(String),
    comments_open: "1",
  });
  /** The article's state, as the newsroom loads it. */
  const state = (id: number) => editing.editable(site().ctx, { id: 0, role: "admin" }, id);
  return {
    post,
    form,
    state,
    /** A new article by `who`, through the form; its id. */
    async create(who: StaffMember, title: string, authors: readonly number[]): Promise<number> {
      const res = await post("/admin/articles/nouveau", who, form(title, authors));
      expect(res.statusCode, res.body).toBe(303);
      return Number(/\/admin\/articles\/(\d+)/.exec(res.headers.location ?? "")?.[1]);
    },
    /** A save of `fields` on the article's present version. */
    async save(who: StaffMember, id: number, fields: Fields, action = "save") {
      const version = String((await state(id)).version);
      return post(`/admin/articles/${id}`, who, { ...fields, version, action });
    },
  };
}
