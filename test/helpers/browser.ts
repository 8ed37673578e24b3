import {
  chromium,
  type Browser,
  type BrowserContext,
  type BrowserContextOptions,
  type Page,
} from "playwright-core";
import { inject } from "vitest";

/**
 * No sandbox (containers lack the namespaces), no GPU, and nothing that phones home, so a run
 * makes no requests but ours. Playwright gives each launch a fresh user-data dir itself. Not the
 * packaged Chromium's own defaults: its --single-process kills the browser when the first
 * context closes, and its --disable-web-security turns CORS off.
 */
const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/** How long one step (click, fill, wait for an element) may take before it fails. */
const ACTION_TIMEOUT_MS = 10_000;

/** The Chromium the run's setup prepared (see private-chromium.ts). */
export function launchBrowser(): Promise<Browser> {
  const { executablePath, env } = inject("browser");
  return chromium.launch({
    executablePath,
    args: CHROMIUM_ARGS,
    headless: true,
    env: { ...process.env, ...env },
  });
}

export interface ReaderOptions {
  /** false: the page as a reader without JavaScript gets it (`javaScriptEnabled: false`). */
  javaScript?: boolean;
  /**
   * Console errors this reader is expected to cause, e.g. Chromium's own "Failed to load
   * resource: … 422" line when a fetch is answered with a form's problems.
   */
  allowConsole?: readonly RegExp[];
  /** Cookies a reader starts with, e.g. a staff session saved once by `context.storageState()`. */
  storageState?: BrowserContextOptions["storageState"];
}

/** One reader: a browser context of their own (own cookies), one page, and what went wrong in it. */
export interface Reader {
  context: BrowserContext;
  page: Page;
  /** Console errors, uncaught page errors and dialogs seen so far, each as one line. */
  problems: string[];
  /** Main-frame navigations since the reader opened (a page load counts one). */
  navigations(): number;
}

/**
 * A fixture-like opener of readers: each `open()` gives a fresh context; `closeAll()` closes them
 * and throws if any saw a console error, an uncaught page error or any dialog. Call closeAll in
 * afterEach so that a stray `alert()` or script error fails the test that caused it.
 */
export function readers(browser: Browser, baseURL: string) {
  const open: Reader[] = [];
  return {
    async open(options: ReaderOptions = {}): Promise<Reader> {
      const context = await browser.newContext({
        baseURL,
        javaScriptEnabled: options.javaScript ?? true,
        locale: "fr-FR",
        timezoneId: "Europe/Paris",
        storageState: options.storageState,
      });
      // A local server answers in milliseconds: a step that waits longer has failed.
      context.setDefaultTimeout(ACTION_TIMEOUT_MS);
      const page = await context.newPage();
      const problems: string[] = [];
      let navigations = 0;
      const allowed = options.allowConsole ?? [];
      page.on("console", (message) => {
        if (message.type() !== "error") return;
        const text = message.text();
        if (allowed.some((re) => re.test(text))) return;
        problems.push(`console error: ${text}`);
      });
      page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
      page.on("dialog", (dialog) => {
        problems.push(`dialog (${dialog.type()}): ${dialog.message()}`);
        // Dismissed, or the page would hang waiting for someone to click it.
        void dialog.dismiss().catch(() => {});
      });
      page.on("framenavigated", (frame) => {
        if (frame === page.mainFrame()) navigations++;
      });
      const reader: Reader = { context, page, problems, navigations: () => navigations };
      open.push(reader);
      return reader;
    },

    async closeAll(): Promise<void> {
      const all = open.splice(0);
      await Promise.all(all.map((r) => r.context.close()));
      const problems = all.flatMap((r) => r.problems);
      if (problems.length > 0)
        throw new Error(`the browser reported problems:\n  ${problems.join("\n  ")}`);
    },
  };
}
