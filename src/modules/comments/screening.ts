import type { Ctx } from "../../ctx.js";
import { unsign } from "../../lib/crypto.js";
import { moderate, spamCheckFor, type Decision } from "../moderation/index.js";
import type { Settings } from "../settings/index.js";
import * as repo from "./repo.js";
import type { RawForm, ValidComment } from "./validation.js";

/** What the moderation pipeline is told about one reader's post. */
export interface Screened {
  articleId: number;
  value: ValidComment;
  form: RawForm;
  isReply: boolean;
  emailHash: string;
  /** The client's keyed address hash; null when the request had no address. */
  clientHash: string | null;
  /** The client's address in clear, for a remote spam service only: never stored. */
  ip: string | undefined;
  request: { siteUrl: string; permalink: string; userAgent: string; referrer: string } | undefined;
  settings: Settings;
  now: Date;
}

const field = (form: RawForm, key: string) =>
  typeof form[key] === "string" ? (form[key] as string) : undefined;

/** When the form was served, from its signed stamp: undefined when missing or forged. */
function formServedAt(ctx: Pick<Ctx, "secret">, form: RawForm): Date | undefined {
  const stamp = unsign(ctx.secret, field(form, "stamp"));
  return stamp && /^[0-9]{1,15}$/.test(stamp) ? new Date(Number(stamp)) : undefined;
}

/**
 * Runs a post through the moderation pipeline (moderation/pipeline.ts): the newsroom's rules,
 * the facts from the database they ask for, and a remote spam service when one is set and the
 * request came from a browser.
 */
export async function screenPost(ctx: Ctx, post: Screened): Promise<Decision> {
  const { value, settings, now, ip, request } = post;
  const spamCheck = spamCheckFor({
    apiKey: settings["akismet.apiKey"],
    endpoint: settings["akismet.endpoint"],
  });
  return moderate({
    name: value.name,
    website: value.website,
    body: value.body,
    honeypot: field(post.form, "homepage") ?? "",
    formServedAt: formServedAt(ctx, post.form),
    now,
    settings: {
      holdFirst: settings["comments.holdFirst"],
      maxLinks: settings["comments.maxLinks"],
      blocklist: settings["comments.blocklist"],
      minFillSeconds: settings["comments.minFillSeconds"],
      burstMax: settings["comments.burstMax"],
      burstMinutes: settings["comments.burstMinutes"],
    },
    ...(ip && request
      ? {
          remote: {
            name: spamCheck.name,
            check: () =>
              spamCheck.check({
                ...request,
                ip,
                isReply: post.isReply,
                name: value.name,
                email: value.email,
                website: value.website,
                body: value.body,
                postedAt: now,
                locale: settings["site.locale"],
              }),
          },
        }
      : {}),
    history: {
      hasApprovedComment: () => repo.hasApproved(ctx.db, post.emailHash),
      isDuplicate: () => repo.existsSame(ctx.db, post.articleId, post.emailHash, value.body),
      recentFromClient: async (minutes, atMost) =>
        post.clientHash === null
          ? 0
          : ctx.engine.toNumber(
              await repo.countFromClientSince(
                ctx.db,
                post.clientHash,
                new Date(now.getTime() - minutes * 60_000).toISOString(),
                atMost,
              ),
            ),
    },
  });
}
