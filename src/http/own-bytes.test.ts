import { describe, expect, it } from "vitest";
import { ownBytes } from "./own-bytes.js";

describe("ownBytes", () => {
  it("copies small buffers out of Node's shared slab into one allocation of their exact size", () => {
    const small = [Buffer.from("une page"), Buffer.from(""), Buffer.from("é".repeat(300))];
    // The premise: Node gives such buffers out of a slab far larger than they are.
    expect(small[0]?.buffer.byteLength).toBeGreaterThan(small[0]?.length ?? 0);
    const own = ownBytes(small);
    expect(own.map((b) => b.toString())).toEqual(small.map((b) => b.toString()));
    for (const b of own) expect(b.buffer.byteLength).toBe(8 + 600);
  });
});
