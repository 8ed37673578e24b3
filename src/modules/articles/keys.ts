import { changeKeys } from "../../lib/change-keys.js";

/**
 * What a published (or re-published, or withdrawn) article changes: its page, the listings it
 * appears in (home, its section, each byline's page, each tag's), the feeds, and the pages whose
 * related list may now include it or drop it.
 */
export function publishedKeys(a: {
  id: number;
  categoryId: number;
  authorIds: readonly number[];
  tagIds: readonly number[];
}): string[] {
  return [
    changeKeys.article(a.id),
    changeKeys.home,
    changeKeys.category(a.categoryId),
    ...a.authorIds.map((id) => changeKeys.author(id)),
    changeKeys.feed,
    changeKeys.sitemap,
    changeKeys.relatedByCategory(a.categoryId),
    ...a.tagIds.flatMap((t) => [changeKeys.tag(t), changeKeys.relatedByTag(t)]),
  ];
}
