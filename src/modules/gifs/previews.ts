import type { Ctx } from "../../ctx.js";
import { previewOf, previewsServed, type Preview } from "./keep.js";

/** Previews kept in this process's memory, at most: a picker's few pages for its readers. */
const MEMORY_BYTES = 16 * 1024 * 1024;
/**
 * A preview the provider could not give is not asked for again this long: a broken file stays
 * broken for a while, and a client repeating its id must not make Kiosque repeat the fetch.
 */
const FAILURE_MS = 60_000;
/** Failures remembered at most: any client may name ids, and each is a few dozen bytes here. */
const FAILURES_MAX = 10_000;

/** A small memory of previews by provider and id, oldest dropped first past the byte bound. */
function previewMemory() {
  const kept = new Map<string, Preview>();
  let total = 0;
  return {
    get: (key: string) => kept.get(key),
    set(key: string, value: Preview) {
      if (value.bytes.length > MEMORY_BYTES / 8 || kept.has(key)) return;
      kept.set(key, value);
      total += value.bytes.length;
      for (const [k, v] of kept) {
        if (total <= MEMORY_BYTES) break;
        kept.delete(k);
        total -= v.bytes.length;
      }
    },
  };
}

/** Ids whose preview failed a moment ago, until when; the oldest go first past the bound. */
function failureMemory(now: () => number) {
  const until = new Map<string, number>();
  return {
    has(key: string): boolean {
      const end = until.get(key);
      if (end === undefined) return false;
      if (end > now()) return true;
      until.delete(key);
      return false;
    },
    add(key: string) {
      until.delete(key);
      until.set(key, now() + FAILURE_MS);
      if (until.size > FAILURES_MAX) until.delete(until.keys().next().value ?? "");
    },
  };
}

export interface PreviewServer {
  /**
   * The picker's preview of this provider's GIF, or undefined: an id no search offered, previews
   * not Kiosque's to serve now, or a file that would not do (then remembered a minute).
   * `beforeFetch` runs only when the provider must be asked, and may throw (a client past its
   * limit): then nothing is asked.
   */
  get(provider: string, id: string, beforeFetch: () => Promise<void>): Promise<Preview | undefined>;
}

/**
 * Picker previews as one process serves them (`/gifs/preview/…`): from memory when it has them,
 * one fetch at a time per GIF however many readers ask for it at once (a picker's page opens two
 * dozen, and every reader of a trending page asks for the same), and a failure remembered for a
 * minute. Per process, as the bytes are: what one process fetches twice costs a fetch, not a bug.
 */
export function previewServer(ctx: Ctx): PreviewServer {
  const memory = previewMemory();
  const failed = failureMemory(() => ctx.clock.now().getTime());
  const fetching = new Map<string, Promise<Preview | undefined>>();

  async function fetchOnce(provider: string, id: string, key: string) {
    const got = await previewOf(ctx, provider, id);
    if (got.kind === "failed") failed.add(key);
    if (got.kind !== "ok") return undefined;
    const preview = { bytes: got.bytes, type: got.type };
    memory.set(key, preview);
    return preview;
  }

  return {
    async get(provider, id, beforeFetch) {
      // The memory answers only while this provider's previews are still Kiosque's to serve.
      if (!(await previewsServed(ctx, provider))) return undefined;
      const key = `${provider}/${id}`;
      const kept = memory.get(key);
      if (kept) return kept;
      if (failed.has(key)) return undefined;
      let pending = fetching.get(key);
      if (!pending) {
        await beforeFetch();
        // Another request may have started the fetch while this one was counted: join it.
        pending = fetching.get(key);
        if (!pending) {
          pending = fetchOnce(provider, id, key).finally(() => fetching.delete(key));
          fetching.set(key, pending);
        }
      }
      return pending;
    },
  };
}
