import type { Phase } from "../phase.js";

/**
 * A comment waits for a person unless its poster showed they already wrote an approved one with
 * this address. WordPress trusts the address alone, which anyone who read it somewhere can type.
 */
export const firstComment: Phase<"settings" | "history"> = async ({ settings, history }) =>
  settings.holdFirst && !(await history.authorProven())
    ? { verdict: "pending", reason: { rule: "first-comment" } }
    : undefined;
