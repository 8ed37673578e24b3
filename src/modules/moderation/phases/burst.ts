import type { Phase } from "../phase.js";

/**
 * Many comments from one client in a few minutes is a flood, a script or a quarrel: a person
 * looks before more of them show. Clients are told apart as the rate limit tells them apart (an
 * IPv6 /64 is one: lib/client-group.ts), by a hash whose salt changes each day, so a burst across midnight UTC goes unseen (rare, and the rate limit stays).
 */
export const burst: Phase<"settings" | "history"> = async ({ settings, history }) => {
  if (settings.burstMax === 0) return undefined;
  const recent = await history.recentFromClient(settings.burstMinutes, settings.burstMax);
  return recent >= settings.burstMax
    ? {
        verdict: "pending",
        reason: { rule: "burst", detail: `over ${recent} in ${settings.burstMinutes} min` },
      }
    : undefined;
};
