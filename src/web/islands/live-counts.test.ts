import { describe, expect, it } from "vitest";
import { POLL_MS, watchCounts, type LiveDeps } from "./live-counts.js";

/** A tab whose visibility, timers and answers the test moves by hand. */
function fakeTab(labels: string[]) {
  const tab = {
    visible: true,
    fetches: 0,
    label: "Commentaires",
    timers: new Map<number, () => void>(),
    delays: [] as number[],
    listener: undefined as (() => void) | undefined,
  };
  let next = 0;
  const deps: LiveDeps = {
    visible: () => tab.visible,
    onVisibilityChange: (l) => (tab.listener = l),
    fetchLabel: () => {
      tab.fetches++;
      return Promise.resolve(labels.shift());
    },
    setLabel: (l) => (tab.label = l),
    setTimer: (run, ms) => {
      tab.timers.set(++next, run);
      tab.delays.push(ms);
      return next;
    },
    clearTimer: (id) => tab.timers.delete(id as number),
  };
  /** Runs the timers due, as the browser would after POLL_MS. */
  const tick = async () => {
    const due = [...tab.timers.entries()];
    tab.timers.clear();
    for (const [, run] of due) run();
    await new Promise((r) => setTimeout(r, 0));
  };
  const setVisible = async (visible: boolean) => {
    tab.visible = visible;
    tab.listener?.();
    await new Promise((r) => setTimeout(r, 0));
  };
  return { tab, deps, tick, setVisible };
}

describe("live counts island", () => {
  it("polls every POLL_MS while the tab is visible, and updates the menu's entry", async () => {
    const { tab, deps, tick } = fakeTab([
      "Commentaires (3 en attente)",
      "Commentaires (4 en attente)",
    ]);
    watchCounts("/admin/commentaires/compteurs", deps);
    // Nothing at once: the page was rendered with the counts.
    expect(tab.fetches).toBe(0);
    expect(tab.delays).toEqual([POLL_MS]);
    await tick();
    expect([tab.fetches, tab.label]).toEqual([1, "Commentaires (3 en attente)"]);
    await tick();
    expect([tab.fetches, tab.label]).toEqual([2, "Commentaires (4 en attente)"]);
    expect(tab.timers.size).toBe(1);
  });

  it("asks nothing while the tab is hidden, and asks at once when it shows again", async () => {
    const { tab, deps, tick, setVisible } = fakeTab(["A", "B"]);
    watchCounts("/x", deps);
    await setVisible(false);
    expect(tab.timers.size).toBe(0);
    await tick();
    await tick();
    expect(tab.fetches).toBe(0);
    await setVisible(true);
    expect([tab.fetches, tab.label]).toEqual([1, "A"]);
    expect(tab.timers.size).toBe(1);
  });

  it("keeps the label when an answer fails, and tries again later", async () => {
    const { tab, deps, tick } = fakeTab([]);
    watchCounts("/x", deps);
    await tick();
    expect([tab.fetches, tab.label, tab.timers.size]).toEqual([1, "Commentaires", 1]);
  });
});
