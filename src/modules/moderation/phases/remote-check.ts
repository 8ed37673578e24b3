import type { Phase } from "../phase.js";

/**
 * A remote spam service's opinion (Akismet's protocol), when one is configured. It MUST run
 * last: it is the slowest rule, and refusals and spam found locally spare the call. When the
 * service cannot answer, the comment waits for a person instead of going out unchecked.
 */
export const remoteCheck: Phase<"remote"> = async ({ remote }) => {
  if (!remote) return undefined;
  const { verdict, detail } = await remote.check();
  const reason = { rule: remote.name, ...(detail ? { detail } : {}) };
  if (verdict === "spam") return { verdict: "spam", reason };
  if (verdict === "unavailable")
    return { verdict: "pending", reason: { ...reason, rule: `${remote.name}-unavailable` } };
  return undefined;
};
