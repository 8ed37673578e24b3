import { lookup as dnsLookup } from "node:dns/promises";
import http from "node:http";
import https from "node:https";
import net from "node:net";
import type { LookupFunction } from "node:net";

/**
 * Fetches a provider's media file for Kiosque to serve or keep, and nothing else: Kiosque must
 * never become an open proxy, nor a way to reach the machines around it (SSRF).
 *
 * - Only https URLs on the provider's media hosts (an exact host name, the default port, no
 *   credentials), each redirect hop checked again (followed here, at most MAX_HOPS).
 * - A host's DNS answers are checked as the connection is made (the socket's own `lookup`), so
 *   the address checked is the address connected to: no second resolution to rebind. IP
 *   literals are refused outright (no media host is one).
 * - The one exception, and how narrow it is: when the provider's configured API endpoint is
 *   itself a loopback address (tests run a fake provider on 127.0.0.1), media on that exact
 *   origin (scheme, address and port) are fetched, over http too. Nothing else on loopback, and
 *   no other private address, ever: an endpoint is an admin's setting, a media URL is a
 *   provider's word.
 * - A time limit on the whole fetch and a byte cap, checked as bytes arrive.
 */

export interface MediaPolicy {
  /** Host names the provider serves media from. */
  readonly hosts: readonly string[];
  /** The provider's API endpoint (its loopback origin alone is trusted, see above). */
  readonly endpoint: string;
  /** DNS, for tests of the address rules; the system's resolver otherwise. */
  readonly resolve?: (host: string) => Promise<{ address: string; family: number }[]>;
}

export type Fetched = { ok: true; bytes: Buffer; type: string } | { ok: false; reason: string };

const MAX_HOPS = 3;

/** Addresses no media host may resolve to: private, loopback, link-local, reserved. */
const blocked = new net.BlockList();
for (const [net4, prefix] of [
  ["0.0.0.0", 8],
  ["10.0.0.0", 8],
  ["100.64.0.0", 10],
  ["127.0.0.0", 8],
  ["169.254.0.0", 16],
  ["172.16.0.0", 12],
  ["192.0.0.0", 24],
  ["192.0.2.0", 24],
  ["192.168.0.0", 16],
  ["198.18.0.0", 15],
  ["198.51.100.0", 24],
  ["203.0.113.0", 24],
  ["224.0.0.0", 4],
  ["240.0.0.0", 4],
] as const)
  blocked.addSubnet(net4, prefix, "ipv4");
for (const [net6, prefix] of [
  ["::", 128],
  ["::1", 128],
  ["64:ff9b::", 96],
  ["100::", 64],
  ["2001:db8::", 32],
  ["fc00::", 7],
  ["fe80::", 10],
  ["ff00::", 8],
] as const)
  blocked.addSubnet(net6, prefix, "ipv6");

/** Whether an address is one Kiosque never connects to for media (IPv4-mapped IPv6 included). */
export function isPrivateAddress(address: string): boolean {
  const bare = address.replace(/^\[|\]$/g, "");
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(bare)?.[1];
  if (mapped) return isPrivateAddress(mapped);
  // ::ffff:a00:1, the same mapping written in hex.
  const hexMapped = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/i.exec(bare);
  if (hexMapped) {
    const hi = parseInt(hexMapped[1] ?? "0", 16);
    const lo = parseInt(hexMapped[2] ?? "0", 16);
    return isPrivateAddress(`${hi >> 8}.${hi & 255}.${lo >> 8}.${lo & 255}`);
  }
  const family = net.isIP(bare);
  if (family === 4) return blocked.check(bare, "ipv4");
  if (family === 6) return blocked.check(bare, "ipv6");
  return true;
}

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

/** The socket's lookup: every answer checked, the connection made to a checked one. */
function checkedLookup(policy: MediaPolicy, trusted: boolean): LookupFunction {
  const resolve =
    policy.resolve ?? ((host: string) => dnsLookup(host, { all: true, verbatim: true }));
  return (hostname, options, callback) => {
    resolve(hostname)
      .then((answers) => {
        const bad = answers.find((a) => isPrivateAddress(a.address));
        if (answers.length === 0) throw new Error("no address");
        if (bad && !trusted) throw new Error(`private address ${bad.address}`);
        if (options.all) callback(null, answers);
        else callback(null, answers[0]?.address ?? "", answers[0]?.family ?? 4);
      })
      .catch((error: Error) => callback(error as NodeJS.ErrnoException, "", 4));
  };
}

interface Hop {
  status: number;
  location: string | undefined;
  type: string;
  bytes?: Buffer;
}

/** One request, no redirect followed, the body read up to `maxBytes`. */
function requestOnce(
  url: URL,
  policy: MediaPolicy,
  maxBytes: number,
  signal: AbortSignal,
): Promise<Hop> {
  const trusted = url.origin === trustedOrigin(policy.endpoint);
  const get = url.protocol === "https:" ? https.get : http.get;
  return new Promise((resolve, reject) => {
    const req = get(
      url,
      {
        lookup: checkedLookup(policy, trusted),
        signal,
        headers: { accept: "image/webp,image/gif;q=0.9", "user-agent": "Kiosque" },
        // A fresh connection per fetch: a pooled socket would skip the address check.
        agent: false,
      },
      (res) => {
        const status = res.statusCode ?? 0;
        const type = String(res.headers["content-type"] ?? "");
        if (status !== 200) {
          res.resume();
          resolve({ status, location: res.headers.location, type });
          return;
        }
        const declared = Number(res.headers["content-length"] ?? 0);
        if (declared > maxBytes) {
          res.destroy();
          reject(new Error("too large"));
          return;
        }
        const chunks: Buffer[] = [];
        let total = 0;
        res.on("data", (chunk: Buffer) => {
          total += chunk.length;
          if (total > maxBytes) {
            res.destroy();
            reject(new Error("too large"));
            return;
          }
          chunks.push(chunk);
        });
        res.on("end", () =>
          resolve({ status, location: undefined, type, bytes: Buffer.concat(chunks) }),
        );
        res.on("error", reject);
      },
    );
    req.on("error", reject);
  });
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
  const signal = AbortSignal.timeout(limits.timeoutMs);
  let current: URL;
  try {
    current = new URL(url);
  } catch {
    return { ok: false, reason: "bad URL" };
  }
  for (let hop = 0; hop <= MAX_HOPS; hop++) {
    const refused = refusal(current, policy);
    if (refused) return { ok: false, reason: refused };
    let answer: Hop;
    try {
      answer = await requestOnce(current, policy, limits.maxBytes, signal);
    } catch (error) {
      const why = signal.aborted ? "timeout" : error instanceof Error ? error.message : "failed";
      return { ok: false, reason: why };
    }
    if (answer.bytes) return { ok: true, bytes: answer.bytes, type: answer.type };
    if (answer.status >= 300 && answer.status < 400 && answer.location) {
      try {
        current = new URL(answer.location, current);
      } catch {
        return { ok: false, reason: "bad redirect" };
      }
      continue;
    }
    return { ok: false, reason: `status ${answer.status}` };
  }
  return { ok: false, reason: "too many redirects" };
}
