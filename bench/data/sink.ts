import type { TableSpec } from "./tables.js";

/** Where generated rows go: one implementation per engine, each with its fastest bulk path. */
export interface Sink {
  /** True when the database holds no article: the generator never mixes with real content. */
  isEmpty(): Promise<boolean>;
  insert<Row>(table: TableSpec<Row>, rows: readonly Row[]): Promise<void>;
  /** After the last insert: derived columns, id sequences, planner statistics. */
  finish(): Promise<void>;
  close(): Promise<void>;
}
