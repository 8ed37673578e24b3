import fs from "node:fs";
import path from "node:path";
import { ImportRefused } from "./errors.js";
import { isPrivateAddress, outboundFetch, type OutboundFailure } from "../../lib/outbound-fetch.js";

/**
 * Where an attachment's bytes come from: a copy of the old site's `wp-content/uploads` (never a
 * file outside it), or the old site itself over the network (only http(s), only public
 * addresses, bounded in time and size). Each answers bytes, or why not.
 */
export type Fetched = { bytes: Buffer } | { problem: string };

export interface MediaSource {
  fetch(url: string, maxBytes: number): Promise<Fetched>;
  /** Where it looks, in the report's words: a dry run says it instead of looking. */
  readonly where?: string;
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
  // A folder that is not there, or not a folder: said before the import starts, not as every
  // image "not in the uploads folder" after it.
  const root = await fs.promises.realpath(dir).catch((error: Error) => {
    throw new ImportRefused("KIOSQUE_IMPORT_UNREADABLE", { file: dir, reason: error.message });
  });
  if (!(await fs.promises.stat(root)).isDirectory())
    throw new ImportRefused("KIOSQUE_IMPORT_UNREADABLE", { file: dir, reason: "not a folder" });
  return {
    where: `the uploads folder ${dir}`,
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

export { isPrivateAddress };

/** A download waits no longer than this for the whole file. */
const DOWNLOAD_MS = 20_000;
/** Nor this long for the next bytes of a file that trickles. */
const SILENCE_MS = 10_000;

/** A failure in the report's words. */
function problemOf(f: OutboundFailure): string {
  switch (f.why) {
    case "bad-url":
      return "not a web address";
    case "scheme":
      return "not http(s)";
    case "credentials":
      return "credentials in the address";
    case "refused":
      return f.detail;
    case "private-address":
      return "a private address";
    case "private-resolved":
      return `refused address for ${f.host}`;
    case "redirects":
      return "too many redirects";
    case "too-large":
      return "larger than media.maxUploadMB";
    case "type":
      return `not an image (${f.detail})`;
    case "status":
      return `HTTP ${f.status}`;
    case "timeout":
      return "too slow";
    case "network":
      return f.detail || "failed";
  }
}

/**
 * The old site over the network, through lib/outbound-fetch.ts: http(s) only, public addresses
 * only (checked as each connection is made, and on each of 3 redirects at most), 20 s for the
 * whole file, `maxBytes` at most, an image or an undeclared type. `allowPrivate` is for tests,
 * which serve files on this machine; the command line never sets it.
 */
export function oldSite(options: { allowPrivate?: boolean } = {}): MediaSource {
  return {
    where: "the old site (--download)",
    async fetch(url, maxBytes) {
      const got = await outboundFetch(url, {
        maxBytes,
        timeoutMs: DOWNLOAD_MS,
        idleMs: SILENCE_MS,
        // Some servers send images they do not know the type of as a stream of bytes: the
        // upload's own checks read what they are.
        types: ["image/", "application/octet-stream"],
        headers: { "user-agent": "Kiosque-import" },
        ...(options.allowPrivate ? { trusted: () => true } : {}),
      });
      return got.ok ? { bytes: got.bytes } : { problem: problemOf(got) };
    },
  };
}

/** No source: attachments are listed as not imported. */
export const noSource: MediaSource = {
  fetch: async () => ({ problem: "no --uploads folder and downloads off" }),
};
