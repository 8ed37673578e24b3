import type { Phase } from "../phase.js";

/** A person takes a few seconds to write; a form posted faster, or without its stamp, came from a script. */
export const fillTime: Phase<"formServedAt" | "now" | "settings"> = ({
  formServedAt,
  now,
  settings,
}) => {
  // 0 turns the rule off, stamp and all (for sites whose forms are posted by other means).
  if (settings.minFillSeconds === 0) return undefined;
  if (!formServedAt)
    return { verdict: "spam", reason: { rule: "fill-time", detail: "missing form stamp" } };
  const seconds = (now.getTime() - formServedAt.getTime()) / 1000;
  return seconds < settings.minFillSeconds
    ? { verdict: "spam", reason: { rule: "fill-time", detail: `${seconds.toFixed(1)} s` } }
    : undefined;
};
