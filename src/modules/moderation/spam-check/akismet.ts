import { cappedText } from "../../../lib/capped-text.js";
import type { KeyCheck, SpamCheck, SpamQuery } from "./spam-check.js";

/** A reader waits for this answer: past it the comment is held rather than the reader kept. */
const TIMEOUT_MS = 3_000;
/** An admin testing a key waits a little longer than a reader: they asked for this one answer. */
const VERIFY_TIMEOUT_MS = 5_000;
/** Akismet answers a word ("true", "valid"…): a few bytes are read of whatever else comes. */
const ANSWER_MAX_BYTES = 64 * 1024;

/** The answer's word, trimmed; "(too large)" for one past the bound, which no word is. */
const answerOf = async (response: Response) =>
  ((await cappedText(response, ANSWER_MAX_BYTES).catch(() => "")) ?? "(too large)").trim();

const post = (url: URL, body: URLSearchParams, timeoutMs: number) =>
  fetch(url, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded; charset=utf-8" },
    body,
    signal: AbortSignal.timeout(timeoutMs),
    redirect: "error",
  });

/** What a failed call says in the log and on the status line: the kind of failure only. */
const failure = (error: unknown) => {
  const why = error instanceof Error ? error.name : "error";
  return why === "TimeoutError" ? "timeout" : why;
};

/**
 * Akismet's comment-check call (https://akismet.com/developers/comment-check/), or any service
 * speaking the same protocol at `endpoint`: a form POST, answered "true" (spam), "false" (ham),
 * or anything else (a refused key says "invalid", with X-akismet-debug-help) for a problem.
 * "X-akismet-pro-tip: discard" marks the worst spam; Kiosque keeps it as spam all the same, so
 * moderators can see what was caught.
 */
export function akismet(apiKey: string, endpoint: string): SpamCheck {
  const base = endpoint.endsWith("/") ? endpoint : `${endpoint}/`;
  const url = new URL("1.1/comment-check", base);
  return {
    name: "akismet",
    async check(q: SpamQuery) {
      let response: Response;
      try {
        response = await post(url, form(apiKey, q), TIMEOUT_MS);
      } catch (error) {
        return { verdict: "unavailable", detail: failure(error) };
      }
      const text = await answerOf(response);
      if (response.ok && text === "true") {
        const tip = response.headers.get("x-akismet-pro-tip");
        return { verdict: "spam", ...(tip ? { detail: tip } : {}) };
      }
      if (response.ok && text === "false") return { verdict: "ham" };
      const help = response.headers.get("x-akismet-debug-help");
      return {
        verdict: "unavailable",
        detail: `${response.status} ${text.slice(0, 40)}${help ? `: ${help.slice(0, 120)}` : ""}`,
      };
    },
    verify: (siteUrl) => verifyKey(apiKey, base, siteUrl),
  };
}

/**
 * Akismet's verify-key call (https://akismet.com/developers/key-verification/): the key and the
 * site it is used for, answered "valid" or "invalid" (with X-akismet-debug-help saying why).
 */
async function verifyKey(apiKey: string, base: string, siteUrl: string): Promise<KeyCheck> {
  let response: Response;
  try {
    response = await post(
      new URL("1.1/verify-key", base),
      new URLSearchParams({ api_key: apiKey, blog: siteUrl }),
      VERIFY_TIMEOUT_MS,
    );
  } catch (error) {
    return { ok: false, detail: failure(error) };
  }
  const text = await answerOf(response);
  if (response.ok && text === "valid") return { ok: true };
  const help = response.headers.get("x-akismet-debug-help");
  return {
    ok: false,
    detail: `${response.status} ${text.slice(0, 40)}${help ? `: ${help.slice(0, 120)}` : ""}`,
  };
}

function form(apiKey: string, q: SpamQuery): URLSearchParams {
  const fields: Record<string, string> = {
    api_key: apiKey,
    blog: q.siteUrl,
    user_ip: q.ip,
    user_agent: q.userAgent,
    referrer: q.referrer,
    permalink: q.permalink,
    comment_type: q.isReply ? "reply" : "comment",
    comment_author: q.name,
    comment_author_email: q.email,
    comment_content: q.body,
    comment_date_gmt: q.postedAt.toISOString(),
    blog_lang: q.locale,
    blog_charset: "UTF-8",
  };
  if (q.website) fields.comment_author_url = q.website;
  return new URLSearchParams(fields);
}
