import type { Kysely } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Tables } from "../../src/db/schema.js";
import { compiledOnce, inList } from "../../src/lib/compiled-once.js";
import { OutsideTransaction } from "../../src/db/transaction-scope.js";
import { testEngines } from "../helpers/engines.js";
import { makeCategory } from "../helpers/factories.js";
import { openTestRuntime, type TestRuntime } from "../helpers/runtime.js";

// One query for the whole file: both engines' runtimes use it, each with its own SQL.
let builds = 0;
const categories = compiledOnce(
  (db: Kysely<Tables>, p: { ids: readonly number[]; prefix: string; limit: number }) => {
    builds++;
    return db
      .selectFrom("categories")
      .select(["id", "slug"])
      .where("id", "in", p.ids)
      .where("slug", "like", p.prefix)
      .orderBy("id")
      .limit(p.limit);
  },
);

describe.each(testEngines())("a query compiled once, on %s", (engine) => {
  let rt: TestRuntime;
  const made: { id: number; slug: string }[] = [];
  beforeAll(async () => {
    rt = await openTestRuntime(engine);
    const slugs: string[] = [];
    for (let i = 0; i < 4; i++) slugs.push((await makeCategory(rt.ctx, `Compilée ${i}`)).slug);
    made.push(
      ...(await rt.ctx.db
        .selectFrom("categories")
        .select(["id", "slug"])
        .where("slug", "in", slugs)
        .orderBy("id")
        .execute()),
    );
  });
  afterAll(() => rt.close());

  /** The same question, built and compiled as usual. */
  const asBuilt = (ids: readonly number[], prefix: string, limit: number) =>
    rt.ctx.db
      .selectFrom("categories")
      .select(["id", "slug"])
      .where("id", "in", ids)
      .where("slug", "like", prefix)
      .orderBy("id")
      .limit(limit)
      .execute();

  it("answers each run with its own values, as the query built each time does", async () => {
    const ids = made.map((c) => c.id);
    const runs: [readonly number[], string, number][] = [
      [ids, "rubrique-%", 10],
      [ids, "rubrique-%", 2],
      [[ids[3]!, ids[0]!, ids[1]!, ids[2]!], made[2]!.slug, 10],
      [ids.slice(0, 1), "rubrique-%", 10],
      [ids.slice(1, 3), "%", 1],
      [ids.slice(1, 3), "personne%", 10],
    ];
    for (const [list, prefix, limit] of runs) {
      const expected = await asBuilt(list, prefix, limit);
      expect(await categories(rt.ctx.db, { ids: list, prefix, limit })).toEqual(expected);
    }
    // Runs found all, some and none: the values did reach the database.
    expect((await asBuilt(ids, "rubrique-%", 10)).length).toBe(4);
    expect((await asBuilt(ids, made[2]!.slug, 10)).length).toBe(1);
  });

  it("builds once per engine and list length, not once per run", async () => {
    const ids = made.map((c) => c.id);
    await categories(rt.ctx.db, { ids, prefix: "%", limit: 3 });
    const before = builds;
    for (let i = 0; i < 5; i++) await categories(rt.ctx.db, { ids, prefix: `%${i}`, limit: i + 1 });
    expect(builds).toBe(before);
    await categories(rt.ctx.db, { ids: [...ids, ...ids], prefix: "%", limit: 3 });
    expect(builds).toBe(before + 1);
  });

  it("pads an in list to a few lengths, each answering as the list itself", async () => {
    const ids = made.map((c) => c.id);
    expect(inList([7])).toEqual([7]);
    expect(inList([7, 8, 9])).toEqual([7, 8, 9, 9]);
    expect(inList([1, 2, 3, 4, 5])).toHaveLength(8);
    expect(
      new Set(
        Array.from({ length: 100 }, (_, i) => inList(ids.concat(Array(i).fill(ids[0]))).length),
      ).size,
    ).toBe(6);
    for (let n = 1; n <= ids.length; n++) {
      const list = ids.slice(0, n);
      expect(await categories(rt.ctx.db, { ids: inList(list), prefix: "%", limit: 10 })).toEqual(
        await asBuilt(list, "%", 10),
      );
    }
  });

  it("runs in a transaction, and is refused on the outer db from inside one", async () => {
    const seen = await rt.ctx.write(async (tx) => {
      const { slug } = await makeCategory(tx, `Compilée ${engine} dans la transaction`);
      const [fresh] = await tx.db
        .selectFrom("categories")
        .select("id")
        .where("slug", "=", slug)
        .execute();
      return categories(tx.db, { ids: [fresh!.id], prefix: slug, limit: 1 });
    });
    expect(seen).toHaveLength(1);
    const escaped = rt.ctx.write(() =>
      categories(rt.ctx.db, { ids: made.map((c) => c.id), prefix: "%", limit: 1 }),
    );
    await expect(escaped).rejects.toThrow(OutsideTransaction);
  });

  it("never reads what another request's open transaction has not committed", async () => {
    // On SQLite the transaction holds the process's one connection across its awaits: a read
    // that ran on it then (the direct read, taken too early) would see the row that is rolled
    // back below.
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let opened!: (row: { id: number; slug: string }) => void;
    const written = new Promise<{ id: number; slug: string }>((resolve) => (opened = resolve));
    const writing = rt.ctx.write(async (tx) => {
      const { slug } = await makeCategory(tx, `Compilée ${engine} jamais validée`);
      const [row] = await tx.db
        .selectFrom("categories")
        .select("id")
        .where("slug", "=", slug)
        .execute();
      opened({ id: row!.id, slug });
      await held;
      throw new Error("rolled back");
    });
    const { id, slug } = await written;
    const reading = categories(rt.ctx.db, { ids: [id], prefix: slug, limit: 1 });
    const before = await Promise.race([reading, new Promise((r) => setTimeout(r, 20, "waiting"))]);
    release();
    await expect(writing).rejects.toThrow("rolled back");
    expect(await reading).toEqual([]);
    if (before !== "waiting") expect(before).toEqual([]);
    // Once the transaction is over, reads run (and see what is committed) as before.
    expect(await categories(rt.ctx.db, { ids: [made[0]!.id], prefix: "%", limit: 1 })).toEqual([
      made[0],
    ]);
  });
});
