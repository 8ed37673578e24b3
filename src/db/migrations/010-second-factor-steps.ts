import type { Kysely } from "kysely";

/**
 * Frozen in time. An authenticator code is good for one use: each account remembers the last
 * time step (30-second window since the epoch) a code was accepted for, and a code of that step
 * or an earlier one is refused, even within the ±1 step of clock drift allowed.
 */
export function secondFactorSteps() {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema.alterTable("users").addColumn("totp_last_step", "integer").execute();
    },
  };
}
