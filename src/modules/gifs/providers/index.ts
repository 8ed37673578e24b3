import type { GifProvider } from "../provider.js";
import { disabledProvider } from "./disabled.js";
import { giphy } from "./giphy.js";
import { klipy } from "./klipy.js";

/** The slice of the settings a provider is made from. */
export interface ProviderSettings {
  "gif.provider": "disabled" | "giphy" | "klipy";
  "gif.key": string;
  "gif.giphyEndpoint": string;
  "gif.klipyEndpoint": string;
}

/** The provider the settings name, or the disabled one: without a key nothing leaves the server. */
export function providerFor(s: ProviderSettings): GifProvider {
  if (s["gif.key"] === "") return disabledProvider;
  switch (s["gif.provider"]) {
    case "giphy":
      return giphy(s["gif.key"], s["gif.giphyEndpoint"]);
    case "klipy":
      return klipy(s["gif.key"], s["gif.klipyEndpoint"]);
    case "disabled":
      return disabledProvider;
  }
}
