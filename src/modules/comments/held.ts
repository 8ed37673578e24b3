import type { PublicComment } from "./model.js";
import type { RootKey, ThreadPage } from "./reading.js";

/**
 * Where a reader's own held comments go on a page everyone else sees without them. Pure: the
 * page is the cached one, the held comments come from the reader's verified cookie.
 */
export interface HeldPlacement {
  /** Held top-level comments, by the shown top-level comment they come before ("end": last). */
  roots: Map<number | "end", PublicComment[]>;
  /** Held replies, by the shown comment they answer (after its shown replies). */
  replies: Map<number, PublicComment[]>;
}

function sortsBefore(a: RootKey, b: RootKey, order: "oldest" | "newest"): boolean {
  const earlier = a.createdAt < b.createdAt || (a.createdAt === b.createdAt && a.id < b.id);
  return order === "oldest" ? earlier : !earlier && a.id !== b.id;
}

function shownIds(list: readonly PublicComment[], into = new Set<number>()): Set<number> {
  for (const c of list) {
    into.add(c.id);
    shownIds(c.replies, into);
  }
  return into;
}

const push = <K>(map: Map<K, PublicComment[]>, key: K, c: PublicComment) => {
  const list = map.get(key);
  if (list) list.push(c);
  else map.set(key, [c]);
};

/**
 * A held top-level comment goes on the page it falls in, in the reading order of published ones
 * (after the previous page's last, before this page's last unless this page is the last: as
 * post.ts counts the page it redirects to), in its place among that page's comments; a held reply goes under the comment it answers when that
 * comment is shown here (a reply to the reader's own held comment, under that one). Pass a page
 * without `order` (a thread's page) to place replies only.
 */
export function placeHeld(
  page: Pick<ThreadPage, "threads"> & Partial<Pick<ThreadPage, "order" | "previous" | "last">>,
  held: readonly PublicComment[],
): HeldPlacement {
  const placement: HeldPlacement = { roots: new Map(), replies: new Map() };
  const shown = shownIds(page.threads);
  const heldById = new Map(held.map((c) => [c.id, { ...c, replies: [] as PublicComment[] }]));
  for (const c of heldById.values()) {
    const parent = c.parentId === null ? undefined : heldById.get(c.parentId);
    if (parent) parent.replies.push(c);
    else if (c.parentId !== null) {
      if (shown.has(c.parentId)) push(placement.replies, c.parentId, c);
    } else if (page.order) {
      const order = page.order;
      const key = { id: c.id, createdAt: c.createdAt };
      const lastShown = page.threads.at(-1);
      const onThisPage =
        (!page.previous || sortsBefore(page.previous, key, order)) &&
        (page.last !== false ||
          !lastShown ||
          sortsBefore(key, { id: lastShown.id, createdAt: lastShown.createdAt }, order));
      if (!onThisPage) continue;
      const after = page.threads.find((r) =>
        sortsBefore(key, { id: r.id, createdAt: r.createdAt }, order),
      );
      push(placement.roots, after ? after.id : "end", c);
    }
  }
  return placement;
}
