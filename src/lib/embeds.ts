/**
 * Embeds: a web address an article shows as a link card. Readers see a plain link with the
 * provider's name (site.css), so nothing from the third party loads until they click it — no
 * iframe, ever. Browser-safe (no imports): the editor island recognises the provider with it, and
 * the server's sanitiser keeps only these provider names.
 */

/** Providers a card may name; `link` is any other web address. */
export const EMBED_PROVIDERS = ["youtube", "vimeo", "x", "mastodon", "link"] as const;
export type EmbedProvider = (typeof EMBED_PROVIDERS)[number];

export interface Embed {
  provider: EmbedProvider;
  /** The address as the URL parser writes it (https for the known providers). */
  url: string;
}

/** Longer than any address a person pastes; past it, the text is not an address. */
const MAX_URL_LENGTH = 2048;

/** Sites by their registered name, without the `www.`, `m.` or `player.` in front. */
const HOSTS: Readonly<Record<string, EmbedProvider>> = {
  "youtube.com": "youtube",
  "youtu.be": "youtube",
  "youtube-nocookie.com": "youtube",
  "vimeo.com": "vimeo",
  "x.com": "x",
  "twitter.com": "x",
};

const SUBDOMAIN = /^(?:www|m|mobile|player)\./;

/**
 * Mastodon runs on thousands of servers, so a post is known by its path: /@name/123 (or
 * /@name@other.server/123 for a post seen from another server) and the ActivityPub form
 * /users/name/statuses/123.
 */
const MASTODON_POST = /^\/(?:@[\w.-]+(?:@[\w.-]+)?|users\/[\w.-]+\/statuses)\/\d+\/?$/;

/**
 * The card for what a person pasted, or undefined when it is not a web address (no http(s)
 * scheme, credentials in it, malformed). Whitespace around it is ignored.
 */
export function recogniseEmbed(input: string): Embed | undefined {
  const text = input.trim();
  if (text.length === 0 || text.length > MAX_URL_LENGTH) return undefined;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return undefined;
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") return undefined;
  // "https://youtube.com@evil.example/" reads as YouTube to a person and goes elsewhere.
  if (url.username !== "" || url.password !== "") return undefined;
  const provider =
    HOSTS[url.hostname.replace(SUBDOMAIN, "")] ??
    (MASTODON_POST.test(url.pathname) ? "mastodon" : "link");
  // The known providers all serve https; the card should not send a reader over plain http.
  if (provider !== "link") url.protocol = "https:";
  return { provider, url: url.href };
}

export function isEmbedProvider(value: string): value is EmbedProvider {
  return (EMBED_PROVIDERS as readonly string[]).includes(value);
}
