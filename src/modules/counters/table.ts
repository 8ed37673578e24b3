/** See migrations/006-rate-limits.ts. Owned by this module (counters/repo.ts). */
export interface RateLimitTable {
  /** Keyed hash of the counter's name and what it counts (a client's group, an account). */
  client: string;
  hits: number;
  /** End of the window, ms since the epoch; bigint, which node-postgres hands over as a string. */
  expires_at: number | string;
}

export interface CountersTables {
  rate_limits: RateLimitTable;
}
