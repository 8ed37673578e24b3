import net from "node:net";

/**
 * Fastify's `trustProxy` in the two forms Kiosque offers: `false` (no proxy), a hop count (the N
 * proxies nearest to us, whatever their address), or the proxies' addresses and CIDRs. Never
 * `true`: that believes the first X-Forwarded-For entry, which is whatever the client wrote.
 */
export type TrustProxy = false | number | readonly string[];

/** The names proxy-addr (Fastify's) accepts in place of a range. */
const NAMED_RANGES = new Set(["loopback", "linklocal", "uniquelocal"]);
/** More hops than any real chain of proxies: a typo, not a setting. */
const MAX_HOPS = 20;

/** KIOSQUE_TRUST_PROXY: `0`, a hop count, or `10.0.0.1, 192.168.0.0/16, ::1, loopback`. */
export function parseTrustProxy(value: string, problems: string[]): TrustProxy {
  const v = value.trim();
  if (/^[0-9]+$/.test(v)) {
    const hops = Number(v);
    if (hops > MAX_HOPS) problems.push(`KIOSQUE_TRUST_PROXY: at most ${MAX_HOPS} hops (got ${v})`);
    return hops === 0 ? false : hops;
  }
  const entries = v.split(",").map((e) => e.trim());
  const bad = entries.filter((e) => !isAddressOrRange(e));
  if (bad.length > 0)
    problems.push(
      `KIOSQUE_TRUST_PROXY: a hop count or a comma-separated list of addresses and CIDRs (not ${bad
        .map((b) => JSON.stringify(b))
        .join(", ")})`,
    );
  return entries;
}

function isAddressOrRange(entry: string): boolean {
  if (NAMED_RANGES.has(entry)) return true;
  const [address = "", prefix, ...rest] = entry.split("/");
  const family = net.isIP(address);
  if (family === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  return /^[0-9]{1,3}$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128);
}

/**
 * KIOSQUE_PUBLIC_URL: an http(s) origin, nothing after it (a site under a path is not supported:
 * every route is at the root). Returned as the URL parser normalises it, without the slash.
 */
export function parsePublicUrl(value: string, problems: string[]): string | undefined {
  const url = URL.parse(value);
  const fine =
    url !== null &&
    (url.protocol === "http:" || url.protocol === "https:") &&
    url.username === "" &&
    url.password === "" &&
    url.pathname === "/" &&
    url.search === "" &&
    url.hash === "";
  if (!fine) {
    problems.push(
      `KIOSQUE_PUBLIC_URL: the site's origin, like https://news.example (got ${JSON.stringify(value)})`,
    );
    return undefined;
  }
  return url.origin;
}

/**
 * As Fastify's options take it. Its types leave out the hop count it accepts, so the count goes
 * as the function Fastify itself makes of one: the nearest `hops` proxies are trusted.
 */
export function fastifyTrustProxy(
  trust: TrustProxy,
): boolean | string[] | ((address: string, hop: number) => boolean) {
  if (trust === false) return false;
  if (typeof trust === "number") return (_address, hop) => hop < trust;
  return [...trust];
}
