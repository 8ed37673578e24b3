import type { Ctx, TxCtx } from "../../ctx.js";
import * as repo from "./repo.js";

/**
 * WordPress's own query-string addresses: `/?p=123` (a post), `/?page_id=` (a page),
 * `/?attachment_id=`, `/?cat=`, `/?tag=`, `/?author=`, `/?feed=`. Only these keys make a query
 * string part of an old address; any other query string is ignored, as Kiosque's routes do.
 */
export const QUERY_KEYS = [
  "p",
  "page_id",
  "attachment_id",
  "cat",
  "tag",
  "author",
  "feed",
] as const;

/**
 * Longer than any address a site had: not stored, not looked up. Measured as stored (encoded,
 * ASCII): 2,048 bytes stay under PostgreSQL's index entry limit (~2,700), where 2,048 "é" typed
 * as such would be 12,288 once encoded.
 */
const MAX_PATH = 2048;

/**
 * The one spelling an old address is stored and looked up under, or undefined when it is not
 * one: the path as the URL parser writes it (percent-encoded), without its trailing slash, with
 * `/index.php` read as `/`, and with the first WordPress query key it carries (`/?p=123`).
 * Accepts a full URL (an export's `<link>`) or a request's path and query.
 */
export function oldPath(address: string): string | undefined {
  if (address.length > MAX_PATH) return undefined;
  let url: URL;
  try {
    url = new URL(address, "http://old.invalid");
  } catch {
    return undefined;
  }
  // One spelling of each character: "%c3%a9", "%C3%A9" and "é" are the same address.
  let path =
    url.pathname
      .split("/")
      .map((segment) => encodeURIComponent(decoded(segment)))
      .join("/")
      .replace(/\/+$/, "") || "/";
  if (path === "/index.php") path = "/";
  for (const key of QUERY_KEYS) {
    const value = url.searchParams.get(key);
    if (value !== null && value !== "") {
      path = `${path}?${key}=${encodeURIComponent(value)}`;
      break;
    }
  }
  return path.length > MAX_PATH ? undefined : path;
}

function decoded(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** Where an old address now lives, or undefined. One primary-key lookup. */
export async function lookup(ctx: Ctx, address: string): Promise<string | undefined> {
  const path = oldPath(address);
  if (path === undefined) return undefined;
  return (await repo.find(ctx.db, path))?.target;
}

/**
 * Records old addresses in the caller's transaction. An address that is the target itself (the
 * site kept its slugs and Kiosque's path is the same) is left out: it would loop. A target is an
 * address that lives here, so it stops being an old one: otherwise a page renamed a → b → a
 * would send /page/a to /page/b and back (forget below).
 */
export async function record(
  tx: TxCtx,
  pairs: readonly { from: string; to: string }[],
): Promise<void> {
  const now = tx.clock.now().toISOString();
  const rows = new Map<string, { path: string; target: string; created_at: string }>();
  const targets: string[] = [];
  for (const { from, to } of pairs) {
    const path = oldPath(from);
    // Targets are this site's own paths: never another origin ("//host" included).
    if (!to.startsWith("/") || to.startsWith("//")) continue;
    if (path === undefined || path === to || path === oldPath(to)) continue;
    rows.set(path, { path, target: to, created_at: now });
    targets.push(to);
  }
  // Of a batch whose old addresses are also its targets, the targets win: they live here.
  for (const to of targets) rows.delete(oldPath(to) ?? to);
  await forget(tx, targets);
  await repo.put(tx.db, [...rows.values()]);
}

/**
 * Addresses that live here again (a page takes back a slug it, or another page, had) are no
 * longer old ones. Every place that makes an address live calls this, as articles' forgetSlug:
 * an address both live and redirected loops as soon as its page is a draft.
 */
export async function forget(tx: TxCtx, addresses: readonly string[]): Promise<void> {
  const paths = addresses.map(oldPath).filter((p): p is string => p !== undefined);
  await repo.remove(tx.db, [...new Set(paths)]);
}

/**
 * An address of this site's own moves (a page renamed): the old one answers 301 to the new one,
 * and so does every old address that led to the old one, in one hop. Redirects thus only ever
 * point at live addresses, never at one that redirects on (a → b, b → c, c → a never loops).
 */
export async function move(tx: TxCtx, from: string, to: string): Promise<void> {
  await repo.retarget(tx.db, from, to);
  await record(tx, [{ from, to }]);
}

export async function count(ctx: Ctx): Promise<number> {
  return ctx.engine.toNumber(await repo.count(ctx.db));
}
