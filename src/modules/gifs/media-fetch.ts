import net from "node:net";
import { isPrivateAddress, outboundFetch, type OutboundFailure } from "../../lib/outbound-fetch.js";

/**
 * Fetches a provider's media file for Kiosque to serve or keep, and nothing else: Kiosque must
 * never become an open proxy, nor a way to reach the machines around it (SSRF).
 *
 * - Only https URLs on the provider's media hosts (an exact host name, the default port, no
 *   credentials), each redirect hop checked again (at most 3 followed).
 * - A host's DNS answers are checked as the connection is made (the socket's own `lookup`), so
 *   the address checked is the address connected to: no second resolution to rebind. IP
 *   literals are refused outright (no media host is one).
 * - The one exception, and how narrow it is: when the provider's configured API endpoint is
 *   itself a loopback address (tests run a fake provider on 127.0.0.1), media on that exact
 *   origin (scheme, address and port) are fetched, over http too. Nothing else on loopback, and
 *   no other private address, ever: an endpoint is an admin's setting, a media URL is a
 *   provider's word.
 * - A time limit on the whole fetch and a byte cap, checked as bytes arrive.
 *
 * The address rules, redirects and limits are lib/outbound-fetch.ts's, shared with the WordPress
 * import's downloads; the provider's hosts and the loopback exception are this file's.
 */

export interface MediaPolicy {
  /** Host names the provider serves media from. */
  readonly hosts: readonly string[];
  /** The provider's API endpoint (its loopback origin alone is trusted, see above). */
  readonly endpoint: string;
  /** DNS, for tests of the address rules; the system's resolver otherwise. */
  readonly resolve?: (host: string) => Promise<{ address: string; family: number }[]>;
}

/** A provider's policy: its media hosts, and its endpoint for the loopback exception. */
export function policyOf(provider: {
  readonly mediaHosts: readonly string[];
  readonly endpoint: string;
}): MediaPolicy {
  return { hosts: provider.mediaHosts, endpoint: provider.endpoint };
}

export type Fetched = { ok: true; bytes: Buffer; type: string } | { ok: false; reason: string };

export { isPrivateAddress };

function isLoopbackHost(hostname: string): boolean {
  const bare = hostname.replace(/^\[|\]$/g, "");
  if (bare === "localhost") return true;
  if (net.isIPv4(bare)) return bare.startsWith("127.");
  return bare === "::1";
}

/** The one origin trusted in spite of the address rules: a loopback API endpoint's (tests). */
export function trustedOrigin(endpoint: string): string | undefined {
  try {
    const url = new URL(endpoint);
    return isLoopbackHost(url.hostname) ? url.origin : undefined;
  } catch {
    return undefined;
  }
}

/** Why a URL may not be fetched, or undefined when it may. */
export function refusal(url: URL, policy: MediaPolicy): string | undefined {
  if (url.username || url.password) return "credentials in URL";
  if (url.origin === trustedOrigin(policy.endpoint)) return undefined;
  if (url.protocol !== "https:") return "not https";
  if (url.port !== "") return "not the default port";
  if (net.isIP(url.hostname.replace(/^\[|\]$/g, "")) !== 0) return "IP literal";
  if (!policy.hosts.includes(url.hostname.toLowerCase())) return "host not allowed";
  return undefined;
}

/** A failure in the words the logs have always used. */
function reasonOf(f: OutboundFailure): string {
  switch (f.why) {
    case "bad-url":
      return "bad URL";
    case "scheme":
      return "not https";
    case "credentials":
      return "credentials in URL";
    case "refused":
      return f.detail;
    case "private-address":
    case "private-resolved":
      return f.detail ? `private address ${f.detail}` : "no address";
    case "redirects":
      return "too many redirects";
    case "too-large":
      return "too large";
    case "type":
      return `not an image (${f.detail})`;
    case "status":
      return `status ${f.status}`;
    case "timeout":
      return "timeout";
    case "network":
      return f.detail || "failed";
  }
}

/**
 * The bytes at `url` (a provider's media file), or why not. Never throws: a GIF that cannot be
 * fetched is a comment without its GIF, not an error.
 */
export async function fetchMedia(
  url: string,
  policy: MediaPolicy,
  limits: { maxBytes: number; timeoutMs: number },
): Promise<Fetched> {
  const trusted = trustedOrigin(policy.endpoint);
  const got = await outboundFetch(url, {
    maxBytes: limits.maxBytes,
    timeoutMs: limits.timeoutMs,
    refuse: (u) => refusal(u, policy),
    trusted: (u) => trusted !== undefined && u.origin === trusted,
    types: ["image/"],
    headers: { accept: "image/webp,image/gif;q=0.9", "user-agent": "Kiosque" },
    ...(policy.resolve ? { resolve: policy.resolve } : {}),
  });
  return got.ok
    ? { ok: true, bytes: got.bytes, type: got.type }
    : { ok: false, reason: reasonOf(got) };
}
