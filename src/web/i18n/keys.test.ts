import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { en } from "./en.js";
import { fr } from "./fr.js";

/** Every leaf of a catalogue as a dotted path: `comments.leave`, `errors.notFound.title`. */
function paths(tree: object, prefix = ""): string[] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === "object" && value !== null
      ? paths(value as object, `${prefix}${key}.`)
      : [`${prefix}${key}`],
  );
}

const SRC = join(import.meta.dirname, "../..");

/** The application's source, tests and the catalogues themselves aside. */
function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sources(path);
    if (!/\.tsx?$/.test(e.name) || /\.test\.tsx?$/.test(e.name)) return [];
    const catalogues = ["fr.ts", "en.ts", "settings-words.ts"];
    if (catalogues.some((c) => path === join(import.meta.dirname, c))) return [];
    return [readFileSync(path, "utf8")];
  });
}

/**
 * Sections read by a key that code computes, and how that key is named where it comes from:
 * a field problem where a rule gives it (`{ problem: "tooLong" }`), an error page where the
 * registry names it (lib/error-codes.ts: `messageKey: "notFound"`).
 */
const computed: Record<string, (key: string) => string> = {
  problems: (key) => `problem: "${key}"`,
  errors: (key) => `messageKey: "${key}"`,
  // A person's role, as accounts/permissions.ts lists them, and what each may do.
  "newsroom.roleNames": (key) => `"${key}"`,
  "newsroom.peoplePage.roleRights": (key) => `"${key}"`,
  // A newsroom language, as accounts/own-account.ts lists them.
  "newsroom.localeNames": (key) => `"${key}"`,
  // An article's status, a revision's kind (articles/table.ts), a step done (admin-routes.tsx).
  "newsroom.writing.statusNames": (key) => `"${key}"`,
  "newsroom.writing.revisions.kinds": (key) => `"${key}"`,
  "newsroom.writing.edit.done": (key) => `"${key}"`,
  // An image's state, as the media table names it (media/table.ts).
  "newsroom.media.status": (key) => `"${key}"`,
  // A settings screen, a group of its fields, an outside service: as settings/screens.ts and
  // settings/integrations.ts name them.
  "newsroom.settingsPage.screens": (key) => `"${key}"`,
  "newsroom.settingsPage.intro": (key) => `"${key}"`,
  "newsroom.settingsPage.groups": (key) => `"${key}"`,
  "newsroom.settingsPage.serviceNames": (key) => `"${key}"`,
  // The desk's queues, rules, actions and bans, and the journal's actions (modules/desk, audit),
  // by the names the code gives them (a status, a rule, "comment.approve").
  "desk.statuses": (key) => `"${key}"`,
  "desk.statusOne": (key) => `"${key}"`,
  "desk.rules": (key) => `"${key}"`,
  "desk.actions": (key) => `"${key}"`,
  "desk.done": (key) => `"${key}"`,
  "desk.bans.kindNames": (key) => `"${key}"`,
  "desk.bans.modeNames": (key) => `"${key}"`,
  "desk.journal.actions": (key) => `"${key}"`,
  "desk.journal.targets": (key) => `"${key}"`,
  "desk.journal.wholeTargets": (key) => `"${key}"`,
  // The key of an action's details, as modules write them (`details: { article: … }`).
  "desk.journal.detailKeys": (key) => `${key}:`,
  // A comment's kind (comments.kind: "pingback", "trackback") on the mentions list and the desk.
  "comments.mentionKind": (key) => `"${key}"`,
  "desk.kindBadge": (key) => `"${key}"`,
  // The GIF picker's attribution, by the provider's name its answers carry (web/islands/gif-picker.ts).
  "gifs.poweredBy": (key) => `"${key}"`,
};

/**
 * Sections keyed by a setting's own key (`"site.name"`, dots included), read by the key the
 * settings screens list (modules/settings/screens.ts).
 */
const bySettingKey = ["newsroom.settingsPage.fields.", "newsroom.settingsPage.choices."];

function isRead(path: string, code: string): boolean {
  const keyed = bySettingKey.find((s) => path.startsWith(s));
  if (keyed) {
    const key = path.slice(keyed.length).split(".").slice(0, -1).join(".");
    return code.includes(`"${key}"`);
  }
  // Views and helpers read messages as `t.…` (`site.t.lang`, `t.comments.leave`).
  if (new RegExp(`\\bt\\.${path.replaceAll(".", "\\.")}\\b`).test(code)) return true;
  const dot = path.lastIndexOf(".");
  let [section, key] = [path.slice(0, dot), path.slice(dot + 1)];
  // A computed key may hold dots itself ("comment.approve"): its section is a known prefix.
  const dotted = Object.keys(computed).find(
    (s) => s.includes(".") && path.startsWith(`${s}.`) && !computed[section],
  );
  if (dotted) [section, key] = [dotted, path.slice(dotted.length + 1)];
  const named = computed[section] ?? computed[path.split(".")[0] ?? ""];
  const computedKey = computed[section] ? key : path.split(".")[1];
  return Boolean(named && computedKey !== undefined && code.includes(named(computedKey)));
}

describe("message catalogues", () => {
  it("have the same keys in French and English", () => {
    expect(paths(en).sort()).toEqual(paths(fr).sort());
  });

  it("hold no message that nothing reads", () => {
    const code = sources(SRC).join("\n");
    expect(paths(fr).filter((p) => !isRead(p, code))).toEqual([]);
  });
});
