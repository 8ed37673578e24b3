import type { Compilable, CompiledQuery, DialectAdapter, InferResult, Kysely } from "kysely";

/** What a compiled-once query takes: each value is bound at run time, never part of its SQL. */
type Value = string | number;
export type Params = Record<string, Value | readonly Value[]>;

/** Stands in for a parameter while the query is built and compiled. */
class Slot {
  constructor(
    readonly name: string,
    readonly index?: number,
  ) {}
}

/**
 * A query read on every page render, built and compiled once per engine and list length instead
 * of on every run: Kysely's building and compiling (parsing references, freezing each node,
 * visiting them into SQL) was a fifth of a cold article's CPU, more than SQLite's own work.
 *
 * `build` receives stand-ins for its parameters and must use each only as a value Kysely binds
 * (a comparison's right side, an `in` list, a limit): a branch on one would be taken once for all
 * runs. What changes the SQL's shape (a sort direction, a list's length) is a separate query: a
 * list's length is part of the key here, anything else belongs in a separate `compiledOnce`.
 *
 * The outer db's plugins (the transaction guard of db/transaction-scope.ts) hear of every run,
 * as they would of a query built each time.
 *
 * Where the engine offers it (`offerDirectReads`), a read outside any transaction runs at once
 * instead of through Kysely's executor (see there).
 */
export function compiledOnce<DB, P extends Params, Q extends Compilable<unknown>>(
  build: (db: Kysely<DB>, params: P) => Q,
): (db: Kysely<DB>, params: P) => Promise<InferResult<Q>> {
  // The SQL depends only on the dialect: one adapter per opened database (and its transactions).
  const compiled = new WeakMap<DialectAdapter, Map<string, CompiledQuery>>();
  return async (db, params) => {
    const executor = db.getExecutor();
    let shapes = compiled.get(executor.adapter);
    if (!shapes) compiled.set(executor.adapter, (shapes = new Map()));
    const shape = shapeOf(params);
    let query = shapes.get(shape);
    if (!query) {
      query = build(db, slotsFor(params)).compile();
      shapes.set(shape, query);
    }
    executor.transformQuery(query.query, query.queryId);
    const parameters = query.parameters.map((value) =>
      value instanceof Slot ? bound(params, value) : value,
    );
    const read = db.isTransaction ? undefined : directReads.get(executor.adapter);
    const rows =
      read && executor.plugins.every((p) => RESULTS_AS_IS in p) && read(query.sql, parameters);
    if (rows) return rows as InferResult<Q>;
    const result = await db.executeQuery({ ...query, parameters });
    return result.rows as InferResult<Q>;
  };
}

/**
 * Runs a read now, synchronously, or answers false when it must wait its turn in Kysely's queue.
 * Offered by an engine whose driver is synchronous (better-sqlite3): Kysely hands its one
 * connection from query to query through a lock and several layers of promises, ~6 µs a query
 * and eight or nine queries a cold article, for a call that is done the moment it is made.
 */
export type DirectRead = (sql: string, parameters: readonly unknown[]) => unknown[] | false;

/** By dialect adapter: one per opened database, shared by its guarded `db` and transactions. */
const directReads = new WeakMap<DialectAdapter, DirectRead>();

export function offerDirectReads<DB>(db: Kysely<DB>, read: DirectRead): void {
  directReads.set(db.getExecutor().adapter, read);
}

/**
 * Marks a plugin that gives results back as they are: a direct read skips the plugins'
 * `transformResult`, so it is taken only when every plugin of the `db` carries this mark.
 */
export const RESULTS_AS_IS = Symbol("results as is");

/** The lengths of the lists, in the order of the parameters' names. */
function shapeOf(params: Params): string {
  let shape = "";
  for (const name of Object.keys(params).sort()) {
    const value = params[name];
    shape += Array.isArray(value) ? `${name}:${value.length};` : `${name};`;
  }
  return shape;
}

function slotsFor<P extends Params>(params: P): P {
  const slots: Record<string, Slot | Slot[]> = {};
  for (const [name, value] of Object.entries(params))
    slots[name] = Array.isArray(value)
      ? value.map((_, index) => new Slot(name, index))
      : new Slot(name);
  // The stand-ins travel where the values would; Kysely binds them without looking inside.
  return slots as unknown as P;
}

function bound(params: Params, slot: Slot): Value {
  const value = params[slot.name];
  const one = slot.index === undefined ? value : (value as readonly Value[])[slot.index];
  if (one === undefined || Array.isArray(one))
    throw new Error(`compiledOnce: parameter ${slot.name} does not match the compiled shape`);
  return one as Value;
}

/**
 * An `in` list padded to the next power of two with its last value repeated (which changes no
 * answer): a list whose length varies with the page (a page's comment ids) then makes a few
 * compiled shapes, not one per length. Not for an empty list.
 */
export function inList<T extends Value>(values: readonly T[]): readonly T[] {
  let size = 1;
  while (size < values.length) size *= 2;
  if (size === values.length) return values;
  const last = values[values.length - 1] as T;
  return [...values, ...Array.from({ length: size - values.length }, () => last)];
}
