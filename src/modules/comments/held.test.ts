import { describe, expect, it } from "vitest";
import { placeHeld } from "./held.js";
import type { PublicComment } from "./model.js";

const c = (id: number, minute: number, parentId: number | null = null): PublicComment => ({
  id,
  parentId,
  depth: parentId === null ? 0 : 1,
  authorName: "Léa",
  authorWebsite: null,
  body: "",
  createdAt: `2026-08-01T00:${String(minute).padStart(2, "0")}:00.000Z`,
  status: "approved",
  erased: false,
  staff: false,
  staffUserId: null,
  avatar: { initials: "L", hue: 1 },
  gif: null,
  replies: [],
});

describe("placeHeld", () => {
  // Page 2 of 3, oldest first: the previous page ended at minute 9; this one shows 10 to 14.
  const page = {
    threads: [10, 11, 12, 13, 14].map((m) => c(m, m)),
    order: "oldest" as const,
    previous: { id: 9, createdAt: c(9, 9).createdAt },
    last: false,
  };

  it("puts a held top-level comment in its place on the page it falls in, and nowhere else", () => {
    const placed = placeHeld(page, [c(100, 12, null), c(101, 5), c(102, 20)]);
    expect([...placed.roots.entries()].map(([k, l]) => [k, l.map((x) => x.id)])).toEqual([
      [13, [100]],
    ]);
    const lastPage = placeHeld({ ...page, last: true }, [c(102, 20)]);
    expect(lastPage.roots.get("end")?.map((x) => x.id)).toEqual([102]);
  });

  it("puts held replies under a shown comment, and a reply to a held comment under it", () => {
    const reply = c(200, 30, 11);
    const toHeld = c(201, 31, 200);
    const elsewhere = c(202, 32, 999);
    const placed = placeHeld(page, [reply, toHeld, elsewhere]);
    const under11 = placed.replies.get(11) ?? [];
    expect(under11.map((x) => x.id)).toEqual([200]);
    expect(under11[0]?.replies.map((x) => x.id)).toEqual([201]);
    expect(placed.replies.has(999)).toBe(false);
  });

  it("follows the newest-first order too", () => {
    const newest = {
      threads: [14, 13, 12].map((m) => c(m, m)),
      order: "newest" as const,
      last: true,
    };
    const placed = placeHeld(newest, [c(300, 15), c(301, 11)]);
    expect(placed.roots.get(14)?.map((x) => x.id)).toEqual([300]);
    expect(placed.roots.get("end")?.map((x) => x.id)).toEqual([301]);
  });
});
