import { describe, expect, it } from "vitest";
import { EMBED_PROVIDERS, isEmbedProvider, recogniseEmbed } from "./embeds.js";

describe("recogniseEmbed", () => {
  it.each([
    ["https://www.youtube.com/watch?v=dQw4w9WgXcQ", "youtube"],
    ["https://youtu.be/dQw4w9WgXcQ?t=42", "youtube"],
    ["https://m.youtube.com/watch?v=dQw4w9WgXcQ", "youtube"],
    ["https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ", "youtube"],
    ["https://vimeo.com/76979871", "vimeo"],
    ["https://player.vimeo.com/video/76979871", "vimeo"],
    ["https://x.com/lemondefr/status/1800000000000000000", "x"],
    ["https://twitter.com/lemondefr/status/1800000000000000000", "x"],
    ["https://mobile.twitter.com/lemondefr/status/1", "x"],
    ["https://mastodon.social/@Gargron/109328374626235937", "mastodon"],
    ["https://piaille.fr/@journaliste@mastodon.social/112233445566", "mastodon"],
    ["https://social.example/users/ana/statuses/1234567", "mastodon"],
    ["https://www.lemonde.fr/politique/article/2026/01/01/titre.html", "link"],
    ["https://mastodon.social/about", "link"],
  ])("%s is a %s card", (input, provider) => {
    expect(recogniseEmbed(input)?.provider).toBe(provider);
  });

  it("writes the address as the URL parser does, around whitespace trimmed", () => {
    expect(recogniseEmbed("  https://VIMEO.com/76979871 \n")).toEqual({
      provider: "vimeo",
      url: "https://vimeo.com/76979871",
    });
  });

  it("sends readers to the known providers over https, and leaves other sites as given", () => {
    expect(recogniseEmbed("http://www.youtube.com/watch?v=abc")?.url).toBe(
      "https://www.youtube.com/watch?v=abc",
    );
    expect(recogniseEmbed("http://journal.example/a")).toEqual({
      provider: "link",
      url: "http://journal.example/a",
    });
  });

  it("does not take a look-alike host for the provider", () => {
    expect(recogniseEmbed("https://youtube.com.evil.example/watch")?.provider).toBe("link");
    expect(recogniseEmbed("https://notyoutube.com/watch")?.provider).toBe("link");
  });

  it.each([
    "",
    "   ",
    "javascript:alert(1)",
    "JaVaScRiPt:alert(1)//https://youtube.com",
    "data:text/html,<script>alert(1)</script>",
    "vbscript:msgbox(1)",
    "file:///etc/passwd",
    "ftp://example.org/file",
    "//youtube.com/watch?v=abc",
    "youtube.com/watch?v=abc",
    "/article/ma-page",
    "https://youtube.com@evil.example/",
    "https://user:secret@vimeo.com/1",
    "https://",
    `https://example.org/${"a".repeat(2100)}`,
  ])("refuses %j", (input) => {
    expect(recogniseEmbed(input)).toBeUndefined();
  });
});

describe("isEmbedProvider", () => {
  it("knows the providers and nothing else", () => {
    for (const p of EMBED_PROVIDERS) expect(isEmbedProvider(p)).toBe(true);
    for (const p of ["", "YouTube", "iframe", "link x", "__proto__"])
      expect(isEmbedProvider(p)).toBe(false);
  });
});
