import type { FastifyInstance } from "fastify";
import type { Ctx } from "../../src/ctx.js";
import { accounts } from "../../src/modules/accounts/index.js";
import { articles, type NewArticle } from "../../src/modules/articles/index.js";
import { formBody } from "./http.js";

let n = 0;
const next = () => ++n;

export async function makeCategory(ctx: Ctx, name = `Rubrique ${next()}`) {
  const slug = `rubrique-${next()}`;
  await articles.createCategory(ctx, { slug, name, description: `À propos de ${name}` });
  return { slug, name };
}

export async function makeAuthor(ctx: Ctx, name = `Plume ${next()}`) {
  const i = next();
  const id = await accounts.createUser(ctx, {
    email: `auteur${i}@example.org`,
    password: "mot-de-passe-solide",
    role: "author",
    name,
  });
  return { id, name };
}

/** A published article (an hour before the clock), in a new category unless one is given. */
export async function makeArticle(ctx: Ctx, overrides: Partial<NewArticle> = {}) {
  const i = next();
  const categorySlug = overrides.categorySlug ?? (await makeCategory(ctx)).slug;
  const authorId = overrides.authorId ?? (await makeAuthor(ctx)).id;
  const input: NewArticle = {
    slug: `article-${i}`,
    title: `Titre ${i}`,
    standfirst: `Chapô ${i}`,
    bodyHtml: `<p>Corps ${i}</p>`,
    tags: [],
    publishedAt: new Date(ctx.clock.now().getTime() - 3_600_000),
    ...overrides,
    categorySlug,
    authorId,
  };
  const id = await articles.createArticle(ctx, input);
  return { id, slug: input.slug as string, categorySlug, authorId };
}

/** A valid comment form from a new address each time, with fields overridden as given. */
export function commentForm<T extends Record<string, unknown>>(overrides: T = {} as T) {
  const i = next();
  return {
    name: `Lectrice ${i}`,
    email: `lectrice${i}@example.net`,
    website: "",
    body: `Remarque numéro ${i}.`,
    ...overrides,
  };
}

/** Every stored comment, whatever its status: to show that a refused post stored nothing. */
export async function countComments(ctx: Ctx): Promise<number> {
  const row = await ctx.db
    .selectFrom("comments")
    .select((eb) => eb.fn.countAll().as("n"))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/**
 * A reader's comment form posted to the article `slug` as the browser sends it: from `address`
 * when given (the client the limits and the burst rule count), asking for JSON as the page's
 * script does when `json`.
 */
export function sendCommentForm(
  app: FastifyInstance,
  slug: string,
  form: Readonly<Record<string, string>>,
  options: { json?: boolean; address?: string } = {},
) {
  return app.inject({
    method: "POST",
    url: `/article/${slug}/commentaires`,
    ...(options.address ? { remoteAddress: options.address } : {}),
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      ...(options.json ? { accept: "application/json" } : {}),
    },
    payload: formBody(form),
  });
}
