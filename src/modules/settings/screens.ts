import type { SettingKey } from "./schema.js";
import { integrations } from "./integrations.js";

/**
 * The newsroom's settings screens, each described once: its groups of keys, in the order shown.
 * A screen's form is generated from this (label and explanation from the catalogues'
 * `newsroom.settingsPage.fields`, the control from the key's schema: settings/values.ts `kindOf`).
 */
export type ScreenId = "site" | "discussion" | "integrations";

export interface ScreenGroup {
  /** Names its legend (`newsroom.settingsPage.groups`) and, for integrations, the service. */
  readonly id: string;
  readonly keys: readonly SettingKey[];
}

export const screenIds: readonly ScreenId[] = ["site", "discussion", "integrations"];

export const screens: Record<ScreenId, readonly ScreenGroup[]> = {
  site: [
    { id: "site", keys: ["site.name", "site.description", "site.locale", "site.timezone"] },
    {
      id: "listings",
      keys: [
        "articles.perPage",
        "feeds.fullText",
        "related.count",
        "rateLimit.search.max",
        "rateLimit.search.windowSeconds",
      ],
    },
    {
      id: "newsroom",
      keys: [
        "staff.sessionIdleHours",
        "staff.sessionMaxDays",
        "staff.signInFailures",
        "media.maxUploadMB",
        "media.maxMegapixels",
      ],
    },
  ],
  discussion: [
    {
      id: "display",
      keys: ["comments.order", "comments.perPage", "comments.maxDepth", "comments.closeAfterDays"],
    },
    {
      id: "limits",
      keys: ["comments.nameMax", "comments.bodyMin", "comments.bodyMax", "comments.maxLinks"],
    },
    {
      id: "rules",
      keys: [
        "comments.holdFirst",
        "comments.blocklist",
        "comments.minFillSeconds",
        "comments.burstMax",
        "comments.burstMinutes",
        "rateLimit.comments.max",
        "rateLimit.comments.windowSeconds",
      ],
    },
    { id: "privacy", keys: ["privacy.ipRetentionDays"] },
  ],
  // One section per outside service, with its "test this key" and status line. Read when asked:
  // integrations.ts imports the services (gifs, which records its outcomes here), and in that
  // import cycle this module may be evaluated before integrations.ts.
  get integrations() {
    return integrations.map((i) => ({ id: i.name, keys: i.keys }));
  },
};

/**
 * Settings changed elsewhere than on a screen's generated form: the second-factor requirement is
 * a switch of the People page, beside the people it concerns; the logo has its own form on the
 * site screen, with the media picker (media `useAsLogo`).
 */
export const elsewhere: readonly SettingKey[] = ["staff.require2fa", "site.logo"];

export function isScreenId(id: string): id is ScreenId {
  return (screenIds as readonly string[]).includes(id);
}

export const keysOf = (screen: ScreenId): SettingKey[] => screens[screen].flatMap((g) => g.keys);
