import { Type, type Static } from "@sinclair/typebox";

/**
 * The newsroom's settings, stored in the database (so every instance sees the same) and changed
 * with `kiosque settings set KEY VALUE`. Each has a default and a doc line.
 */
export const SettingsSchema = Type.Object({
  /** Shown in the header, the title and feeds. */
  "site.name": Type.String({ minLength: 1, maxLength: 100, default: "Kiosque" }),
  "site.description": Type.String({ maxLength: 300, default: "" }),
  /** Language of every reader-facing string. */
  "site.locale": Type.Union([Type.Literal("fr"), Type.Literal("en")], { default: "fr" }),
  /** IANA zone in which dates are shown. */
  "site.timezone": Type.String({ minLength: 1, default: "Europe/Paris" }),
  /**
   * The image of the media library the reader header shows instead of the site's name (which
   * becomes its alternative text); 0: none, the name is shown as text. Set on the site screen
   * (media `useAsLogo`, which checks the image exists); an image in this role is not removed.
   */
  "site.logo": Type.Integer({ minimum: 0, maximum: 2_147_483_647, default: 0 }),
  /** Articles per listing page. */
  "articles.perPage": Type.Integer({ minimum: 1, maximum: 100, default: 10 }),
  /** Feeds carry each article's whole text, or its standfirst and a link (WordPress: "Summary"). */
  "feeds.fullText": Type.Boolean({ default: false }),
  /** Related articles shown under an article (« À lire aussi »), pinned ones included. */
  "related.count": Type.Integer({ minimum: 1, maximum: 8, default: 4 }),
  /** Threads shown oldest or newest first. */
  "comments.order": Type.Union([Type.Literal("oldest"), Type.Literal("newest")], {
    default: "oldest",
  }),
  /** Deepest reply level (1 = no replies). */
  "comments.maxDepth": Type.Integer({ minimum: 1, maximum: 10, default: 5 }),
  /** Top-level threads per page of comments. */
  "comments.perPage": Type.Integer({ minimum: 5, maximum: 500, default: 50 }),
  /** Close discussions this many days after publication; 0 keeps them open. */
  "comments.closeAfterDays": Type.Integer({ minimum: 0, maximum: 3650, default: 0 }),
  /** Hold an address's first comment for approval, as WordPress does. */
  "comments.holdFirst": Type.Boolean({ default: true }),
  /** Hold a comment with more links than this. */
  "comments.maxLinks": Type.Integer({ minimum: 0, maximum: 100, default: 2 }),
  /** Words or phrases that send a comment to spam (case- and accent-insensitive). */
  "comments.blocklist": Type.Array(Type.String({ minLength: 1, maxLength: 100 }), {
    maxItems: 1000,
    default: [],
  }),
  /** A form filled faster than this (seconds) was filled by a bot. */
  "comments.minFillSeconds": Type.Integer({ minimum: 0, maximum: 600, default: 3 }),
  /** Hold a comment when its client posted this many in the last `comments.burstMinutes` (0: off). */
  "comments.burstMax": Type.Integer({ minimum: 0, maximum: 1000, default: 5 }),
  "comments.burstMinutes": Type.Integer({ minimum: 1, maximum: 1440, default: 10 }),
  "comments.nameMax": Type.Integer({ minimum: 10, maximum: 200, default: 100 }),
  "comments.bodyMin": Type.Integer({ minimum: 1, maximum: 100, default: 2 }),
  "comments.bodyMax": Type.Integer({ minimum: 100, maximum: 20000, default: 5000 }),
  /**
   * An Akismet API key: each new comment (with the commenter's name, e-mail, address and text)
   * is then also checked by Akismet. Empty: off, and nothing leaves the server.
   */
  "akismet.apiKey": Type.String({
    maxLength: 200,
    pattern: "^[A-Za-z0-9]*$",
    default: "",
    // Never shown back in full once saved: screens show its last characters (settings/secrets.ts).
    secret: true,
  }),
  /** Where Akismet's protocol is spoken (another compatible service may be named). */
  "akismet.endpoint": Type.String({
    maxLength: 300,
    pattern: "^https?://[^\\s]+$",
    default: "https://rest.akismet.com",
  }),
  /**
   * Where readers' GIF replies come from: none (no GIF button), GIPHY or Klipy. Readers' browsers
   * never talk to the provider: Kiosque searches for them and keeps the chosen GIF.
   */
  "gif.provider": Type.Union(
    [Type.Literal("disabled"), Type.Literal("giphy"), Type.Literal("klipy")],
    { default: "disabled" },
  ),
  /** The provider's API key; empty: no GIF button. */
  "gif.key": Type.String({
    maxLength: 200,
    pattern: "^[A-Za-z0-9]*$",
    default: "",
    secret: true,
  }),
  /** The strongest content rating readers may find (the provider's own ratings). */
  "gif.rating": Type.Union(
    [Type.Literal("g"), Type.Literal("pg"), Type.Literal("pg-13"), Type.Literal("r")],
    { default: "g" },
  ),
  /** GIPHY's API address (another for a proxy in front, or for tests). */
  "gif.giphyEndpoint": Type.String({
    maxLength: 300,
    pattern: "^https?://[^\\s]+$",
    default: "https://api.giphy.com",
  }),
  /** Klipy's API address (its Tenor-compatible v2 API). */
  "gif.klipyEndpoint": Type.String({
    maxLength: 300,
    pattern: "^https?://[^\\s]+$",
    default: "https://api.klipy.com",
  }),
  /**
   * Picker previews come from Kiosque (true: the reader's browser never contacts the provider)
   * or from the provider's CDN (false: less work for the server, the provider sees readers).
   * Published comments always show Kiosque's kept copy.
   */
  "gif.proxyMedia": Type.Boolean({ default: true }),
  /** GIF searches one client may make per window; past it, only cached results (0: no limit). */
  "rateLimit.gifSearch.max": Type.Integer({ minimum: 0, maximum: 10000, default: 60 }),
  "rateLimit.gifSearch.windowSeconds": Type.Integer({ minimum: 1, maximum: 86400, default: 60 }),
  /**
   * Days a comment keeps its client's hashed address (for the burst rule and moderators); then
   * the hash is cleared. Salts change daily, so even within these days a hash says nothing of
   * the address.
   */
  "privacy.ipRetentionDays": Type.Integer({ minimum: 1, maximum: 3650, default: 30 }),
  /** A newsroom session ends after this many hours without a request. */
  "staff.sessionIdleHours": Type.Integer({ minimum: 1, maximum: 720, default: 12 }),
  /** A newsroom session ends this many days after sign-in, however active. */
  "staff.sessionMaxDays": Type.Integer({ minimum: 1, maximum: 90, default: 14 }),
  /** Wrong passwords for one account from one client before that client waits (15 minutes). */
  "staff.signInFailures": Type.Integer({ minimum: 3, maximum: 100, default: 5 }),
  /**
   * Admins and editors must sign in with a second factor (an authenticator app): those without
   * one are sent to set it up, and can do nothing else until they have.
   */
  "staff.require2fa": Type.Boolean({ default: false }),
  /** Comment posts one client may make per window (0: no limit). */
  "rateLimit.comments.max": Type.Integer({ minimum: 0, maximum: 10000, default: 10 }),
  "rateLimit.comments.windowSeconds": Type.Integer({ minimum: 1, maximum: 86400, default: 600 }),
  /** Searches a client may make per `rateLimit.search.windowSeconds` (the page and the search box; 0: off). */
  "rateLimit.search.max": Type.Integer({ minimum: 0, maximum: 100000, default: 120 }),
  "rateLimit.search.windowSeconds": Type.Integer({ minimum: 1, maximum: 86400, default: 60 }),
  /** Largest image a staff member may upload, in MB (the file as sent). */
  "media.maxUploadMB": Type.Integer({ minimum: 1, maximum: 200, default: 20 }),
  /**
   * Largest image, in millions of pixels, read from its header before anything is decoded: a
   * decoded image takes 3–4 bytes a pixel, so 50 MP is ~200 MB at most while it is processed.
   */
  "media.maxMegapixels": Type.Integer({ minimum: 1, maximum: 200, default: 50 }),
});

export type Settings = Static<typeof SettingsSchema>;
export type SettingKey = keyof Settings;
