import { describe, expect, it } from "vitest";
import { redirects } from "../../redirects/index.js";
import { isPrivateAddress, oldSite } from "../sources.js";
import { autop } from "./autop.js";
import { convertContent } from "./convert.js";
import { imageKey, NO_REFS } from "./refs.js";
import { parseAttrs, replaceShortcodes } from "./shortcodes.js";

describe("autop (WordPress's wpautop)", () => {
  it("makes paragraphs of blank lines and line breaks of single ones", () => {
    expect(autop("Un\ndeux\n\nTrois")).toBe("<p>Un<br />\ndeux</p>\n<p>Trois</p>\n");
  });
  it("leaves block-level tags and <pre> alone", () => {
    expect(autop("<h2>Titre</h2>\nTexte")).toBe("<h2>Titre</h2>\n<p>Texte</p>\n");
    expect(autop("<pre>a\n\nb</pre>")).toBe("<pre>a\n\nb</pre>\n");
  });
  it("gives nothing for blank text", () => {
    expect(autop(" \n ")).toBe("");
  });
});

describe("shortcodes", () => {
  it("reads attributes as WordPress does", () => {
    expect(parseAttrs(` id="5" title='Contact' width=300 https://x.example "pos"`)).toEqual({
      attrs: { id: "5", title: "Contact", width: "300" },
      positional: ["https://x.example", "pos"],
    });
  });
  it("runs known ones, removes unknown ones keeping their content, counts them", () => {
    const unknown = new Map<string, number>();
    const out = replaceShortcodes(
      "[b]x[/b] [known a=1] [[known]] <code>[known]</code> [plugin]garder[/plugin]",
      { known: (c) => `K${c.attrs.a ?? ""}` },
      unknown,
    );
    expect(out).toBe("x K1 [known] <code>[known]</code> garder");
    expect([...unknown]).toEqual([
      ["b", 1],
      ["plugin", 1],
    ]);
  });
});

describe("convertContent", () => {
  it("turns a bare provider address into a link card, and keeps text safe", () => {
    const c = convertContent(
      "Avant\n\nhttps://youtu.be/abc\n\n<img src=x onerror=alert(1)>",
      NO_REFS,
    );
    expect(c.html).toContain('<figure class="embed" data-provider="youtube">');
    expect(c.html).not.toContain("onerror");
    expect(c.outside).toEqual(["x"]);
  });
  it("strips block comments and counts dynamic blocks", () => {
    const c = convertContent(
      '<!-- wp:paragraph -->\n<p>Un</p>\n<!-- /wp:paragraph -->\n<!-- wp:search {"label":"x"} /-->',
      NO_REFS,
    );
    expect(c.html).toBe("<p>Un</p>");
    expect([...c.unknown]).toEqual([["block:search", 1]]);
  });
});

describe("old addresses", () => {
  it("spells each old address one way", () => {
    expect(redirects.oldPath("https://old.example/2024/03/05/slug/")).toBe("/2024/03/05/slug");
    expect(redirects.oldPath("/tag/%C3%A9t%C3%A9/")).toBe(redirects.oldPath("/tag/%c3%a9t%c3%a9"));
    expect(redirects.oldPath("/index.php?p=12&utm=x")).toBe("/?p=12");
    expect(redirects.oldPath("/?utm=x")).toBe("/");
  });
  it("measures an old address as stored, encoded: what PostgreSQL's index takes", () => {
    expect(redirects.oldPath(`/${"a".repeat(2047)}`)).toHaveLength(2048);
    // 1,001 characters as typed, 6,001 once encoded.
    expect(redirects.oldPath(`/${"é".repeat(1000)}`)).toBeUndefined();
    expect(redirects.oldPath(`/?p=${"@".repeat(1000)}`)).toBeUndefined();
  });
  it("gives every size of an upload one key", () => {
    expect(imageKey("https://a.example/wp-content/uploads/2024/03/Pont-300x200.jpg")).toBe(
      imageKey("http://a.example/wp-content/uploads/2024/03/pont-scaled.jpg"),
    );
  });
});

describe("downloads from the old site", () => {
  it("knows private and local addresses", () => {
    for (const a of [
      "127.0.0.1",
      "10.1.2.3",
      "172.20.0.1",
      "192.168.1.1",
      "169.254.169.254",
      "::1",
      "fd00::1",
      "::ffff:127.0.0.1",
    ])
      expect([a, isPrivateAddress(a)]).toEqual([a, true]);
    for (const a of ["93.184.216.34", "2606:4700::1111"])
      expect([a, isPrivateAddress(a)]).toEqual([a, false]);
  });
  it("refuses other schemes, credentials, and private addresses before connecting", async () => {
    const site = oldSite();
    expect(await site.fetch("file:///etc/passwd", 1000)).toEqual({ problem: "not http(s)" });
    expect(await site.fetch("https://u:p@example.org/a.jpg", 1000)).toEqual({
      problem: "credentials in the address",
    });
    expect(await site.fetch("http://127.0.0.1:9/a.jpg", 1000)).toEqual({
      problem: "a private address",
    });
    expect(await site.fetch("http://[::1]/a.jpg", 1000)).toEqual({ problem: "a private address" });
    const named = await site.fetch("http://localhost:9/a.jpg", 1000);
    expect("problem" in named && named.problem).toMatch(/refused address/);
  });
});

describe("downloads, against a server on this machine", () => {
  it("takes a file whole, stops at the size cap, follows few redirects, says what failed", async () => {
    const http = await import("node:http");
    const server = http.createServer((req, res) => {
      if (req.url === "/ok.jpg") return res.end(Buffer.alloc(500, 1));
      if (req.url === "/big.jpg") return res.end(Buffer.alloc(5000, 1));
      if (req.url?.startsWith("/loop")) {
        res.writeHead(302, { location: "/loop" });
        return res.end();
      }
      res.writeHead(404);
      res.end();
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as { port: number };
    const base = `http://127.0.0.1:${port}`;
    // The tests' own server is on this machine: only tests may allow that.
    const site = oldSite({ allowPrivate: true });
    try {
      const ok = await site.fetch(`${base}/ok.jpg`, 1000);
      expect("bytes" in ok && ok.bytes.length).toBe(500);
      expect(await site.fetch(`${base}/big.jpg`, 1000)).toEqual({
        problem: "larger than media.maxUploadMB",
      });
      expect(await site.fetch(`${base}/loop`, 1000)).toEqual({ problem: "too many redirects" });
      expect(await site.fetch(`${base}/none.jpg`, 1000)).toEqual({ problem: "HTTP 404" });
    } finally {
      server.close();
    }
  });
});
