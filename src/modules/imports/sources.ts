import dns from "node:dns";
import fs from "node:fs";
import http from "node:http";
import https from "node:https";
import net from "node:net";
import path from "node:path";

/**
 * Where an attachment's bytes come from: a copy of the old site's `wp-content/uploads` (never a
 * file outside it), or the old site itself over the network (only http(s), only public
 * addresses, bounded in time and size). Each answers bytes, or why not.
 */
export type Fetched = { bytes: Buffer } | { problem: string };

export interface MediaSource {
  fetch(url: string, maxBytes: number): Promise<Fetched>;
}

/** The path of an upload under the uploads folder, from its address on the old site. */
function uploadPath(url: string): string | undefined {
  let pathname: string;
  try {
    pathname = decodeURIComponent(new URL(url).pathname);
  } catch {
    return undefined;
  }
  // Self-hosted sites keep uploads under /wp-content/uploads/; WordPress.com under /files/ or
  // at the root of its media host.
  const m =
    /\/wp-content\/uploads\/(.+)$/.exec(pathname) ??
    /^\/(?:files\/)?(\d{4}\/\d{2}\/.+)$/.exec(pathname);
  return m?.[1];
}

/**
 * Files of a copy of `wp-content/uploads`. The path is taken from the address, resolved, and
 * refused unless the real file (symbolic links followed) is a regular file inside the folder.
 */
export async function uploadsFolder(dir: string): Promise<MediaSource> {
  const root = await fs.promises.realpath(dir);
  return {
    async fetch(url, maxBytes) {
      const relative = uploadPath(url);
      if (relative === undefined) return { problem: "not an upload's address" };
      if (relative.includes("\0")) return { problem: "outside the uploads folder" };
      const wanted = path.resolve(root, relative);
      const inside = (p: string) => {
        const rel = path.relative(root, p);
        return rel !== "" && !rel.startsWith("..") && !path.isAbsolute(rel);
      };
      if (!inside(wanted)) return { problem: "outside the uploads folder" };
      let real: string;
      try {
        real = await fs.promises.realpath(wanted);
      } catch {
        return { problem: "not in the uploads folder" };
      }
      if (!inside(real)) return { problem: "outside the uploads folder (a link)" };
      const stat = await fs.promises.stat(real);
      if (!stat.isFile()) return { problem: "not a file" };
      if (stat.size > maxBytes) return { problem: "larger than media.maxUploadMB" };
      return { bytes: await fs.promises.readFile(real) };
    },
  };
}

/** Addresses a download never goes to: this machine, its networks, and what is not routed. */
const PRIVATE = new net.BlockList();
for (const [net4, bits] of [
  ["0.0.0.0", 8],
  ["10.0.0.0", 8],
  ["100.64.0.0", 10],
  ["127.0.0.0", 8],
  ["169.254.0.0", 16],
  ["172.16.0.0", 12],
  ["192.0.0.0", 24],
  ["192.168.0.0", 16],
  ["198.18.0.0", 15],
  ["224.0.0.0", 3],
] as const)
  PRIVATE.addSubnet(net4, bits, "ipv4");
for (const [net6, bits] of [
  ["::", 127],
  ["64:ff9b::", 96],
  ["fc00::", 7],
  ["fe80::", 10],
  ["ff00::", 8],
] as const)
  PRIVATE.addSubnet(net6, bits, "ipv6");

export function isPrivateAddress(address: string): boolean {
  // An IPv4 address written as IPv6 (::ffff:127.0.0.1) is judged as the IPv4 address it is.
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1];
  if (mapped) return PRIVATE.check(mapped, "ipv4");
  return net.isIPv6(address) ? PRIVATE.check(address, "ipv6") : PRIVATE.check(address, "ipv4");
}

/** A download waits no longer than this for the whole file. */
const DOWNLOAD_MS = 20_000;
/** Redirects followed, each checked as the first address was. */
const MAX_REDIRECTS = 3;

/**
 * The old site over the network. The address each connection goes to is checked when it is
 * resolved (the `lookup` of the request itself, so a name cannot resolve to a public address for
 * a check and a private one for the connection). `allowPrivate` is for tests, which serve files
 * on this machine; the command line never sets it.
 */
export function oldSite(options: { allowPrivate?: boolean } = {}): MediaSource {
  const lookup: net.LookupFunction = (hostname, opts, callback) => {
    dns.lookup(hostname, { ...opts, all: true }, (error, addresses) => {
      if (error) return callback(error, "", 4);
      const list = addresses as dns.LookupAddress[];
      const refused = list.find((a) => !options.allowPrivate && isPrivateAddress(a.address));
      if (refused || list.length === 0)
        return callback(new Error(`refused address for ${hostname}`), "", 4);
      const first = list[0]!;
      if ((opts as { all?: boolean }).all)
        (callback as unknown as (e: null, a: dns.LookupAddress[]) => void)(null, list);
      else callback(null, first.address, first.family);
    });
  };

  function get(
    url: string,
    maxBytes: number,
    redirects: number,
    signal: AbortSignal,
  ): Promise<Fetched> {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      return Promise.resolve({ problem: "not a web address" });
    }
    if (parsed.protocol !== "http:" && parsed.protocol !== "https:")
      return Promise.resolve({ problem: "not http(s)" });
    if (parsed.username || parsed.password)
      return Promise.resolve({ problem: "credentials in the address" });
    const literal = parsed.hostname.replace(/^\[|\]$/g, "");
    if (net.isIP(literal) && !options.allowPrivate && isPrivateAddress(literal))
      return Promise.resolve({ problem: "a private address" });
    const client = parsed.protocol === "https:" ? https : http;
    return new Promise((resolve) => {
      const req = client.get(
        parsed,
        { lookup, signal, headers: { "user-agent": "Kiosque-import" } },
        (res) => {
          const status = res.statusCode ?? 0;
          if (status >= 300 && status < 400 && res.headers.location) {
            res.resume();
            if (redirects >= MAX_REDIRECTS) return resolve({ problem: "too many redirects" });
            return resolve(
              get(new URL(res.headers.location, parsed).href, maxBytes, redirects + 1, signal),
            );
          }
          if (status !== 200) {
            res.resume();
            return resolve({ problem: `HTTP ${status}` });
          }
          const chunks: Buffer[] = [];
          let size = 0;
          res.on("data", (chunk: Buffer) => {
            size += chunk.length;
            if (size > maxBytes) {
              req.destroy();
              resolve({ problem: "larger than media.maxUploadMB" });
            } else chunks.push(chunk);
          });
          res.on("end", () => resolve({ bytes: Buffer.concat(chunks) }));
          res.on("error", (e) => resolve({ problem: e.message }));
        },
      );
      req.on("error", (e) => resolve({ problem: e.message }));
    });
  }

  return {
    fetch: (url, maxBytes) => get(url, maxBytes, 0, AbortSignal.timeout(DOWNLOAD_MS)),
  };
}

/** No source: attachments are listed as not imported. */
export const noSource: MediaSource = {
  fetch: async () => ({ problem: "no --uploads folder and downloads off" }),
};
