/** See migrations/006-rate-limits.ts. Owned by http/rate-limit-store.ts. */
export interface RateLimitTable {
  /** Keyed hash of the limit's name and the client's group. */
  client: string;
  hits: number;
  /** End of the window, ms since the epoch; bigint, which node-postgres hands over as a string. */
  expires_at: number | string;
}
