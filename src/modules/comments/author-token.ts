import type { Ctx } from "../../ctx.js";
import { signFor, unsignFor } from "../../lib/crypto.js";

/**
 * The author token: the ids of the comments this browser posted, signed with the author-token
 * key (lib/crypto.ts) and kept in an HttpOnly cookie. Knowing an e-mail address is not an
 * identity: a comment skips the first-comment hold only when the token names an approved comment
 * written with the same address (decision 013). Every post adds its id, whatever its verdict, so
 * the answer never tells a sender how their post was judged.
 */
const AUTHOR_IDS_MAX = 20; // a regular's recent comments; one approved among them is enough

export function authorIds(ctx: Pick<Ctx, "secret">, token: string | undefined): number[] {
  const value = unsignFor(ctx.secret, "author-token", token);
  if (!value) return [];
  return value
    .split(",")
    .filter((s) => /^[1-9][0-9]{0,14}$/.test(s))
    .map(Number)
    .slice(-AUTHOR_IDS_MAX);
}

/** The token after this browser posted comment `id`. */
export function authorTokenWith(
  ctx: Pick<Ctx, "secret">,
  token: string | undefined,
  id: number,
): string {
  const ids = [...authorIds(ctx, token).filter((x) => x !== id), id].slice(-AUTHOR_IDS_MAX);
  return signFor(ctx.secret, "author-token", ids.join(","));
}
