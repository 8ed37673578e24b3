import {
  byteSize,
  cleanTitle,
  dimension,
  failureDetail,
  failureOfStatus,
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

/** GIPHY's media CDN: https://developers.giphy.com/docs/api/ (media0–4, media and i.giphy.com). */
export const GIPHY_MEDIA_HOSTS = [
  "media.giphy.com",
  "media0.giphy.com",
  "media1.giphy.com",
  "media2.giphy.com",
  "media3.giphy.com",
  "media4.giphy.com",
  "i.giphy.com",
] as const;

/** One rendition of GIPHY's `images` object: its GIF, and the WebP beside it. */
function renditions(image: unknown): Rendition[] {
  const width = dimension(field(image, "width"));
  const height = dimension(field(image, "height"));
  if (!width || !height) return [];
  const out: Rendition[] = [];
  const webp = mediaUrl(field(image, "webp"));
  const gif = mediaUrl(field(image, "url"));
  const size = (k: string) => byteSize(field(image, k));
  if (webp) out.push({ url: webp, width, height, type: "image/webp", ...opt(size("webp_size")) });
  if (gif) out.push({ url: gif, width, height, type: "image/gif", ...opt(size("size")) });
  return out;
}

const opt = (size: number | undefined) => (size ? { size } : {});

/**
 * A GIF object of GIPHY's v1 API: `id`, `title` (and `alt_text` when GIPHY wrote one), and
 * `images`, whose `fixed_width` (200 px wide, with `webp` and `mp4` beside its `url`) is small
 * enough both for the picker and to keep.
 */
export function giphyOffer(gif: unknown): Offer | undefined {
  const id = field(gif, "id");
  if (typeof id !== "string" || !GIF_ID.test(id)) return undefined;
  const images = field(gif, "images");
  const fixed = renditions(field(images, "fixed_width"));
  const small = renditions(field(images, "fixed_width_small"));
  const preview = small[0] ?? fixed[0];
  if (!preview || fixed.length === 0) return undefined;
  const title = cleanTitle(field(gif, "alt_text")) || cleanTitle(field(gif, "title"));
  return { id, title, preview, keep: fixed };
}

/**
 * GIPHY's answer to /v1/gifs/search or /v1/gifs/trending: `data` (GIF objects), `pagination`
 * (`offset`, `count`, `total_count`) and `meta` (`status`, `msg`, `response_id`). A "synthetic"
 * answer (meta.status 200 with no response_id and no data) means GIPHY's own systems failed.
 */
export function readGiphy(body: unknown): Answer {
  const meta = field(body, "meta");
  const status = field(meta, "status");
  if (typeof status === "number" && status !== 200) {
    const failure = failureOfStatus(status);
    return { ok: false, failure, detail: failureDetail(failure, `meta ${status}`) };
  }
  const data = field(body, "data");
  if (!Array.isArray(data)) return { ok: false, failure: "malformed", detail: "malformed answer" };
  if (data.length === 0 && field(meta, "response_id") === "")
    return {
      ok: false,
      failure: "provider-error",
      detail: failureDetail("provider-error", "synthetic"),
    };
  const pagination = field(body, "pagination");
  const offset = Number(field(pagination, "offset") ?? 0);
  const count = Number(field(pagination, "count") ?? data.length);
  const total = Number(field(pagination, "total_count") ?? 0);
  const end = offset + count;
  return {
    ok: true,
    offers: offersOf(data, giphyOffer),
    next: Number.isFinite(end) && end < total && count > 0 ? String(end) : null,
  };
}

/**
 * GIPHY's v1 API (https://developers.giphy.com/docs/api/endpoint/): `api_key`, `q`, `limit`,
 * `offset`, `rating` (g, pg, pg-13, r) and `lang` (two letters). Its terms ask for "Powered by
 * GIPHY" wherever results are shown: the picker says it.
 */
export function giphy(apiKey: string, endpoint: string): GifProvider {
  const base = endpoint.endsWith("/") ? endpoint : `${endpoint}/`;
  const url = (path: string, params: Record<string, string>) => {
    const u = new URL(path, base);
    u.search = new URLSearchParams({ api_key: apiKey, ...params }).toString();
    return u;
  };
  const paging = (p: PageQuery) => ({
    limit: String(p.limit),
    offset: p.cursor && /^\d{1,5}$/.test(p.cursor) ? p.cursor : "0",
    rating: p.rating,
  });
  const ask = async (u: URL): Promise<Answer> => {
    const got = await getJson(u);
    return got.ok ? readGiphy(got.body) : got;
  };
  return {
    name: "giphy",
    mediaHosts: GIPHY_MEDIA_HOSTS,
    endpoint,
    search: (q, p) => ask(url("v1/gifs/search", { q, ...paging(p), lang: p.locale })),
    trending: (p) => ask(url("v1/gifs/trending", paging(p))),
    async verify() {
      const answer = await ask(url("v1/gifs/trending", { limit: "1", offset: "0", rating: "g" }));
      return answer.ok ? { ok: true } : { ok: false, detail: answer.detail };
    },
  };
}
