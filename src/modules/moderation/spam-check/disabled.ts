import type { SpamCheck } from "./spam-check.js";

/** No service configured: no request leaves the server, and the rule says nothing. */
export const disabledSpamCheck: SpamCheck = {
  name: "disabled",
  check: async () => ({ verdict: "ham" }),
  verify: async () => ({ ok: false, detail: "no key" }),
};
