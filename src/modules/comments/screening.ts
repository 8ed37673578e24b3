import type { Ctx, TxCtx } from "../../ctx.js";
import {
  bans,
  moderate,
  raceableRules,
  spamCheckFor,
  type Candidate,
  type Decision,
} from "../moderation/index.js";
import { recordOutcome, type Settings } from "../settings/index.js";
import { stampedAt } from "./form-stamp.js";
import * as repo from "./repo.js";
import type { RawForm, ValidComment } from "./validation.js";

/** What the moderation pipeline is told about one reader's post. */
export interface Screened {
  articleId: number;
  value: ValidComment;
  /** The title of the GIF the post carries ("" without one). */
  gifTitle: string;
  form: RawForm;
  isReply: boolean;
  emailHash: string;
  /** The comments this browser posted, from its author token (author-token.ts). */
  authorIds: readonly number[];
  /** The client's keyed address hash; null when the request had no address. */
  clientHash: string | null;
  /** The client's key for bans (moderation/bans.ts); null when the request had no address. */
  clientKey: string | null;
  /** The client's address in clear, for a remote spam service only: never stored. */
  ip: string | undefined;
  request: { siteUrl: string; permalink: string; userAgent: string; referrer: string } | undefined;
  settings: Settings;
  now: Date;
}

/**
 * How many of an address's earlier comments on one article the duplicate rule reads: a repeat
 * is almost always of one of the last few, and the bound keeps a prolific commenter's post cheap.
 */
const DUPLICATE_LOOKBACK = 50;

const field = (form: RawForm, key: string) =>
  typeof form[key] === "string" ? (form[key] as string) : undefined;

/** Whatever a bot put in the hidden field: sent twice (or as anything but text), it is filled. */
const trapFilling = (v: unknown): string =>
  Array.isArray(v) ? v.map(trapFilling).join("") : typeof v === "string" ? v : String(v ?? "");

/**
 * Runs a post through the moderation pipeline (moderation/pipeline.ts): the newsroom's rules,
 * the facts from the database they ask for, and a remote spam service when one is set and the
 * request came from a browser.
 */
export async function screenPost(ctx: Ctx, post: Screened): Promise<Decision> {
  return moderate(candidateOf(ctx, post));
}

/**
 * The rules another post of the same poster could have fooled meanwhile, asked again inside the
 * transaction that stores this one (store.ts), after `lastLook` took the poster's key.
 */
export async function screenAgain(tx: TxCtx, post: Screened): Promise<Decision> {
  return moderate(candidateOf(tx, post), raceableRules);
}

/** What the pipeline is told, its facts read through `ctx` (a transaction's, in screenAgain). */
function candidateOf(ctx: Ctx, post: Screened): Candidate {
  const { value, settings, now, ip, request } = post;
  const spamCheck = spamCheckFor({
    apiKey: settings["akismet.apiKey"],
    endpoint: settings["akismet.endpoint"],
  });
  return {
    name: value.name,
    website: value.website,
    body: value.body,
    gifTitle: post.gifTitle,
    honeypot: trapFilling(post.form["homepage"]),
    formServedAt: stampedAt(ctx, post.articleId, field(post.form, "stamp")),
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
            check: async () => {
              const answer = await spamCheck.check({
                ...request,
                ip,
                isReply: post.isReply,
                name: value.name,
                email: value.email,
                website: value.website,
                body: value.body,
                postedAt: now,
                locale: settings["site.locale"],
              });
              // The integrations screen's status line: a failing service shows there, with when.
              if (settings["akismet.apiKey"] !== "")
                await recordOutcome(
                  ctx,
                  "akismet",
                  answer.verdict === "unavailable"
                    ? { ok: false, detail: answer.detail ?? "unavailable" }
                    : { ok: true },
                );
              return answer;
            },
          },
        }
      : {}),
    history: {
      authorProven: () => repo.writtenAmong(ctx.db, post.emailHash, post.authorIds, true),
      addressProven: () => repo.writtenAmong(ctx.db, post.emailHash, post.authorIds, false),
      // Only the poster's own comments (their browser's, or their connection's): compared with
      // anyone's who typed the same address, a repeat refused would tell a stranger which
      // e-mail wrote a published comment.
      earlierBodies: () =>
        repo.bodiesBy(
          ctx.db,
          post.articleId,
          { emailHash: post.emailHash, ids: post.authorIds, clientKey: post.clientKey },
          DUPLICATE_LOOKBACK,
        ),
      activeBan: () =>
        bans.activeBan(ctx, { emailHash: post.emailHash, clientKey: post.clientKey }, now),
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
  };
}
