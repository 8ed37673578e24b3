import { comparable } from "../../../lib/text.js";
import type { Phase } from "../phase.js";

/**
 * The same text from the same person on the same article, again: refused, as WordPress does.
 * "The same person" is the same e-mail from the same browser or connection (screening.ts), not the
 * e-mail alone, whose refusal would tell anyone who wrote a published comment. "The same text" as
 * lib/text.ts compares it: another case, an invisible character or a look-alike letter does not
 * make a new comment.
 */
export const duplicate: Phase<"body" | "history"> = async ({ body, history }) => {
  const text = comparable(body);
  const earlier = await history.earlierBodies();
  return earlier.some((b) => comparable(b) === text)
    ? { verdict: "reject", reason: { rule: "duplicate" } }
    : undefined;
};
