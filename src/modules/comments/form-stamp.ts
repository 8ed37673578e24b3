import type { Ctx } from "../../ctx.js";
import { signFor, unsignFor } from "../../lib/crypto.js";
import { articles } from "../articles/index.js";

/**
 * The comment form's stamp: when the form was given out, for which article, signed with the
 * form-stamp key (lib/crypto.ts), so neither a cookie nor another article's stamp passes for it.
 * The fill-time rule (moderation/phases/fill-time.ts) measures from it; decision 013 says where
 * stamps come from and why a cached page's stamp counts for less.
 */
export function formStamp(ctx: Pick<Ctx, "secret">, articleId: number, at: Date): string {
  return signFor(ctx.secret, "form-stamp", `${articleId}.${at.getTime()}`);
}

/**
 * A stamp for one reader, now: what the comment island asks for when the reader starts on the
 * form, since the stamp in a cached page tells only when that page was rendered.
 */
export async function freshStamp(ctx: Ctx, slug: string): Promise<string> {
  const article = await articles.discussionTarget(ctx, slug);
  return formStamp(ctx, article.id, ctx.clock.now());
}

/** When the form was given out, if `stamp` is a genuine stamp of this article; else undefined. */
export function stampedAt(
  ctx: Pick<Ctx, "secret">,
  articleId: number,
  stamp: string | undefined,
): Date | undefined {
  const value = unsignFor(ctx.secret, "form-stamp", stamp);
  const m = value ? /^([1-9][0-9]{0,14})\.([0-9]{1,15})$/.exec(value) : null;
  return m && Number(m[1]) === articleId ? new Date(Number(m[2])) : undefined;
}
