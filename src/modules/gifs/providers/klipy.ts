import {
  byteSize,
  cleanTitle,
  dimension,
  field,
  getJson,
  GIF_ID,
  mediaUrl,
  offersOf,
  type Answer,
  type GifProvider,
  type Offer,
  type PageQuery,
  type Rendition,
} from "../provider.js";

/** Klipy serves its files from one CDN host (the URLs its API hands out). */
export const KLIPY_MEDIA_HOSTS = ["static.klipy.com"] as const;

/** Tenor's `contentfilter` (off, low, medium, high) for each of GIPHY's ratings. */
const CONTENT_FILTER: Record<PageQuery["rating"], string> = {
  g: "high",
  pg: "medium",
  "pg-13": "low",
  r: "off",
};

const LOCALE: Record<PageQuery["locale"], string> = { fr: "fr_FR", en: "en_US" };

/** The formats asked for, smallest first: Tenor's `media_filter`. */
const FORMATS = ["tinywebp", "tinygif", "webp", "gif"] as const;

/** One of Tenor's media objects: `url`, `dims` ([width, height]) and `size` in bytes. */
function rendition(media: unknown, type: Rendition["type"]): Rendition | undefined {
  const url = mediaUrl(field(media, "url"));
  const dims = field(media, "dims");
  const width = Array.isArray(dims) ? dimension(dims[0]) : undefined;
  const height = Array.isArray(dims) ? dimension(dims[1]) : undefined;
  if (!url || !width || !height) return undefined;
  const size = byteSize(field(media, "size"));
  return { url, width, height, type, ...(size ? { size } : {}) };
}

/**
 * A result of Klipy's Tenor-compatible v2 API: `id`, `title`, `content_description` (Tenor
 * recommends it for accessibility) and `media_formats`, keyed by format name.
 */
export function klipyOffer(result: unknown): Offer | undefined {
  const raw = field(result, "id");
  const id = typeof raw === "number" ? String(raw) : raw;
  if (typeof id !== "string" || !GIF_ID.test(id)) return undefined;
  const formats = field(result, "media_formats");
  const keep = FORMATS.flatMap(
    (f) => rendition(field(formats, f), f.endsWith("webp") ? "image/webp" : "image/gif") ?? [],
  );
  const preview = keep[0];
  if (!preview) return undefined;
  const title =
    cleanTitle(field(result, "content_description")) || cleanTitle(field(result, "title"));
  return { id, title, preview, keep };
}

/** An answer of /v2/search or /v2/featured: `results` and `next` (empty or "0" on the last page). */
export function readKlipy(body: unknown): Answer {
  const results = field(body, "results");
  if (!Array.isArray(results))
    return { ok: false, failure: "malformed", detail: "malformed answer" };
  const next = field(body, "next");
  return {
    ok: true,
    offers: offersOf(results, klipyOffer),
    next:
      typeof next === "string" && next !== "" && next !== "0" && next.length <= 100 ? next : null,
  };
}

/**
 * Klipy's API, which speaks Tenor's v2 (Tenor's own closes in 2026): `key`, `q`, `limit`, `pos`
 * (the `next` of the page before), `contentfilter`, `locale`, `media_filter`, `client_key`.
 */
export function klipy(apiKey: string, endpoint: string): GifProvider {
  const base = endpoint.endsWith("/") ? endpoint : `${endpoint}/`;
  const url = (path: string, p: PageQuery, extra: Record<string, string> = {}) => {
    const u = new URL(path, base);
    u.search = new URLSearchParams({
      key: apiKey,
      client_key: "kiosque",
      limit: String(p.limit),
      contentfilter: CONTENT_FILTER[p.rating],
      locale: LOCALE[p.locale],
      media_filter: FORMATS.join(","),
      ...(p.cursor ? { pos: p.cursor } : {}),
      ...extra,
    }).toString();
    return u;
  };
  const ask = async (u: URL): Promise<Answer> => {
    const got = await getJson(u);
    return got.ok ? readKlipy(got.body) : got;
  };
  return {
    name: "klipy",
    mediaHosts: KLIPY_MEDIA_HOSTS,
    endpoint,
    search: (q, p) => ask(url("v2/search", p, { q })),
    trending: (p) => ask(url("v2/featured", p)),
    async verify() {
      const answer = await ask(
        url("v2/featured", { cursor: undefined, limit: 1, rating: "g", locale: "en" }),
      );
      return answer.ok ? { ok: true } : { ok: false, detail: answer.detail };
    },
  };
}
