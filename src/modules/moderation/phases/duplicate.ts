import { comparable } from "../../../lib/text.js";
import type { Phase } from "../phase.js";

/**
 * The same text from the same address on the same article, again: refused, as WordPress does.
 * "The same" as lib/text.ts compares it: another case, an invisible character or a look-alike
 * letter does not make a new comment.
 */
export const duplicate: Phase<"body" | "history"> = async ({ body, history }) => {
  const text = comparable(body);
  const earlier = await history.earlierBodies();
  return earlier.some((b) => comparable(b) === text)
    ? { verdict: "reject", reason: { rule: "duplicate" } }
    : undefined;
};
