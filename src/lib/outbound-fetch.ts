import { lookup as dnsLookup } from "node:dns/promises";
import http from "node:http";
import https from "node:https";
import net from "node:net";
import type { LookupFunction } from "node:net";

/**
 * Every request Kiosque makes to an address it was given (a GIF provider's media file, an old
 * WordPress site's image) goes through here: Kiosque must never become a way to reach the
 * machines around it (SSRF), nor be held up or filled up by what answers.
 *
 * - http(s) only, no credentials in the address; the caller's own rule (`refuse`: hosts, scheme,
 *   port) checked on the first address and on every redirect, at most `maxRedirects` of them.
 * - No private, loopback, link-local or reserved address (`isPrivateAddress`), whether written in
 *   the address or answered by DNS. The answers are checked in the socket's own `lookup`, so the
 *   address checked is the address connected to (no second resolution to rebind), and a fresh
 *   connection is made each time (a pooled socket would skip the check). One private answer
 *   among public ones refuses the name.
 * - `trusted` lifts the address rule for one address (a test's server on 127.0.0.1); nothing in
 *   production sets it but a GIF provider endpoint an admin configured on loopback.
 * - A time limit on the whole fetch, another on silence (a body that trickles), a byte cap
 *   checked on the declared length and as bytes arrive, and the declared content type checked
 *   when the caller names the ones it takes.
 */

/** Why a fetch did not give bytes: the caller words it. */
export type OutboundFailure =
  | { why: "bad-url" }
  | { why: "scheme" }
  | { why: "credentials" }
  /** The caller's rule refused an address (its words in `detail`). */
  | { why: "refused"; detail: string }
  /** An address written as a private IP. */
  | { why: "private-address"; detail: string }
  /** A name that resolves to a private address (the address in `detail`), or to none. */
  | { why: "private-resolved"; host: string; detail: string }
  | { why: "redirects" }
  | { why: "too-large" }
  | { why: "type"; detail: string }
  | { why: "status"; status: number }
  | { why: "timeout" }
  | { why: "network"; detail: string };

export type OutboundResult =
  { ok: true; bytes: Buffer; type: string; url: string } | ({ ok: false } & OutboundFailure);

export interface OutboundRules {
  /** Most bytes taken: a larger body is dropped as soon as it is known to be larger. */
  maxBytes: number;
  /** The whole fetch, redirects included, in milliseconds. */
  timeoutMs: number;
  /** Longest silence while connecting or reading, in milliseconds (the whole limit when unset). */
  idleMs?: number;
  /** Redirects followed, each checked as the first address was. */
  maxRedirects?: number;
  /** The caller's own rule for an address (first and redirects): why not, or undefined. */
  refuse?: (url: URL) => string | undefined;
  /** Addresses whose host may be private (tests' local servers). */
  trusted?: (url: URL) => boolean;
  /**
   * Content types taken (prefixes: "image/"). A declared type outside them is refused; an answer
   * that declares none is taken (the caller checks the bytes it keeps in any case).
   */
  types?: readonly string[];
  headers?: Readonly<Record<string, string>>;
  /** DNS, for tests of the address rules; the system's resolver otherwise. */
  resolve?: (host: string) => Promise<{ address: string; family: number }[]>;
}

const MAX_REDIRECTS = 3;

/** Addresses never connected to: this machine, its networks, documentation and reserved ranges. */
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
  ["224.0.0.0", 3],
] as const)
  blocked.addSubnet(net4, prefix, "ipv4");
// The ranges that carry an IPv4 address inside an IPv6 one are all refused, whatever the IPv4
// address: IPv4-compatible (`::127.0.0.1`), IPv4-translated, NAT64, 6to4 (`2002:7f00:1::` is
// 127.0.0.1) and Teredo. Each is deprecated or local; none is how a public site is reached, and
// judging each embedded address would be one more parser to get wrong.
for (const [net6, prefix] of [
  ["::", 96],
  ["::ffff:0:0:0", 96],
  ["64:ff9b::", 96],
  ["64:ff9b:1::", 48],
  ["100::", 64],
  ["2001::", 32],
  ["2001:db8::", 32],
  ["2002::", 16],
  ["fc00::", 7],
  ["fe80::", 10],
  ["fec0::", 10],
  ["ff00::", 8],
] as const)
  blocked.addSubnet(net6, prefix, "ipv6");

/**
 * Whether an address is one Kiosque never connects to. IPv4 written as IPv6 (`::ffff:10.0.0.1`,
 * `::ffff:a00:1`) is judged as the IPv4 address it is; what is not an IP address at all is
 * refused too.
 */
export function isPrivateAddress(address: string): boolean {
  const bare = address.replace(/^\[|\]$/g, "");
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(bare)?.[1];
  if (mapped) return isPrivateAddress(mapped);
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

/** Thrown inside one request, turned into a failure by `outboundFetch`. */
class Stop extends Error {
  constructor(readonly failure: OutboundFailure) {
    super(failure.why);
  }
}

/** The socket's lookup: every answer checked, the connection made to a checked one. */
function checkedLookup(rules: OutboundRules, trusted: boolean): LookupFunction {
  const resolve =
    rules.resolve ?? ((host: string) => dnsLookup(host, { all: true, verbatim: true }));
  return (hostname, options, callback) => {
    resolve(hostname)
      .then((answers) => {
        const bad = trusted ? undefined : answers.find((a) => isPrivateAddress(a.address));
        if (answers.length === 0 || bad)
          throw new Stop({ why: "private-resolved", host: hostname, detail: bad?.address ?? "" });
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

const typeTaken = (type: string, types: readonly string[] | undefined) =>
  types === undefined ||
  type === "" ||
  types.some((t) => type.toLowerCase().startsWith(t.toLowerCase()));

/** One request, no redirect followed, the body read up to `maxBytes`. */
function requestOnce(url: URL, rules: OutboundRules, signal: AbortSignal): Promise<Hop> {
  const trusted = rules.trusted?.(url) ?? false;
  const get = url.protocol === "https:" ? https.get : http.get;
  return new Promise((resolve, reject) => {
    const req = get(
      url,
      {
        lookup: checkedLookup(rules, trusted),
        signal,
        headers: { ...rules.headers },
        agent: false,
        timeout: rules.idleMs ?? rules.timeoutMs,
      },
      (res) => {
        const status = res.statusCode ?? 0;
        const type = String(res.headers["content-type"] ?? "");
        if (status !== 200) {
          res.resume();
          resolve({ status, location: res.headers.location, type });
          return;
        }
        const fail = (failure: OutboundFailure) => {
          res.destroy();
          reject(new Stop(failure));
        };
        if (!typeTaken(type, rules.types)) return fail({ why: "type", detail: type });
        if (Number(res.headers["content-length"] ?? 0) > rules.maxBytes)
          return fail({ why: "too-large" });
        const chunks: Buffer[] = [];
        let total = 0;
        res.on("data", (chunk: Buffer) => {
          total += chunk.length;
          if (total > rules.maxBytes) fail({ why: "too-large" });
          else chunks.push(chunk);
        });
        res.on("end", () =>
          resolve({ status, location: undefined, type, bytes: Buffer.concat(chunks) }),
        );
        res.on("error", reject);
      },
    );
    // Silence past `idleMs` (connecting, or between two pieces of the body).
    req.on("timeout", () => req.destroy(new Stop({ why: "timeout" })));
    req.on("error", reject);
  });
}

/** Why an address may not be requested, whoever asks; undefined when it may. */
function refusalOf(url: URL, rules: OutboundRules): OutboundFailure | undefined {
  if (url.protocol !== "http:" && url.protocol !== "https:") return { why: "scheme" };
  if (url.username || url.password) return { why: "credentials" };
  const own = rules.refuse?.(url);
  if (own !== undefined) return { why: "refused", detail: own };
  const literal = url.hostname.replace(/^\[|\]$/g, "");
  if (net.isIP(literal) !== 0 && !(rules.trusted?.(url) ?? false) && isPrivateAddress(literal))
    return { why: "private-address", detail: literal };
  return undefined;
}

/** The innermost Stop of an error (a socket wraps the lookup's). */
function stopOf(error: unknown): Stop | undefined {
  for (let e: unknown = error; e instanceof Error; e = (e as Error & { cause?: unknown }).cause)
    if (e instanceof Stop) return e;
  return undefined;
}

/**
 * The bytes at `url`, or why not. Never throws: what cannot be fetched is a failure the caller
 * words (a comment without its GIF, an image listed in the import's report).
 */
export async function outboundFetch(url: string, rules: OutboundRules): Promise<OutboundResult> {
  const signal = AbortSignal.timeout(rules.timeoutMs);
  let current: URL;
  try {
    current = new URL(url);
  } catch {
    return { ok: false, why: "bad-url" };
  }
  const maxRedirects = rules.maxRedirects ?? MAX_REDIRECTS;
  for (let hop = 0; hop <= maxRedirects; hop++) {
    const refused = refusalOf(current, rules);
    if (refused) return { ok: false, ...refused };
    let answer: Hop;
    try {
      answer = await requestOnce(current, rules, signal);
    } catch (error) {
      if (signal.aborted) return { ok: false, why: "timeout" };
      const stop = stopOf(error);
      if (stop) return { ok: false, ...stop.failure };
      return { ok: false, why: "network", detail: error instanceof Error ? error.message : "" };
    }
    if (answer.bytes)
      return { ok: true, bytes: answer.bytes, type: answer.type, url: current.href };
    if (answer.status >= 300 && answer.status < 400 && answer.location) {
      try {
        current = new URL(answer.location, current);
      } catch {
        return { ok: false, why: "bad-url" };
      }
      continue;
    }
    return { ok: false, why: "status", status: answer.status };
  }
  return { ok: false, why: "redirects" };
}
