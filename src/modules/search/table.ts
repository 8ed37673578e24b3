/**
 * A published article's terms (lib/french-text.ts), space-separated: its headline and tags, and
 * its standfirst and body. The engine's full-text index is built over these columns (SQLite:
 * `search_fts`, PostgreSQL: the generated `tsv`; migration 015), never over the article itself.
 */
export interface SearchDocumentsTable {
  article_id: number;
  title_terms: string;
  body_terms: string;
}

/** The vocabulary: each indexed term and how many documents hold it. */
export interface SearchTermsTable {
  term: string;
  df: number;
}

export interface SearchTables {
  search_documents: SearchDocumentsTable;
  search_terms: SearchTermsTable;
}
