import type { Candidate, Phase, Reason, Verdict } from "./phase.js";
import { ban } from "./phases/ban.js";
import { blocklist } from "./phases/blocklist.js";
import { burst } from "./phases/burst.js";
import { duplicate } from "./phases/duplicate.js";
import { fillTime } from "./phases/fill-time.js";
import { firstComment } from "./phases/first-comment.js";
import { honeypot } from "./phases/honeypot.js";
import { linkCount } from "./phases/link-count.js";
import { remoteCheck } from "./phases/remote-check.js";

/**
 * The order is the order of cost and of strength: cheap checks on the text first, database
 * look-ups last, and a refusal or spam verdict stops the run (there is nothing left to decide).
 */
const phases: readonly Phase[] = [
  // Bots: a filled honeypot or a form posted too fast.
  honeypot,
  fillTime,
  // Words the newsroom will not publish.
  blocklist,
  // Addresses and clients the newsroom banned: held or refused as the ban says. MUST run before
  // the duplicate rule and the holds, so that a refusing ban decides whatever they would say.
  ban,
  // Refused outright: the same comment again. MUST run before the holds, which would only delay it.
  duplicate,
  // Held for a person: many links, a flood from one client, or an address never approved before.
  linkCount,
  burst,
  firstComment,
  // A remote service's opinion: the slowest, so last; spam wins over the holds above.
  remoteCheck,
];

const strength: Record<Verdict | "approved", number> = {
  approved: 0,
  pending: 1,
  spam: 2,
  reject: 3,
};

export interface Decision {
  outcome: Verdict | "approved";
  reasons: Reason[];
}

/**
 * The rules whose facts another post can change while this one is screened: two posts sent at
 * once are each screened before either is stored. Asked again where the post is written.
 */
export const raceableRules: readonly Phase[] = [duplicate, burst];

export async function moderate(
  candidate: Candidate,
  only: readonly Phase[] = phases,
): Promise<Decision> {
  let outcome: Decision["outcome"] = "approved";
  const reasons: Reason[] = [];
  for (const phase of only) {
    const result = await phase(candidate);
    if (!result) continue;
    reasons.push(result.reason);
    if (strength[result.verdict] > strength[outcome]) outcome = result.verdict;
    if (outcome === "spam" || outcome === "reject") break;
  }
  return { outcome, reasons };
}
