import type { FastifyRequest } from "fastify";
import { describe, expect, it } from "vitest";
import { sign } from "../lib/crypto.js";
import { readerState } from "./reader-cookies.js";

const SECRET = "a".repeat(32);
const request = (cookies: Record<string, string>) => ({ cookies }) as unknown as FastifyRequest;

describe("readerState", () => {
  it("reads the same cookie values the same way, request after request", () => {
    const mine = sign(SECRET, "4,7");
    const first = readerState(request({ kq_mine: mine }), SECRET);
    expect(first).toMatchObject({ ownIds: [4, 7], personal: true });
    expect(readerState(request({ kq_mine: mine }), SECRET)).toEqual(first);
    // Remembered by value, never across secrets: under another one the signature fails.
    expect(readerState(request({ kq_mine: mine }), "b".repeat(32))).toMatchObject({
      ownIds: [],
      personal: false,
    });
    expect(readerState(request({ kq_mine: `${mine}x` }), SECRET).personal).toBe(false);
  });

  it("gives two readers the same key exactly when their pages would be the same", () => {
    const who = (name: string) => JSON.stringify({ name, email: "", website: "" });
    const key = (cookies: Record<string, string>) => readerState(request(cookies), SECRET).key;
    const mine = sign(SECRET, "4");
    expect(key({ kq_mine: mine, kq_commenter: who("Ana") })).toBe(
      key({ kq_commenter: who("Ana"), kq_mine: mine }),
    );
    expect(key({ kq_mine: mine, kq_commenter: who("Ana") })).not.toBe(
      key({ kq_mine: mine, kq_commenter: who("Bo") }),
    );
    expect(key({ kq_mine: mine })).not.toBe(key({ kq_mine: sign(SECRET, "5") }));
  });
});
