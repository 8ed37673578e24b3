import { describe, expect, it } from "vitest";
import { etagOf, isObjectKey, itemOf, newItemPrefix, objectKey } from "./keys.js";

describe("object keys", () => {
  it("name the item, the variant and the bytes, in URL-safe characters", () => {
    const item = newItemPrefix();
    const key = objectKey(item, "640", Buffer.from("pixels"), "webp");
    expect(key).toMatch(new RegExp(`^${item}/640-[A-Za-z0-9_-]{16}\\.webp$`));
    expect(isObjectKey(key)).toBe(true);
    expect(itemOf(key)).toBe(item);
    expect(encodeURI(`/media/${key}`)).toBe(`/media/${key}`);
  });

  it("change with the bytes, never with anything else", () => {
    const item = newItemPrefix();
    const a = objectKey(item, "original", Buffer.from("a"), "jpg");
    expect(objectKey(item, "original", Buffer.from("a"), "jpg")).toBe(a);
    expect(objectKey(item, "original", Buffer.from("b"), "jpg")).not.toBe(a);
    expect(newItemPrefix()).not.toBe(item);
  });

  it("give a strong ETag from the digest, whatever characters it holds", () => {
    expect(etagOf("AAAAAAAAAAAAAAAA/original-a-b-c-d-e-f-g-h-.jpg")).toBe('"a-b-c-d-e-f-g-h-"');
    expect(etagOf("AAAAAAAAAAAAAAAA/640-0123456789-_abcd.webp")).toBe('"0123456789-_abcd"');
  });

  it.each([
    "",
    "../etc/passwd",
    "AAAAAAAAAAAAAAAA/original-AAAAAAAAAAAAAAAA.svg",
    "AAAAAAAAAAAAAAAA/original-AAAAAAAAAAAAAAAA.jpg/..",
    "AAAAAAAAAAAAAAAA/../original-AAAAAAAAAAAAAAAA.jpg",
    "AAAAAAAAAAAAAAA/original-AAAAAAAAAAAAAAAA.jpg",
    "AAAAAAAAAAAAAAAA/Original-AAAAAAAAAAAAAAAA.jpg",
    "AAAAAAAAAAAAAAAA/original-AAAAAAAAAAAAAAAA.jpg\n",
  ])("refuse %j", (key) => {
    expect(isObjectKey(key)).toBe(false);
  });
});
