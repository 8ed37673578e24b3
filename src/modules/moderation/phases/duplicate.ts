import type { Phase } from "../phase.js";

/** The same text from the same address on the same article, again: refused, as WordPress does. */
export const duplicate: Phase<"history"> = async ({ history }) =>
  (await history.isDuplicate()) ? { verdict: "reject", reason: { rule: "duplicate" } } : undefined;
