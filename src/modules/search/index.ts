/**
 * Search (issue 13): French-aware full-text search over published articles, the same terms on
 * SQLite (FTS5) and PostgreSQL (tsvector), kept current by every change of a published article
 * (`refreshDocument`, in its transaction), and the vocabulary "related" weighs terms with.
 */
export * as search from "./service.js";
export type { SearchInput, SearchResults, SearchResult, Suggestion } from "./service.js";
export type { DocumentTerms } from "./analyze.js";
export type { Segment } from "./snippet.js";
export type { SearchTables } from "./table.js";
