/**
 * The newsroom menu's desk counts, kept current without a reload: the entry marked
 * `a[data-live-counts]` (web/layouts/newsroom-layout.tsx) names a JSON address
 * (`GET /admin/commentaires/compteurs` → `{ ok, label }`) whose label replaces the entry's text.
 *
 * Polling, not a stream: every ~20 s while the tab is visible, at once when it becomes visible
 * again, never while it is hidden (no request at all then). Each poll is an ordinary request any
 * instance answers from the shared database (two capped counts on an index), so it needs no
 * sticky sessions, no connection held open per tab, and no fan-out between instances; a count
 * 20 s old is fresh enough for a menu. The page's own render is right at load without this.
 */

/** Between two polls of a visible tab. */
export const POLL_MS = 20_000;

/** What the island needs of the browser: given, so the schedule is tested without one. */
export interface LiveDeps {
  visible(): boolean;
  onVisibilityChange(listener: () => void): void;
  fetchLabel(url: string): Promise<string | undefined>;
  setLabel(label: string): void;
  setTimer(run: () => void, ms: number): unknown;
  clearTimer(timer: unknown): void;
}

/** Polls while visible; stops when hidden; polls at once on coming back. */
export function watchCounts(url: string, deps: LiveDeps): void {
  let timer: unknown;
  let inFlight = false;
  const schedule = () => {
    if (timer !== undefined) deps.clearTimer(timer);
    timer = deps.visible() ? deps.setTimer(poll, POLL_MS) : undefined;
  };
  async function poll() {
    timer = undefined;
    if (!deps.visible() || inFlight) return;
    inFlight = true;
    try {
      const label = await deps.fetchLabel(url);
      if (label) deps.setLabel(label);
    } finally {
      inFlight = false;
      schedule();
    }
  }
  deps.onVisibilityChange(() => {
    if (deps.visible()) void poll();
    else schedule();
  });
  schedule();
}

function start() {
  const link = document.querySelector<HTMLAnchorElement>("a[data-live-counts]");
  const url = link?.dataset.liveCounts;
  if (!link || !url) return;
  watchCounts(url, {
    visible: () => document.visibilityState === "visible",
    onVisibilityChange: (listener) => document.addEventListener("visibilitychange", listener),
    fetchLabel: async (address) => {
      try {
        const res = await fetch(address, {
          headers: { accept: "application/json" },
          credentials: "same-origin",
        });
        if (!res.ok) return undefined;
        const body = (await res.json()) as { ok?: boolean; label?: unknown };
        return body.ok && typeof body.label === "string" ? body.label : undefined;
      } catch {
        // Offline, or the session ended: the menu keeps what it says; the next poll tries again.
        return undefined;
      }
    },
    setLabel: (label) => {
      if (link.textContent !== label) link.textContent = label;
    },
    setTimer: (run, ms) => window.setTimeout(run, ms),
    clearTimer: (timer) => window.clearTimeout(timer as number),
  });
}

if (typeof document !== "undefined") start();
