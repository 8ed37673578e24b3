/**
 * Related articles (issue 13): each published article's list, computed from content (TF-IDF
 * cosine over the search module's terms, a small boost for section and tags, a decay with time)
 * when something changes, stored, and read by the article page. Editors' pins come first.
 */
export * as related from "./service.js";
export { reindex, type ReindexProgress, type ReindexReport } from "./reindex.js";
export type { RelatedTables } from "./table.js";
