import { describe, expect, it } from "vitest";
import { imageSrc, linkHref, ownImageSrc } from "./urls.js";

describe("linkHref", () => {
  it.each([
    ["https://www.lemonde.fr/a", "https://www.lemonde.fr/a"],
    ["  http://exemple.fr  ", "http://exemple.fr/"],
    ["www.lemonde.fr/politique", "https://www.lemonde.fr/politique"],
    ["lemonde.fr", "https://lemonde.fr/"],
    ["mailto:redaction@exemple.fr", "mailto:redaction@exemple.fr"],
    ["redaction@exemple.fr", "mailto:redaction@exemple.fr"],
    ["/article/le-port", "/article/le-port"],
    ["#intertitre", "#intertitre"],
  ])("%j links to %j", (input, href) => {
    expect(linkHref(input)).toBe(href);
  });

  it.each([
    "",
    "javascript:alert(1)",
    " JavaScript:alert(1)",
    "java\tscript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "vbscript:msgbox(1)",
    "file:///etc/passwd",
    "//evil.example/",
    "https://user:pw@exemple.fr/",
    'https://exemple.fr/"onmouseover="alert(1)',
    "texte sans adresse",
  ])("refuses %j", (input) => {
    expect(linkHref(input)).toBeUndefined();
  });
});

describe("imageSrc", () => {
  it("takes http(s) and this site's paths", () => {
    expect(imageSrc("https://cdn.exemple.fr/a.jpg")).toBe("https://cdn.exemple.fr/a.jpg");
    expect(imageSrc("/media/12/photo.jpg")).toBe("/media/12/photo.jpg");
  });
  it.each([
    "",
    "javascript:alert(1)",
    "data:image/png;base64,AAAA",
    "//evil.example/a.jpg",
    "mailto:a@b.fr",
  ])("refuses %j", (input) => {
    expect(imageSrc(input)).toBeUndefined();
  });
});

describe("ownImageSrc", () => {
  const page = "http://10.0.0.5:3000";
  const publicUrl = "https://journal.exemple.fr";
  it.each([
    ["/media/12/photo.jpg", "/media/12/photo.jpg"],
    [
      "https://journal.exemple.fr/media/12/photo.jpg",
      "https://journal.exemple.fr/media/12/photo.jpg",
    ],
    // The newsroom reached by another name: the same site, kept as its path.
    ["http://10.0.0.5:3000/media/12/photo.jpg?v=2", "/media/12/photo.jpg?v=2"],
  ])("takes %j as %j", (src, kept) => expect(ownImageSrc(src, page, publicUrl)).toBe(kept));
  it.each([
    "https://upload.wikimedia.org/pic.jpg",
    "//journal.exemple.fr/media/1.jpg",
    "https://journal.exemple.fr.evil.example/a.jpg",
    "http://journal.exemple.fr/media/1.jpg",
    "http://10.0.0.5:3001/media/1.jpg",
  ])("refuses %j", (src) => expect(ownImageSrc(src, page, publicUrl)).toBeUndefined());
  it("takes no address in full for the public URL when none is set", () => {
    expect(ownImageSrc("https://journal.exemple.fr/media/1.jpg", page, undefined)).toBeUndefined();
  });
});
