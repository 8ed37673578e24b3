import type { Ctx } from "../../ctx.js";
import { changeKeys } from "../../lib/change-keys.js";
import { Invalid } from "../../lib/errors.js";
import { FormReader, type RawForm } from "../../lib/form-fields.js";
import type { Locale } from "../../web/i18n/index.js";
import { audit } from "../audit/index.js";
import { hashPassword, PASSWORD_MAX, readNewPassword } from "./passwords.js";
import { canUseNewsroom, ensure, type Actor } from "./permissions.js";
import * as repo from "./repo.js";
import { NAME_MAX } from "./users.js";
import { isCurrentPassword, withProofLimits, type Asker } from "./verification.js";

export const locales: readonly Locale[] = ["fr", "en"];

/** The person's own name (bylines show it) and the newsroom's language for them. */
export async function updateProfile(ctx: Ctx, actor: Actor, raw: RawForm): Promise<void> {
  ensure(actor, canUseNewsroom);
  const form = new FormReader(raw);
  const name = form.text("name", { required: true, max: NAME_MAX });
  const locale = form.choice("locale", locales);
  if (!form.ok || !locale) throw new Invalid("KIOSQUE_ACCOUNT_INVALID", form.problems);
  // The byline's address (slug) stays: links to the author's page keep working.
  await ctx.write(async (tx, changed) => {
    const before = await repo.findById(tx.db, actor.id);
    await repo.updateUser(tx.db, actor.id, { name, locale });
    // The name signs articles: their pages, their JSON-LD, every listing and feed with a byline,
    // the author's page. A rename is rare; every cached page goes, as after a settings change.
    if (before?.name !== name) changed(changeKeys.all);
  });
}

/**
 * A new password, on the current one. Every other session of the person ends (whoever else held
 * one held it with the old password); the browser asking, `keep`, stays signed in.
 */
export async function changePassword(
  ctx: Ctx,
  actor: Actor,
  raw: RawForm,
  asker: Asker & { keep: string },
): Promise<void> {
  ensure(actor, canUseNewsroom);
  const form = new FormReader(raw);
  const current = form.secret("current", { required: true, max: PASSWORD_MAX });
  const password = readNewPassword(form, "password", "confirm");
  if (!form.ok) throw new Invalid("KIOSQUE_ACCOUNT_INVALID", form.problems);
  const ok = await withProofLimits(ctx, actor.id, asker, () =>
    isCurrentPassword(ctx, actor.id, current),
  );
  if (!ok) throw new Invalid("KIOSQUE_ACCOUNT_INVALID", { current: { problem: "wrongPassword" } });
  const passwordHash = await hashPassword(password);
  await ctx.write(async (tx) => {
    await repo.updateUser(tx.db, actor.id, { password_hash: passwordHash });
    await repo.deleteOtherSessions(tx.db, actor.id, asker.keep);
    await audit.record(tx, {
      actor,
      action: "account.password",
      target: { type: "person", id: actor.id },
    });
  });
}
