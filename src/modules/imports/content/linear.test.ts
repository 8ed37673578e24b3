import { describe, expect, it } from "vitest";
import { textOf } from "../wordpress/fields.js";
import { convertContent } from "./convert.js";
import { imageKey, NO_REFS } from "./refs.js";

/** `unit` repeated to about `size` characters. */
const body = (unit: string, size = 200_000) => unit.repeat(Math.ceil(size / unit.length));

const ms = (work: () => unknown) => {
  const start = performance.now();
  work();
  return performance.now() - start;
};

/**
 * A post's content is converted in time linear in its size. Each of these 200 KB bodies took
 * 10 to 25 s (the embed blocks more than a minute) when an expression read the rest of the post
 * from each unclosed start; they now take under 0.1 s each on the machine that measured them.
 * The bound leaves thirty times that for a slow machine.
 */
describe("converting hostile content", () => {
  const BOUND_MS = 3_000;
  it.each([
    ["embed blocks never closed", '<!-- wp:embed {"url":"x"} -->'],
    ["captions of unclosed pictures", "[caption]<img "],
    ["shortcodes never closed", "[a]x "],
    ["shortcodes in a <pre>", "<pre>[a]"],
    ["attributes never quoted shut", '[a x="'],
    ["elements nested 60,000 deep", "<b>"],
  ])("%s", (_, unit) => {
    expect(ms(() => convertContent(body(unit), NO_REFS))).toBeLessThan(BOUND_MS);
  });

  it("keeps the text of HTML nested deeper than browsers read, and says so", () => {
    const deep = `${"<b>".repeat(1000)}Bonjour${"</b>".repeat(1000)}`;
    const converted = convertContent(deep, NO_REFS);
    expect(converted.flattened).toBe(true);
    expect(converted.html).toBe("<p>Bonjour</p>");
    expect(convertContent("<b><i>Bonjour</i></b>", NO_REFS).flattened).toBe(false);
  });

  it("reads comments and long paths in linear time too", () => {
    expect(ms(() => textOf(`x${" ".repeat(200_000)}x`))).toBeLessThan(BOUND_MS);
    expect(ms(() => textOf(body("<b>")))).toBeLessThan(BOUND_MS);
    expect(textOf(`${"<b>".repeat(1000)}Bonjour &amp; merci`)).toBe("Bonjour & merci");
    const path = `https://x.example/a.jpg/${"-1x1".repeat(50_000)}z`;
    expect(ms(() => imageKey(path))).toBeLessThan(BOUND_MS);
    expect(imageKey("https://x.example/up/photo-300x200-scaled.JPG")).toBe("/up/photo.jpg");
  });
});
