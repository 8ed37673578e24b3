import { describe, expect, it } from "vitest";
import { giphyOffer, readGiphy } from "./giphy.js";
import { klipyOffer, readKlipy } from "./klipy.js";
import { providerFor } from "./index.js";

const giphyGif = {
  id: "abc123",
  title: "Cat\u0000 GIF",
  images: {
    fixed_width: {
      url: "https://media1.giphy.com/media/abc123/200w.gif",
      width: "200",
      height: "113",
      size: "123456",
      webp: "https://media1.giphy.com/media/abc123/200w.webp",
      webp_size: "45678",
    },
  },
};

describe("GIPHY's answers", () => {
  it("read a GIF object: its fixed_width WebP first, then its GIF, numbers from strings", () => {
    expect(giphyOffer(giphyGif)).toEqual({
      id: "abc123",
      title: "Cat GIF",
      preview: {
        url: "https://media1.giphy.com/media/abc123/200w.webp",
        width: 200,
        height: 113,
        type: "image/webp",
        size: 45678,
      },
      keep: [
        expect.objectContaining({ type: "image/webp" }),
        expect.objectContaining({ type: "image/gif", size: 123456 }),
      ],
    });
  });

  it("drop GIFs with an id a URL could misread, or without sizes", () => {
    expect(giphyOffer({ ...giphyGif, id: "../x" })).toBeUndefined();
    expect(
      giphyOffer({ ...giphyGif, images: { fixed_width: { url: "https://x" } } }),
    ).toBeUndefined();
    expect(giphyOffer(null)).toBeUndefined();
  });

  it("page with offset and count, and say when there is no next page", () => {
    const page = (offset: number, count: number, total: number) =>
      readGiphy({
        data: [giphyGif],
        pagination: { offset, count, total_count: total },
        meta: { status: 200, msg: "OK", response_id: "r" },
      });
    expect(page(0, 24, 100)).toMatchObject({ ok: true, next: "24" });
    expect(page(96, 4, 100)).toMatchObject({ ok: true, next: null });
  });

  it("keep the first of a GIF listed twice, so that the one shown is the one kept", () => {
    const answer = readGiphy({
      data: [giphyGif, { ...giphyGif, alt_text: "Another cat" }],
      pagination: { offset: 0, count: 2, total_count: 2 },
      meta: { status: 200, msg: "OK", response_id: "r" },
    });
    expect(answer.ok && answer.offers.map((o) => [o.id, o.title])).toEqual([["abc123", "Cat GIF"]]);
  });

  it("take GIPHY's synthetic answer and a refusal in `meta` for failures", () => {
    expect(
      readGiphy({ data: [], meta: { status: 200, msg: "OK", response_id: "" } }),
    ).toMatchObject({ ok: false, failure: "provider-error" });
    expect(readGiphy({ data: [], meta: { status: 403, msg: "Forbidden" } })).toMatchObject({
      ok: false,
      failure: "revoked",
    });
    expect(readGiphy({ meta: { status: 200 } })).toMatchObject({ ok: false, failure: "malformed" });
    expect(readGiphy("<html>")).toMatchObject({ ok: false, failure: "malformed" });
  });
});

describe("Klipy's (Tenor v2) answers", () => {
  const result = {
    id: 987654321,
    title: "Dance",
    content_description: "A dog dancing",
    media_formats: {
      tinygif: { url: "https://static.klipy.com/ii/x/tiny.gif", dims: [220, 124], size: 90000 },
      tinywebp: { url: "https://static.klipy.com/ii/x/tiny.webp", dims: [220, 124], size: 40000 },
      gif: { url: "https://static.klipy.com/ii/x/full.gif", dims: [498, 280], size: 2000000 },
      mp4: { url: "https://static.klipy.com/ii/x/x.mp4", dims: [498, 280], size: 300000 },
    },
  };

  it("read a result: its description as the title, small WebP first, no MP4", () => {
    const offer = klipyOffer(result);
    expect(offer?.id).toBe("987654321");
    expect(offer?.title).toBe("A dog dancing");
    expect(offer?.preview).toMatchObject({ type: "image/webp", width: 220, height: 124 });
    expect(offer?.keep.map((r) => r.url)).toEqual([
      "https://static.klipy.com/ii/x/tiny.webp",
      "https://static.klipy.com/ii/x/tiny.gif",
      "https://static.klipy.com/ii/x/full.gif",
    ]);
  });

  it("keep the first of a result listed twice, its id a number or a string", () => {
    const again = { ...result, id: "987654321", content_description: "Another dog" };
    const answer = readKlipy({ results: [result, again], next: "" });
    expect(answer.ok && answer.offers.map((o) => o.title)).toEqual(["A dog dancing"]);
  });

  it('page with `next`, empty or "0" on the last page', () => {
    expect(readKlipy({ results: [result], next: "CAgQAA" })).toMatchObject({ next: "CAgQAA" });
    expect(readKlipy({ results: [result], next: "" })).toMatchObject({ next: null });
    expect(readKlipy({ results: [result], next: "0" })).toMatchObject({ next: null });
    expect(readKlipy({ error: { code: 401 } })).toMatchObject({ ok: false, failure: "malformed" });
  });
});

describe("the provider the settings name", () => {
  const base = {
    "gif.giphyEndpoint": "https://api.giphy.com",
    "gif.klipyEndpoint": "https://api.klipy.com",
  };
  it("is none without a key, whichever is chosen", () => {
    expect(providerFor({ ...base, "gif.provider": "giphy", "gif.key": "" }).name).toBe("disabled");
    expect(providerFor({ ...base, "gif.provider": "disabled", "gif.key": "k" }).name).toBe(
      "disabled",
    );
    expect(providerFor({ ...base, "gif.provider": "klipy", "gif.key": "k" }).name).toBe("klipy");
  });
});
