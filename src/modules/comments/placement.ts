/**
 * Where a comment goes in its thread: the one depth rule, for every way a comment is written
 * (a reader's post, demo content and imports, the bench's generated data). Pure: no database.
 */

/** A comment's place: its parent, its thread's top-level comment, its depth (0 at the top). */
export interface Place {
  parentId: number | null;
  /** null for a top-level comment: it roots its own thread, under an id it does not have yet. */
  rootId: number | null;
  depth: number;
}

export const TOP_LEVEL: Place = { parentId: null, rootId: null, depth: 0 };

/** What the rule needs to know of the comment being answered. */
export interface ParentComment {
  id: number;
  parentId: number | null;
  /** null only for a top-level comment whose root was not yet set (see Place.rootId). */
  rootId: number | null;
  depth: number;
}

/**
 * Whether a reply under a comment at this depth (0 for a top-level one) nests one level deeper.
 * At the limit, replies join their parent's level instead.
 */
export function nestsReplies(depth: number, maxDepth: number): boolean {
  return depth + 1 < maxDepth;
}

/**
 * The place of a reply to `parent`: one level under it, or, at the depth limit, beside it (a
 * child of its parent), so that a thread never grows deeper than the site shows. A top-level
 * comment always takes replies under it, whatever the limit.
 */
export function placeReply(parent: ParentComment, maxDepth: number): Place {
  const rootId = parent.rootId ?? parent.id;
  if (parent.parentId === null || nestsReplies(parent.depth, maxDepth))
    return { parentId: parent.id, rootId, depth: parent.depth + 1 };
  return { parentId: parent.parentId, rootId, depth: parent.depth };
}
