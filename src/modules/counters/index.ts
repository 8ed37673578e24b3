/**
 * Counters in fixed windows, kept in the database so that every process and instance counts
 * together: the per-client rate limits (http/rate-limit-store.ts) and failed sign-ins and codes
 * (accounts/attempts.ts).
 */
export * as counters from "./repo.js";
export type { Window } from "./repo.js";
export type { CountersTables } from "./table.js";
