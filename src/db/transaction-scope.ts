import { AsyncLocalStorage } from "node:async_hooks";
import type { Kysely, KyselyPlugin } from "kysely";
import { RESULTS_AS_IS } from "../lib/compiled-once.js";
import type { Tables } from "./schema.js";

/**
 * THE RULE: work running inside a transaction uses that transaction and nothing else. A query on
 * the outer connection from inside it would run outside the transaction: on PostgreSQL another
 * pooled connection that neither sees the transaction's rows nor rolls back with it; on SQLite,
 * whose one connection the transaction holds, a wait that never ends.
 *
 * A scope knows which async work runs inside one of its transactions (AsyncLocalStorage follows
 * the work across awaits, and no other request's). `guard(db)` gives the outer `db` that refuses
 * such queries; `refuse()` does the same for the outer ctx's other doors. The transactions
 * themselves MUST be opened on the unguarded `db`: Kysely hands a `db`'s plugins on to its
 * transactions.
 */
export interface TransactionScope {
  /** Runs `transaction`, marking all it starts as inside until it settles. */
  within<T>(transaction: () => Promise<T>): Promise<T>;
  /** Throws when called from inside one of this scope's transactions. */
  refuse(what: string): void;
  /** `db`, refusing to run a query from inside one of this scope's transactions. */
  guard(db: Kysely<Tables>): Kysely<Tables>;
}

export class OutsideTransaction extends Error {}

export function transactionScope(): TransactionScope {
  const inside = new AsyncLocalStorage<{ open: boolean }>();
  const refuse = (what: string) => {
    // `open` turns false at the end: work started inside but still running later is outside then.
    if (inside.getStore()?.open)
      throw new OutsideTransaction(
        `${what} from inside a transaction would run outside it: use the ctx write() handed over`,
      );
  };
  const plugin: KyselyPlugin & { [RESULTS_AS_IS]: true } = {
    [RESULTS_AS_IS]: true,
    transformQuery(args) {
      refuse("a query on the outer db");
      return args.node;
    },
    transformResult: async (args) => args.result,
  };
  return {
    async within(transaction) {
      const mark = { open: true };
      try {
        return await inside.run(mark, transaction);
      } finally {
        mark.open = false;
      }
    },
    refuse,
    guard: (db) => db.withPlugin(plugin),
  };
}
