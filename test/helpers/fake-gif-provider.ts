import http from "node:http";
import type { AddressInfo } from "node:net";
import sharp from "sharp";

/** The key the fake takes; any other is answered 401, as both providers do. */
export const FAKE_GIF_KEY = "kiosquegifkey";

/** How the fake answers its API calls, for the error modes the tests go through. */
export type FakeMode =
  | "ok"
  | "401"
  | "403"
  | "429"
  | "500"
  | "timeout"
  | "truncated"
  /** 3,000 GIFs in one answer, whatever limit was asked. */
  | "flood"
  /** A well-formed answer of 3 MB (a field no client reads, padded). */
  | "bloated"
  /** Every GIF listed twice under its id, the second time titled "<title> (doublon)". */
  | "duplicate";

/** A GIF of the fake's catalogue; `kind` says how its media URL behaves. */
interface FakeGif {
  id: string;
  title: string;
  kind:
    | "ok"
    | "redirect-private"
    | "redirect-loopback"
    | "missing"
    | "huge"
    | "not-image"
    | "trickle"
    | "giant-screen";
}

/**
 * The catalogue: found by any word of their title (a search with no match finds none), all of
 * them trending. The last ones have media that misbehave.
 */
export const FAKE_GIFS: readonly FakeGif[] = [
  { id: "bravo1", title: "Bravo chat qui applaudit", kind: "ok" },
  { id: "merci2", title: "Merci beaucoup", kind: "ok" },
  { id: "casino3", title: "Casino jackpot", kind: "ok" },
  { id: "chien4", title: "Chien content", kind: "ok" },
  { id: "private5", title: "Redirige ailleurs", kind: "redirect-private" },
  { id: "loop6", title: "Redirige en boucle locale", kind: "redirect-loopback" },
  { id: "gone7", title: "Disparu", kind: "missing" },
  { id: "huge8", title: "Enorme fichier", kind: "huge" },
  { id: "page9", title: "Pas une image", kind: "not-image" },
  { id: "slow10", title: "Goutte à goutte", kind: "trickle" },
  { id: "giant11", title: "Écran géant", kind: "giant-screen" },
];

/** A GIF89a of one 1×1 frame, as any decoder reads it. */
const TINY_GIF = Buffer.from(
  "R0lGODlhAQABAIAAAP///wAAACH5BAEAAAAALAAAAAABAAEAAAICRAEAOw==",
  "base64",
);

/**
 * The same GIF, its Logical Screen Descriptor (bytes 6–9, little-endian) claiming 65000×65000:
 * sharp still reports the frame's 1×1, while a browser may size its canvas from the screen.
 */
function giantScreenGif(): Buffer {
  const bytes = Buffer.from(TINY_GIF);
  bytes.writeUInt16LE(65_000, 6);
  bytes.writeUInt16LE(65_000, 8);
  return bytes;
}

export interface FakeGifProvider {
  /** Base URL to give as `gif.giphyEndpoint` or `gif.klipyEndpoint`. */
  url: string;
  /** How API calls are answered now (media files are served whatever the mode). */
  mode: FakeMode;
  /** Every API call received (path and query), in order; media fetches are in `media`. */
  calls: URL[];
  media: string[];
  /** The bytes served for every "ok" GIF (a WebP) and its GIF rendition. */
  webp: Buffer;
  gif: Buffer;
  close(): Promise<void>;
}

const matches = (gif: FakeGif, q: string) =>
  q === "" ||
  gif.title
    .toLowerCase()
    .split(/\s+/)
    .some((w) => q.toLowerCase().split(/\s+/).includes(w));

/**
 * A local server speaking both providers' APIs with their real shapes, for tests (and the bench):
 *
 * - GIPHY v1: `GET /v1/gifs/search?api_key&q&limit&offset&rating&lang`, `/v1/gifs/trending`,
 *   `/v1/gifs/{id}`: `{ data: [GIF objects], pagination: { total_count, count, offset }, meta:
 *   { status, msg, response_id } }`, each GIF with `images.fixed_width { url, width, height, size,
 *   webp, webp_size, mp4, mp4_size }` (numbers as strings, as GIPHY writes them) and
 *   `fixed_width_still`; errors as `{ meta: { status: 401, msg: "Unauthorized" } }` etc.
 * - Klipy (Tenor v2): `GET /v2/search?key&q&limit&pos&contentfilter&locale&media_filter`,
 *   `/v2/featured`, `/v2/posts?ids=`: `{ results: [{ id, title, content_description,
 *   media_formats: { tinywebp, tinygif, webp, gif, mp4: { url, dims: [w, h], size, duration } } }],
 *   next }`; errors as Google's `{ error: { code, message, status } }`.
 *
 * Media live on this same server (`/media/<id>.<ext>`): the loopback origin a test endpoint
 * makes trusted, and only it.
 */
export async function startFakeGifProvider(): Promise<FakeGifProvider> {
  // Noise, so that the file weighs what a real 200-px GIF rendition does (tens of KB), not 100 bytes:
  // the bench serves it.
  const webp = await sharp({
    create: {
      width: 200,
      height: 150,
      channels: 3,
      background: "#c33",
      noise: { type: "gaussian", mean: 128, sigma: 40 },
    },
  })
    .webp({ quality: 80 })
    .toBuffer();
  const gif = await sharp({
    create: { width: 200, height: 150, channels: 4, background: "#3c3" },
  })
    .gif()
    .toBuffer();
  const fake: FakeGifProvider = {
    url: "",
    mode: "ok",
    calls: [],
    media: [],
    webp,
    gif,
    close: async () => {},
  };
  const media = (g: FakeGif, ext: string) => `${fake.url}/media/${g.id}.${ext}`;

  const giphyGif = (g: FakeGif) => ({
    type: "gif",
    id: g.id,
    url: `https://giphy.com/gifs/${g.id}`,
    title: `${g.title} GIF`,
    alt_text: g.title,
    rating: "g",
    images: {
      fixed_width: {
        url: media(g, "gif"),
        width: "200",
        height: "150",
        size: String(gif.length),
        webp: media(g, "webp"),
        webp_size: String(webp.length),
        mp4: media(g, "mp4"),
        mp4_size: "1000",
      },
      fixed_width_still: { url: media(g, "still.gif"), width: "200", height: "150" },
    },
  });
  const klipyResult = (g: FakeGif) => ({
    id: g.id,
    title: g.title,
    content_description: `${g.title} GIF`,
    itemurl: `https://klipy.com/gifs/${g.id}`,
    created: 1_700_000_000,
    media_formats: {
      tinywebp: { url: media(g, "webp"), dims: [200, 150], size: webp.length, duration: 0 },
      tinygif: { url: media(g, "gif"), dims: [200, 150], size: gif.length, duration: 0 },
      mp4: { url: media(g, "mp4"), dims: [200, 150], size: 1000, duration: 1 },
    },
  });

  function apiError(res: http.ServerResponse, status: number, giphyShape: boolean): void {
    const msg = { 401: "Unauthorized", 403: "Forbidden", 429: "Too Many Requests" }[status];
    res.writeHead(status, { "content-type": "application/json" });
    res.end(
      JSON.stringify(
        giphyShape
          ? { data: [], meta: { status, msg: msg ?? "Internal Server Error", response_id: "" } }
          : { error: { code: status, message: msg ?? "Internal error", status: "ERROR" } },
      ),
    );
  }

  function api(url: URL, res: http.ServerResponse): void {
    fake.calls.push(url);
    const isGiphy = url.pathname.startsWith("/v1/");
    const key = url.searchParams.get(isGiphy ? "api_key" : "key");
    if (fake.mode === "timeout") return; // never answers: the client's timeout ends it
    if (key !== FAKE_GIF_KEY) return apiError(res, 401, isGiphy);
    if (fake.mode === "403" || fake.mode === "429" || fake.mode === "500" || fake.mode === "401")
      return apiError(res, Number(fake.mode), isGiphy);
    const q = url.searchParams.get("q") ?? "";
    const limit = Number(url.searchParams.get("limit") ?? 25);
    let found: FakeGif[];
    if (url.pathname.endsWith("/search")) found = FAKE_GIFS.filter((g) => matches(g, q));
    else if (url.pathname === "/v2/posts")
      found = FAKE_GIFS.filter((g) =>
        (url.searchParams.get("ids") ?? "").split(",").includes(g.id),
      );
    else if (url.pathname.startsWith("/v1/gifs/") && !url.pathname.endsWith("/trending"))
      found = FAKE_GIFS.filter((g) => url.pathname === `/v1/gifs/${g.id}`);
    else found = [...FAKE_GIFS];
    const start = Number(url.searchParams.get(isGiphy ? "offset" : "pos") ?? 0) || 0;
    const listed = found.slice(start, start + limit);
    const page =
      fake.mode === "flood"
        ? Array.from({ length: 3000 }, (_, i) => ({ ...FAKE_GIFS[0]!, id: `flood${i}` }))
        : fake.mode === "duplicate"
          ? listed.flatMap((g) => [g, { ...g, title: `${g.title} (doublon)` }])
          : listed;
    const body = isGiphy
      ? {
          data: page.map(giphyGif),
          pagination: { total_count: found.length, count: page.length, offset: start },
          meta: { status: 200, msg: "OK", response_id: "fake" },
        }
      : {
          results: page.map(klipyResult),
          next: start + limit < found.length ? String(start + limit) : "",
        };
    const text = JSON.stringify(
      fake.mode === "bloated" ? { ...body, padding: "a".repeat(3 * 1024 * 1024) } : body,
    );
    res.writeHead(200, { "content-type": "application/json" });
    // A connection cut mid-answer: half the JSON.
    res.end(fake.mode === "truncated" ? text.slice(0, Math.floor(text.length / 2)) : text);
  }

  function serveMedia(url: URL, res: http.ServerResponse): void {
    fake.media.push(url.pathname);
    const [, , file = ""] = url.pathname.split("/");
    const id = file.slice(0, file.indexOf("."));
    const g = FAKE_GIFS.find((x) => x.id === id);
    if (!g || g.kind === "missing") return void res.writeHead(404).end();
    if (g.kind === "redirect-private")
      return void res
        .writeHead(302, { location: "http://169.254.169.254/latest/meta-data/" })
        .end();
    if (g.kind === "redirect-loopback")
      return void res.writeHead(302, { location: "http://127.0.0.1:1/secret.webp" }).end();
    if (g.kind === "huge") {
      res.writeHead(200, { "content-type": "image/webp" });
      return void res.end(Buffer.alloc(3 * 1024 * 1024, 1));
    }
    if (g.kind === "trickle") {
      // A byte now and then, for as long as the client waits: never a whole file.
      res.writeHead(200, { "content-type": "image/webp" });
      const drip = setInterval(() => res.write(Buffer.of(0x52)), 300);
      res.on("close", () => clearInterval(drip));
      return;
    }
    if (g.kind === "giant-screen") {
      res.writeHead(200, { "content-type": "image/gif" });
      return void res.end(giantScreenGif());
    }
    if (g.kind === "not-image") {
      res.writeHead(200, { "content-type": "image/webp" });
      return void res.end("<html><script>alert(1)</script></html>");
    }
    const isGif = file.endsWith(".gif");
    res.writeHead(200, { "content-type": isGif ? "image/gif" : "image/webp" });
    res.end(isGif ? gif : webp);
  }

  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? "/", fake.url);
    if (url.pathname.startsWith("/media/")) serveMedia(url, res);
    else if (url.pathname.startsWith("/v1/") || url.pathname.startsWith("/v2/")) api(url, res);
    else res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  fake.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  fake.close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return fake;
}
