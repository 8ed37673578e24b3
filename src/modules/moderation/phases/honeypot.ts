import type { Phase } from "../phase.js";

/** A hidden field only bots fill in. */
export const honeypot: Phase<"honeypot"> = ({ honeypot }) =>
  honeypot.trim() !== "" ? { verdict: "spam", reason: { rule: "honeypot" } } : undefined;
