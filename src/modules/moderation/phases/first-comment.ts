import type { Phase } from "../phase.js";

/** An address with no approved comment yet waits for a person, as WordPress does by default. */
export const firstComment: Phase<"settings" | "history"> = async ({ settings, history }) =>
  settings.holdFirst && !(await history.hasApprovedComment())
    ? { verdict: "pending", reason: { rule: "first-comment" } }
    : undefined;
