import type { GifProvider } from "../provider.js";

/** No provider, or no key: no request leaves the server and readers see no GIF button. */
export const disabledProvider: GifProvider = {
  name: "disabled",
  mediaHosts: [],
  endpoint: "",
  search: async () => ({ ok: false, failure: "invalid-key", detail: "no provider" }),
  trending: async () => ({ ok: false, failure: "invalid-key", detail: "no provider" }),
  verify: async () => ({ ok: false, detail: "no provider" }),
};
