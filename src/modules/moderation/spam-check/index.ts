import { akismet } from "./akismet.js";
import { disabledSpamCheck } from "./disabled.js";
import type { SpamCheck } from "./spam-check.js";

export type { KeyCheck, SpamCheck, SpamQuery, SpamVerdict } from "./spam-check.js";

/** The service the settings name, or none: without a key nothing leaves the server. */
export function spamCheckFor(settings: { apiKey: string; endpoint: string }): SpamCheck {
  return settings.apiKey === "" ? disabledSpamCheck : akismet(settings.apiKey, settings.endpoint);
}
