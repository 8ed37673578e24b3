import type { Ctx } from "../../../ctx.js";
import type { ReportBuilder } from "../report.js";
import type { MediaSource } from "../sources.js";
import type { WxrAuthor, WxrChannel } from "../wxr/model.js";
import { tooLong } from "./keys.js";

/** The state one import carries from pass to pass: small, whatever the file's size. */
export interface Run {
  readonly ctx: Ctx;
  readonly report: ReportBuilder;
  readonly timeZone: string;
  /** `comments.maxDepth`, read once. */
  readonly maxDepth: number;
  /** Pingbacks and trackbacks are kept as comments (true), or left out. */
  readonly pingbacks: boolean;
  readonly media: MediaSource;
  /**
   * A dry run: everything is written as in a real run, in one transaction cancelled at its end
   * (import.ts), but images are not looked for, since their bytes would be stored outside it.
   */
  readonly dryRun: boolean;
  /** Where images are looked for, in the report's words; undefined: nowhere. */
  readonly mediaWhere: string | undefined;
  /** `media.maxUploadMB` in bytes: a larger file is not even read. */
  readonly maxBytes: number;
  channel: WxrChannel | undefined;
  /** The export's authors by login (a few per site). */
  readonly authors: Map<string, WxrAuthor>;
  /** Accounts made or found, by login: filled after each commit. */
  readonly people: Map<string, number>;
  /** Categories' parents by slug, for `/category/parent/child/`. */
  readonly categoryParents: Map<string, string>;
  /** `kind:slug` of the terms met in this file: one listed twice is imported once. */
  readonly seenTerms: Set<string>;
  /**
   * Sections and tags found or made, by the nicename and name a post names them with: a post
   * names a few of a few hundred, ten thousand times. Filled as `people` is (a failed
   * transaction ends the run).
   */
  readonly terms: Map<string, number | undefined>;
  /**
   * The largest ids there were when the run began: a post, page or comment mapped to a larger
   * one was made by this run, so an item keyed as it is was listed twice in the file.
   */
  madeAfter: { article: number; page: number; comment: number };
  /**
   * The last post or page of the content pass: where the next parts of its comments go (its
   * article), or that they go nowhere (not imported: skipped, listed twice, a page).
   */
  lastItem: { postId: string; articleId?: number; commentsSkipped?: string } | undefined;
}

/**
 * The path of an old address on the old site, relative to its root; undefined for another
 * site's address.
 */
export function oldSitePath(run: Run, link: string): string | undefined {
  if (!link) return undefined;
  try {
    const url = new URL(link, run.channel?.link || "http://old.invalid");
    const path = url.pathname + url.search;
    // No page of WordPress's has such an address; the index of redirects would refuse it.
    return tooLong(path, "address") ? undefined : path;
  } catch {
    return undefined;
  }
}

/**
 * WordPress's own short address of a post (`?p=`) or page (`?page_id=`) by its number; none for
 * an item keyed otherwise (no `wp:post_id`: its guid or link, wxr/reader.ts), whose key is no
 * address the old site ever had.
 */
export function numberedAddress(query: "p" | "page_id", postId: string): string {
  return /^[1-9][0-9]*$/.test(postId) ? `/?${query}=${postId}` : "";
}
