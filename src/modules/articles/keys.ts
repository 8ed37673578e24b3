import { changeKeys } from "../../lib/change-keys.js";

/**
 * What a published (or re-published, or withdrawn) article changes: its page, the listings it
 * appears in (home, its section, each byline's page, each tag's) and the feeds. The pages whose
 * related list now includes it or drops it are named by the related module, which knows them.
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
    ...a.tagIds.map((t) => changeKeys.tag(t)),
  ];
}
