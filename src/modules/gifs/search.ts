import { createHash } from "node:crypto";
import type { Ctx } from "../../ctx.js";
import { integrationStatus, recordOutcome, type Settings } from "../settings/index.js";
import { CONTROLS, type Answer, type GifProvider, type Offer } from "./provider.js";
import { providerFor } from "./providers/index.js";
import { policyOf, refusal, type MediaPolicy } from "./media-fetch.js";
import * as repo from "./repo.js";

/**
 * How long a search or trending page is answered from the database before the provider is asked
 * again. GIPHY's beta keys allow about 100 calls an hour: an hour's cache lets one key serve a
 * newsroom's readers, whose searches repeat ("merci", "bravo", trending).
 */
const SEARCH_TTL_MS = 60 * 60_000;
/** Answers and offers are forgotten after a day; a reader's pick must be made within it. */
export const OFFER_TTL_MS = 24 * 60 * 60_000;
/** After a 429 the provider is left alone this long: asking again would only prolong the quota. */
const BACKOFF_MS = 60_000;
/** Results per page: a picker's grid of four columns. */
export const GIF_PAGE_SIZE = 24;
/** Longest search kept: readers type words, not essays. */
const QUERY_MAX = 100;

/** One GIF as the picker shows it: never a provider URL unless the newsroom chose the CDN. */
export interface PickerGif {
  id: string;
  title: string;
  preview: string;
  width: number;
  height: number;
}

/** What the picker is told. `unavailable`: nothing to show now ("GIF indisponibles pour le moment"). */
export interface PickerAnswer {
  results: PickerGif[];
  next: string | null;
  unavailable: boolean;
  /** The provider, for its attribution ("Powered by GIPHY"). */
  provider: GifProvider["name"];
}

/** Whether readers get a GIF button: a provider and its key are set. */
export function gifsEnabled(s: Settings): boolean {
  return s["gif.provider"] !== "disabled" && s["gif.key"] !== "";
}

/**
 * What a reader typed, as searched and cached: controls and repeated blanks are dropped, case is
 * folded (one cache entry for "Bravo" and "bravo"), and the length is bounded.
 */
export function normalizeQuery(q: string): string {
  const line = q.replace(CONTROLS, " ").replace(/\s+/gu, " ").trim();
  return [...line.toLocaleLowerCase()].slice(0, QUERY_MAX).join("");
}

/** A provider's cursor as readers may hand it back: short, plain. */
export function cleanCursor(cursor: string | undefined): string | undefined {
  return cursor && /^[A-Za-z0-9._:-]{1,100}$/.test(cursor) ? cursor : undefined;
}

/**
 * Whether an offer may be shown: its preview URL passes the rules Kiosque's own fetches follow
 * (media-fetch.ts: the provider's media hosts, https, the default port, no credentials). With
 * `gif.proxyMedia` off the URL goes to readers' browsers as it is, so a provider's answer naming an
 * address inside the newsroom's network, or anyone else's host, must not reach them; with it on,
 * such a preview could never be fetched anyway.
 */
export function showable(offer: Offer, policy: MediaPolicy): boolean {
  try {
    return refusal(new URL(offer.preview.url), policy) === undefined;
  } catch {
    return false;
  }
}

export function pickerGif(provider: string, offer: Offer, proxy: boolean): PickerGif {
  return {
    id: offer.id,
    title: offer.title,
    preview: proxy ? `/gifs/preview/${provider}/${offer.id}` : offer.preview.url,
    width: offer.preview.width,
    height: offer.preview.height,
  };
}

interface Request {
  /** Empty: trending. */
  q: string;
  cursor?: string | undefined;
  /** The client went past its search limit: only what is cached. */
  limited: boolean;
}

/**
 * A page of GIFs for the picker: from the database while fresh, else from the provider, else
 * (provider down, slow, out of quota, key refused) the last answer kept, else nothing. Never
 * throws for a provider's failure: it goes to the integrations status line, not to the reader.
 */
export async function findGifs(ctx: Ctx, request: Request): Promise<PickerAnswer> {
  const s = await ctx.settings();
  const provider = providerFor(s);
  const none: PickerAnswer = {
    results: [],
    next: null,
    unavailable: true,
    provider: provider.name,
  };
  if (provider.name === "disabled") return none;
  const q = normalizeQuery(request.q);
  const cursor = cleanCursor(request.cursor);
  const page = { cursor, limit: GIF_PAGE_SIZE, rating: s["gif.rating"], locale: s["site.locale"] };
  const key = createHash("sha256")
    .update(JSON.stringify([provider.name, provider.endpoint, q, page]))
    .digest("base64url");
  const now = ctx.clock.now();
  const cached = await repo.cachedSearch(ctx.db, key);
  const proxy = s["gif.proxyMedia"];
  const answer = (results: string, next: string | null): PickerAnswer => {
    const offers = JSON.parse(results) as Offer[];
    return {
      results: offers.map((o) => pickerGif(provider.name, o, proxy)),
      next,
      unavailable: false,
      provider: provider.name,
    };
  };
  if (cached && cached.expires_at > now.toISOString()) return answer(cached.results, cached.next);
  if (request.limited || (await backingOff(ctx, now)))
    return cached ? answer(cached.results, cached.next) : none;
  const got: Answer = q === "" ? await provider.trending(page) : await provider.search(q, page);
  if (!got.ok) {
    await recordOutcome(ctx, "gifs", { ok: false, detail: got.detail });
    ctx.log.warn({ provider: provider.name, failure: got.failure }, "GIF provider failed");
    return cached ? answer(cached.results, cached.next) : none;
  }
  // A page is what was asked for: a provider answering thousands would make one insert past
  // SQLite's bound on variables (a 500 for every reader of the picker), and a row of megabytes.
  // What may not be shown is left out once, here: never stored, never offered, never sent.
  const policy = policyOf(provider);
  const offers = got.offers.slice(0, GIF_PAGE_SIZE).filter((o) => showable(o, policy));
  const results = JSON.stringify(offers);
  const at = now.toISOString();
  await ctx.write(async (tx) => {
    await repo.saveOffers(
      tx.db,
      provider.name,
      offers.map((o) => ({ id: o.id, title: o.title, json: JSON.stringify(o) })),
      at,
    );
    await repo.saveSearch(tx.db, {
      key,
      provider: provider.name,
      results,
      next: got.next,
      fetched_at: at,
      expires_at: new Date(now.getTime() + SEARCH_TTL_MS).toISOString(),
    });
    await repo.prune(tx.db, new Date(now.getTime() - OFFER_TTL_MS).toISOString());
  });
  await recordOutcome(ctx, "gifs", { ok: true });
  return answer(results, got.next);
}

/** Whether the provider said "too many requests" a moment ago (on any instance). */
async function backingOff(ctx: Ctx, now: Date): Promise<boolean> {
  const status = await integrationStatus(ctx, "gifs");
  if (status.working || !status.errorAt || !status.error?.startsWith("rate-limited")) return false;
  return now.getTime() - Date.parse(status.errorAt) < BACKOFF_MS;
}
