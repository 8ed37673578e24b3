/**
 * What Kiosque asks of a GIF provider, whichever it is (GIPHY, Klipy, or none): search, trending,
 * and "is this key good". Each implementation speaks its provider's own API and hands back the
 * same plain shapes, so nothing above this file knows which provider answered.
 */

import { cappedText } from "../../lib/capped-text.js";

/** One file of a GIF at one size, on the provider's media hosts. */
export interface Rendition {
  url: string;
  width: number;
  height: number;
  type: "image/webp" | "image/gif";
  /** Bytes, when the provider says. */
  size?: number;
}

/** A GIF a provider's answer offered: what a reader may pick, and what Kiosque would keep. */
export interface Offer {
  id: string;
  title: string;
  /** The small animation shown in the picker. */
  preview: Rendition;
  /** What to keep when a comment carries it, in order of preference (small WebP first). */
  keep: Rendition[];
}

/** Why a provider gave no results: the kind only (readers never see it; admins see it in words). */
export type Failure =
  "invalid-key" | "revoked" | "rate-limited" | "unreachable" | "malformed" | "provider-error";

export type Answer =
  | { ok: true; offers: Offer[]; next: string | null }
  | { ok: false; failure: Failure; detail: string };

/** Whether the provider takes the key (the same shape as the spam service's check). */
export type KeyCheck = { ok: true } | { ok: false; detail: string };

/** A page of results: the provider's own cursor from the page before (undefined: the first). */
export interface PageQuery {
  cursor: string | undefined;
  limit: number;
  rating: "g" | "pg" | "pg-13" | "r";
  locale: "fr" | "en";
}

export interface GifProvider {
  readonly name: "giphy" | "klipy" | "disabled";
  /** Host names its media come from: the only ones Kiosque fetches from (media-fetch.ts). */
  readonly mediaHosts: readonly string[];
  /** The API's own origin: trusted for media only when it is a loopback address (tests). */
  readonly endpoint: string;
  search(q: string, page: PageQuery): Promise<Answer>;
  trending(page: PageQuery): Promise<Answer>;
  verify(): Promise<KeyCheck>;
}

/** A provider's answer as admins read it on the status line. */
export function failureDetail(failure: Failure, extra = ""): string {
  const words: Record<Failure, string> = {
    "invalid-key": "invalid key",
    revoked: "key refused (revoked or not allowed)",
    "rate-limited": "rate-limited",
    unreachable: "unreachable",
    malformed: "malformed answer",
    "provider-error": "provider error",
  };
  return extra ? `${words[failure]} (${extra})` : words[failure];
}

/** Failure by HTTP status, as both providers use them. */
export function failureOfStatus(status: number): Failure {
  if (status === 401) return "invalid-key";
  if (status === 403) return "revoked";
  if (status === 429) return "rate-limited";
  return "provider-error";
}

/** A reader waits for results while typing: past this the picker shows what is cached, or nothing. */
export const API_TIMEOUT_MS = 3_000;

/**
 * A page of 24 GIFs with every rendition is ~100 KB from GIPHY or Klipy: an answer past this is
 * not one, and is not read further.
 */
const API_MAX_BYTES = 2 * 1024 * 1024;

/**
 * GETs a provider's JSON: a timeout, no redirects (an API that moves is a configuration to
 * fix), and every way it can fail turned into a Failure, never thrown.
 */
export async function getJson(
  url: URL,
  timeoutMs = API_TIMEOUT_MS,
): Promise<{ ok: true; body: unknown } | { ok: false; failure: Failure; detail: string }> {
  let response: Response;
  try {
    response = await fetch(url, {
      headers: { accept: "application/json" },
      signal: AbortSignal.timeout(timeoutMs),
      redirect: "error",
    });
  } catch (error) {
    const why = error instanceof Error && error.name === "TimeoutError" ? "timeout" : "network";
    return { ok: false, failure: "unreachable", detail: failureDetail("unreachable", why) };
  }
  let text: string | undefined;
  try {
    text = await cappedText(response, API_MAX_BYTES);
  } catch {
    return { ok: false, failure: "unreachable", detail: failureDetail("unreachable", "cut") };
  }
  if (text === undefined)
    return { ok: false, failure: "malformed", detail: failureDetail("malformed", "too large") };
  if (!response.ok) {
    const failure = failureOfStatus(response.status);
    return { ok: false, failure, detail: failureDetail(failure, String(response.status)) };
  }
  try {
    return { ok: true, body: JSON.parse(text) as unknown };
  } catch {
    return { ok: false, failure: "malformed", detail: failureDetail("malformed") };
  }
}

/** A field of an object of unknown shape, without trusting the shape. */
export function field(value: unknown, key: string): unknown {
  return typeof value === "object" && value !== null
    ? (value as Record<string, unknown>)[key]
    : undefined;
}

/** Positive whole number from a number or a numeric string ("200", as GIPHY writes them). */
export function dimension(value: unknown): number | undefined {
  const n = typeof value === "string" ? Number(value) : value;
  return typeof n === "number" && Number.isInteger(n) && n > 0 && n <= 10_000 ? n : undefined;
}

/** A file's size in bytes from a number or a numeric string; undefined when absent or absurd. */
export function byteSize(value: unknown): number | undefined {
  const n = typeof value === "string" ? Number(value) : value;
  return typeof n === "number" && Number.isSafeInteger(n) && n > 0 ? n : undefined;
}

/** Ids Kiosque accepts from a provider: what both use, and nothing a URL or a page could misread. */
export const GIF_ID = /^[A-Za-z0-9_-]{1,64}$/;

/** Control characters: what a remote answer or a typed search may carry and a page must not. */
// eslint-disable-next-line no-control-regex -- the very characters to find
export const CONTROLS = /[\u0000-\u001f\u007f-\u009f]/g;

/**
 * The offers of an answer's items, in the provider's order, each id once (the first readable
 * one): a reader picks by id and Kiosque remembers one offer per id, so an answer listing an id
 * twice showed two GIFs under it and kept the last, whichever the reader chose.
 */
export function offersOf(
  items: readonly unknown[],
  read: (item: unknown) => Offer | undefined,
): Offer[] {
  const seen = new Set<string>();
  return items.flatMap((item) => {
    const offer = read(item);
    if (!offer || seen.has(offer.id)) return [];
    seen.add(offer.id);
    return [offer];
  });
}

/** A title as shown (alt text): one line, bounded. */
export function cleanTitle(value: unknown): string {
  if (typeof value !== "string") return "";
  const line = value.replace(CONTROLS, " ").replace(/\s+/g, " ").trim();
  return [...line].slice(0, 200).join("");
}

/** An absolute https (or, for a loopback test provider, http) URL, or undefined. */
export function mediaUrl(value: unknown): string | undefined {
  if (typeof value !== "string" || value.length > 2_000) return undefined;
  try {
    const url = new URL(value);
    return url.protocol === "https:" || url.protocol === "http:" ? url.toString() : undefined;
  } catch {
    return undefined;
  }
}
