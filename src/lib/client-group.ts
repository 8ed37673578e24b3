import net from "node:net";

/**
 * Which client an address counts as, for every rule that counts clients (the rate limit, the
 * burst rule): an IPv4 address is one client; an IPv6 one is its /64, since one household or
 * phone gets a whole /64 and picks addresses in it at will. An IPv4-mapped IPv6 address
 * (`::ffff:192.0.2.1`, a dual-stack socket's word for an IPv4 client) is that IPv4 address.
 */
export function clientGroup(address: string): string {
  const ip = address.split("%")[0] ?? address; // a zone id (fe80::1%eth0) names no client
  if (net.isIPv4(ip)) return ip;
  const groups = ipv6Groups(ip);
  if (!groups) return address.toLowerCase();
  if (groups.slice(0, 5).every((g) => g === 0) && groups[5] === 0xffff)
    return [groups[6] ?? 0, groups[7] ?? 0].flatMap((g) => [g >> 8, g & 0xff]).join(".");
  return `${groups
    .slice(0, 4)
    .map((g) => g.toString(16))
    .join(":")}::/64`;
}

/** The eight 16-bit groups of an IPv6 address ("::" and a dotted IPv4 tail expanded). */
function ipv6Groups(ip: string): number[] | undefined {
  if (!net.isIPv6(ip)) return undefined;
  let text = ip.toLowerCase();
  const tail = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(text);
  if (tail) {
    const [a, b, c, d] = tail.slice(1).map(Number) as [number, number, number, number];
    text = `${text.slice(0, tail.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head = "", rest] = text.split("::");
  const part = (s: string) => (s === "" ? [] : s.split(":").map((g) => parseInt(g, 16)));
  const left = part(head);
  const right = rest === undefined ? [] : part(rest);
  const zeros = new Array<number>(8 - left.length - right.length).fill(0);
  return [...left, ...zeros, ...right];
}
