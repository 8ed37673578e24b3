/**
 * For a test that saves once per hostile string (some 700): about 20 s on PostgreSQL alone, past
 * the default minute on a machine busy with other work.
 */
export const LONG_LOOP_MS = 180_000;
