import type { Phase } from "../phase.js";

/**
 * The newsroom banned this address or this client (moderation/bans.ts): the comment waits for a
 * person, or is refused, as the ban says. The detail names the ban, for the desk; what the
 * poster is told never says that a ban exists (comments/post.ts).
 *
 * A refusal tells the poster something, so an address's ban refuses only a poster who shows the
 * address is theirs (their browser's token names a comment of it). Anyone else typing it gets
 * what every unknown address gets, "held", and the comment goes to spam: otherwise a stranger
 * could try addresses and learn which ones the newsroom banned. A client's ban is the poster's
 * own connection, and refuses as it says.
 */
export const ban: Phase<"history"> = async ({ history }) => {
  const found = await history.activeBan();
  if (!found) return undefined;
  const reason = { rule: "ban", detail: `${found.kind} #${found.id}` };
  if (found.mode === "hold") return { verdict: "pending", reason };
  if (found.kind === "email" && !(await history.addressProven()))
    return { verdict: "spam", reason };
  return { verdict: "reject", reason };
};
