import { describe, expect, it } from "vitest";
import { nestsReplies, placeReply } from "./placement.js";

describe("placeReply", () => {
  const top = { id: 1, parentId: null, rootId: 1, depth: 0 };

  it("nests a reply one level under its parent, in the parent's thread", () => {
    expect(placeReply(top, 5)).toEqual({ parentId: 1, rootId: 1, depth: 1 });
    expect(placeReply({ id: 7, parentId: 3, rootId: 1, depth: 3 }, 5)).toEqual({
      parentId: 7,
      rootId: 1,
      depth: 4,
    });
  });

  it("at the depth limit, puts the reply beside its parent instead", () => {
    expect(placeReply({ id: 9, parentId: 7, rootId: 1, depth: 4 }, 5)).toEqual({
      parentId: 7,
      rootId: 1,
      depth: 4,
    });
  });

  it("always takes replies under a top-level comment, even with no nesting at all", () => {
    expect(placeReply(top, 1)).toEqual({ parentId: 1, rootId: 1, depth: 1 });
  });

  it("takes a top-level parent's own id as the thread when its root is not set yet", () => {
    expect(placeReply({ ...top, rootId: null }, 5).rootId).toBe(1);
  });

  it("agrees with the reply links readers see", () => {
    expect(nestsReplies(3, 5)).toBe(true);
    expect(nestsReplies(4, 5)).toBe(false);
  });
});
