import type { Ctx } from "../../../ctx.js";
import { ImportRefused } from "../errors.js";
import * as repo from "../repo.js";
import type { WxrChannel } from "../wxr/model.js";

/**
 * What names a WordPress site across its exports: its address without scheme (a site moved to
 * https is the same site) or trailing slash, lower-cased; "" when the export says none.
 */
export function siteKey(channel: WxrChannel | undefined): string {
  const address = channel?.baseSiteUrl || channel?.link || "";
  try {
    const url = new URL(address);
    return `${url.host}${url.pathname.replace(/\/+$/, "")}`.toLowerCase();
  } catch {
    return "";
  }
}

/**
 * Kiosque remembers what each WordPress id became, by that id alone: an export of a second
 * WordPress site, whose post 1 and comment 1 are not the first site's, had them taken for
 * "already imported" and dropped, silently. So the site imported is remembered too, and an
 * export of another is refused before anything is written (KIOSQUE_IMPORT_OTHER_SITE). A
 * database whose imports predate this adopts the next export's site; an export naming no site
 * is not checked.
 */
export async function requireSameSite(ctx: Ctx, file: string, key: string): Promise<void> {
  if (key === "") return;
  const known = await repo.importedSites(ctx.db);
  if (known.length > 0 && !known.includes(key))
    throw new ImportRefused("KIOSQUE_IMPORT_OTHER_SITE", {
      file,
      reason: `an export of ${key}, while this site has ${known.join(", ")}'s: Kiosque imports one WordPress site, whose numbers are its own`,
    });
}

/** Remembers the site an import writes from, before it writes anything else. */
export async function rememberSite(ctx: Ctx, key: string): Promise<void> {
  if (key === "") return;
  await ctx.write((tx) => repo.remember(tx.db, [{ kind: "site", wp_id: key, kiosque_id: 0 }]));
}
