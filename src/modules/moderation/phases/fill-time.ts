import type { Phase } from "../phase.js";

/**
 * How long a form stamp is good for. A stamp kept longer was harvested, or its page sat open for
 * a day: a person looks at the comment, which is no harm to a person and teaches a bot nothing
 * (a held comment and a spam one look alike to their sender).
 */
const STAMP_LIFETIME_MS = 24 * 3_600_000;

/**
 * A person takes a few seconds to write; a form posted faster, or without its stamp, came from a
 * script. The stamp says when the form was given out (decision 013): to this reader when the
 * page's script asked for one, else when the page was rendered, possibly long ago for a cached
 * page. "Too fast" is certain either way (nobody opened the page before it was rendered); a slow
 * enough stamp proves nothing and leaves the decision to the other rules.
 */
export const fillTime: Phase<"formServedAt" | "now" | "settings"> = ({
  formServedAt,
  now,
  settings,
}) => {
  // 0 turns the rule off, stamp and all (for sites whose forms are posted by other means).
  if (settings.minFillSeconds === 0) return undefined;
  if (!formServedAt)
    return { verdict: "spam", reason: { rule: "fill-time", detail: "missing form stamp" } };
  const ms = now.getTime() - formServedAt.getTime();
  if (ms < settings.minFillSeconds * 1000)
    return {
      verdict: "spam",
      reason: { rule: "fill-time", detail: `${(ms / 1000).toFixed(1)} s` },
    };
  if (ms > STAMP_LIFETIME_MS)
    return { verdict: "pending", reason: { rule: "fill-time", detail: "stamp expired" } };
  return undefined;
};
