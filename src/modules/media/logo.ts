import type { Ctx } from "../../ctx.js";
import { Invalid } from "../../lib/errors.js";
import { FormReader, type RawForm } from "../../lib/form-fields.js";
import { canChangeSettings, ensure, type Actor } from "../accounts/index.js";
import type { Settings } from "../settings/index.js";
import { setSettings } from "../settings/index.js";
import { toItem, type MediaItem } from "./model.js";
import * as repo from "./repo.js";

/** Longer than any image number: refused before it is read as one. */
const NUMBER_MAX = 12;

/**
 * Makes an image of the library the site's logo (the form's `logo`: its number), or removes the
 * logo (`logo` empty). Refused: `Invalid` (KIOSQUE_SETTING_INVALID) on `logo`, nothing saved.
 */
export async function useAsLogo(ctx: Ctx, actor: Actor, raw: RawForm): Promise<void> {
  ensure(actor, canChangeSettings);
  const form = new FormReader(raw);
  const text = form.text("logo", { max: NUMBER_MAX });
  if (!form.ok) throw new Invalid("KIOSQUE_SETTING_INVALID", form.problems);
  await saveLogo(ctx, actor, text, "logo");
}

/**
 * The command line's `kiosque settings set site.logo N`: the form's rule, its problem on the
 * setting's key. The number was once stored unchecked, and the header silently showed the name.
 */
export async function setLogoSetting(ctx: Ctx, actor: Actor, text: string): Promise<number> {
  ensure(actor, canChangeSettings);
  return saveLogo(ctx, actor, text, "site.logo");
}

/**
 * Stores the logo: an image's number, or none ("" or 0). The image is checked in the transaction
 * that saves the setting, so an image removed meanwhile cannot become the logo; the setting's
 * change is journalled, and announced to every instance, whose pages all drop (settings
 * `setSettings`). A problem is on `field`.
 */
async function saveLogo(ctx: Ctx, actor: Actor, text: string, field: string): Promise<number> {
  if (text !== "" && !/^\d{1,10}$/.test(text))
    throw new Invalid("KIOSQUE_SETTING_INVALID", { [field]: { problem: "notNumber" } });
  const id = text === "" ? 0 : Number(text);
  await ctx.write(async (tx) => {
    if (id !== 0) {
      const row = id <= 2_147_483_647 ? await repo.find(tx.db, id) : undefined;
      // A failed image has no variants to serve: as good as none.
      if (!row || row.status === "failed")
        throw new Invalid("KIOSQUE_SETTING_INVALID", { [field]: { problem: "noImage" } }, { id });
    }
    await setSettings(tx, actor, { "site.logo": id });
  });
  return id;
}

/**
 * The logo the header shows, or undefined for the site's name as text: no logo set, or one whose
 * image is gone (a number stored before the command line checked it) or failed.
 */
export async function logoOf(ctx: Ctx, settings: Settings): Promise<MediaItem | undefined> {
  const id = settings["site.logo"];
  if (id === 0) return undefined;
  const row = await repo.find(ctx.db, id);
  // A failed image has no variants to serve; a missing one leaves the name.
  if (!row || row.status === "failed") return undefined;
  return toItem(row, await repo.variantsOf(ctx.db, [id]));
}
