import { describe, expect, it } from "vitest";
import { Gate } from "./gate.js";

/** A piece of work that ends when the test says so. */
function held() {
  let release!: () => void;
  const done = new Promise<void>((resolve) => (release = resolve));
  return { release, work: () => done.then(() => "done") };
}

describe("Gate", () => {
  it("runs at most `slots` at once, lets `waiting` more wait, turns the rest away", async () => {
    const gate = new Gate(2, 1);
    const [a, b, c] = [held(), held(), held()];
    const ra = gate.run(a.work);
    const rb = gate.run(b.work);
    const rc = gate.run(c.work);
    expect(gate.load).toEqual({ running: 2, waiting: 1 });
    // Two run, one waits: a fourth is refused without running.
    let ran = false;
    expect(await gate.run(async () => (ran = true))).toBeUndefined();
    expect(ran).toBe(false);

    a.release();
    expect(await ra).toEqual({ value: "done" });
    // The waiting one took the freed slot.
    expect(gate.load).toEqual({ running: 2, waiting: 0 });
    b.release();
    c.release();
    expect(await Promise.all([rb, rc])).toEqual([{ value: "done" }, { value: "done" }]);
    expect(gate.load).toEqual({ running: 0, waiting: 0 });
  });

  it("frees the slot when the work fails", async () => {
    const gate = new Gate(1, 0);
    await expect(gate.run(() => Promise.reject(new Error("boom")))).rejects.toThrow("boom");
    expect(gate.load).toEqual({ running: 0, waiting: 0 });
    expect(await gate.run(async () => 1)).toEqual({ value: 1 });
  });

  it("refuses a gate that could never run anything", () => {
    expect(() => new Gate(0, 1)).toThrow(RangeError);
    expect(() => new Gate(1, -1)).toThrow(RangeError);
  });
});
