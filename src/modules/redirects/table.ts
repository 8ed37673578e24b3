/** An old address (a path, or `/?p=123`) answering 301 to its Kiosque address (migration 018). */
export interface RedirectsTable {
  /** As `oldPath` (service.ts) writes it: the lookup's one spelling. */
  path: string;
  target: string;
  created_at: string;
}

export interface RedirectsTables {
  redirects: RedirectsTable;
}
