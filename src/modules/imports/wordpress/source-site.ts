import type { Ctx } from "../../../ctx.js";
import { ImportRefused } from "../errors.js";
import * as repo from "../repo.js";
import type { WxrChannel } from "../wxr/model.js";
import { tooLong } from "./keys.js";

/** An address without scheme (a site moved to https is the same site) or trailing slash. */
function keyOf(address: string): string {
  try {
    const url = new URL(address);
    return `${url.host}${url.pathname.replace(/\/+$/, "")}`.toLowerCase();
  } catch {
    return "";
  }
}

/**
 * What names a WordPress site across its exports: its blog's address, normalised; "" when the
 * export says none. `base_blog_url` first: `base_site_url` is the network's, the same
 * (`https://wordpress.com/`) for every WordPress.com blog and every subsite of a multisite, so
 * a second blog was taken for the first and its post and comment numbers for the first's.
 */
export function siteKey(channel: WxrChannel | undefined): string {
  return keyOf(channel?.baseBlogUrl || channel?.link || channel?.baseSiteUrl || "");
}

/** The key imports before `siteKey` read `base_blog_url` stored: kept to recognise them. */
function networkKey(channel: WxrChannel | undefined): string {
  return keyOf(channel?.baseSiteUrl || channel?.link || "");
}

/** The site an export is of: the key to check and store, and the one an older import stored. */
export interface SourceSite {
  key: string;
  /** Stored by an import before keys named the blog, to be replaced by `key`. */
  replaces?: string;
}

/**
 * Kiosque remembers what each WordPress id became, by that id alone: an export of a second
 * WordPress site, whose post 1 and comment 1 are not the first site's, had them taken for
 * "already imported" and dropped, silently. So the site imported is remembered too, and an
 * export of another is refused before anything is written (KIOSQUE_IMPORT_OTHER_SITE). A
 * database whose imports predate this adopts the next export's site; an export naming no site
 * is not checked.
 */
export async function requireSameSite(
  ctx: Ctx,
  file: string,
  channel: WxrChannel | undefined,
): Promise<SourceSite> {
  const key = siteKey(channel);
  if (key === "") return { key };
  if (tooLong(key, "address"))
    throw new ImportRefused("KIOSQUE_IMPORT_UNSUPPORTED", {
      file,
      reason: `the WordPress site's address (wp:base_blog_url or <link>) is ${key.length} characters long, which no site's is`,
    });
  const known = await repo.importedSites(ctx.db);
  if (known.length === 0 || known.includes(key)) return { key };
  // Imports before the blog's address named the site stored the network's (`wordpress.com`
  // for every WordPress.com blog). The same blog's next export must still be accepted, so one
  // whose old key is the stored one is, and its own key replaces it: from then on another blog
  // of that network is refused. (Which blog of the network the stored key was cannot be known:
  // the first export after the change is taken for it.)
  const old = networkKey(channel);
  if (old !== key && known.includes(old)) return { key, replaces: old };
  throw new ImportRefused("KIOSQUE_IMPORT_OTHER_SITE", {
    file,
    reason: `an export of ${key}, while this site has ${known.join(", ")}'s: Kiosque imports one WordPress site, whose numbers are its own`,
  });
}

/** Remembers the site an import writes from, before it writes anything else. */
export async function rememberSite(ctx: Ctx, site: SourceSite): Promise<void> {
  if (site.key === "") return;
  await ctx.write(async (tx) => {
    if (site.replaces !== undefined) await repo.forgetSite(tx.db, site.replaces);
    await repo.remember(tx.db, [{ kind: "site", wp_id: site.key, kiosque_id: 0 }]);
  });
}
