/**
 * The named places where SQLite and PostgreSQL differ. Code asks a capability of the engine here
 * instead of testing the engine's name where it happens to need something.
 */
export type Engine = "sqlite" | "postgres";

export interface DialectCapabilities {
  readonly engine: Engine;
  /**
   * PostgreSQL returns count(*) as bigint, which node-postgres hands over as a string; SQLite
   * returns a number. Every count goes through this.
   */
  toNumber(value: string | number | bigint | null | undefined): number;
}

export function capabilities(engine: Engine): DialectCapabilities {
  return {
    engine,
    toNumber: (value) => (value == null ? 0 : Number(value)),
  };
}
