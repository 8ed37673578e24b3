import type { Ctx } from "../../ctx.js";
import { Invalid, NotFound } from "../../lib/errors.js";
import { FormReader, type RawForm } from "../../lib/form-fields.js";
import { parseRowId } from "../../lib/row-id.js";
import { accounts, canModerate, ensure, type Actor } from "../accounts/index.js";
import { audit } from "../audit/index.js";
import { comments } from "../comments/index.js";
import { bans, type BanRow } from "../moderation/index.js";

/** The durations a ban may have, in days: a ban always ends (a new one can follow). */
export const banDays = [1, 7, 30, 90, 365] as const;
/** The newsroom's note on a ban: a line, not an essay. */
const REASON_MAX = 300;
const EMAIL_MAX = 254;
const DAY_MS = 86_400_000;

/**
 * Bans a commenter's address or client (from one of their comments), or an address typed on the
 * bans page, holding or refusing their comments until it ends. Recorded in the journal; the
 * address itself is stored nowhere (its keyed hash only), nor written in the journal.
 */
export async function createBan(ctx: Ctx, actor: Actor, raw: RawForm): Promise<number> {
  ensure(actor, canModerate);
  const form = new FormReader(raw);
  const commentText = form.text("commentaire", { max: 20 });
  const commentId = commentText ? parseRowId(commentText) : undefined;
  const kind = form.choice("kind", ["email", "client"] as const);
  const mode = form.choice("mode", ["hold", "refuse"] as const);
  const days = form.choice(
    "days",
    banDays.map((d) => String(d)),
  );
  const reason = form.text("reason", { max: REASON_MAX });
  const typed = commentId === undefined ? form.text("email", { max: EMAIL_MAX }) : "";
  if (commentText && commentId === undefined) form.refuse("kind", { problem: "choice" });
  const source = commentId === undefined ? undefined : await comments.staffComment(ctx, commentId);
  if (commentId !== undefined && !source) throw new NotFound("comment", { id: commentId });
  let valueHash: string | undefined;
  if (kind === "email")
    if (source) valueHash = source.emailHash;
    else if (typed === "") form.refuse("email", { problem: "required" });
    else if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(typed)) form.refuse("email", { problem: "email" });
    else valueHash = comments.emailHash(ctx, typed);
  if (kind === "client") {
    // A client is known only from a comment, and only while its key is kept.
    if (source?.clientKey) valueHash = source.clientKey;
    else form.refuse("kind", { problem: "noClient" });
  }
  if (!form.ok || !kind || !mode || !days || !valueHash)
    throw new Invalid("KIOSQUE_BAN_INVALID", form.problems);
  const expiresAt = new Date(ctx.clock.now().getTime() + Number(days) * DAY_MS);
  const hash = valueHash;
  return ctx.write(async (tx) => {
    const id = await bans.createBan(tx, {
      kind,
      valueHash: hash,
      mode,
      reason,
      expiresAt,
      createdBy: actor.id,
      commentId: commentId ?? null,
    });
    await audit.record(tx, {
      actor,
      action: "ban.create",
      target: { type: "ban", id },
      details: {
        kind,
        mode,
        days: Number(days),
        expiresAt: expiresAt.toISOString(),
        ...(commentId === undefined ? {} : { comment: commentId }),
      },
    });
    return id;
  });
}

/** Ends a ban now (it stays on the list, lifted). */
export async function liftBan(ctx: Ctx, actor: Actor, id: number): Promise<void> {
  ensure(actor, canModerate);
  await ctx.write(async (tx) => {
    const ban = await bans.liftBan(tx, id, actor.id);
    if (!ban.active) return;
    await audit.record(tx, {
      actor,
      action: "ban.lift",
      target: { type: "ban", id },
      details: { kind: ban.kind, mode: ban.mode },
    });
  });
}

export interface BansPage {
  bans: BanRow[];
  /** Who made or lifted each ban, by id. */
  names: Map<number, string>;
}

export async function listBans(ctx: Ctx, actor: Actor): Promise<BansPage> {
  ensure(actor, canModerate);
  const list = await bans.listBans(ctx);
  const names = await accounts.namesOf(
    ctx,
    list.flatMap((b) => [b.createdBy, ...(b.liftedBy === null ? [] : [b.liftedBy])]),
  );
  return { bans: list, names };
}
