import type { Phase } from "../phase.js";

/**
 * The newsroom banned this address or this client (moderation/bans.ts): the comment waits for a
 * person, or is refused, as the ban says. The detail names the ban, for the desk; what the
 * poster is told never says that a ban exists (comments/post.ts).
 */
export const ban: Phase<"history"> = async ({ history }) => {
  const found = await history.activeBan();
  if (!found) return undefined;
  return {
    verdict: found.mode === "refuse" ? "reject" : "pending",
    reason: { rule: "ban", detail: `${found.kind} #${found.id}` },
  };
};
