/**
 * A remote spam service's word on one comment. "unavailable" (down, slow, refused key) is an
 * answer too: the comment is then held for a person, never lost and never published unchecked.
 */
export type SpamVerdict = "ham" | "spam" | "unavailable";

/** What such a service is told: the comment and the request it came in. */
export interface SpamQuery {
  siteUrl: string;
  permalink: string;
  /** The client's address as received (sent to the service, never stored). */
  ip: string;
  userAgent: string;
  referrer: string;
  isReply: boolean;
  name: string;
  email: string;
  website: string | null;
  body: string;
  postedAt: Date;
  locale: string;
}

/** Whether the service takes the key: yes, or what it (or the network) said instead. */
export type KeyCheck = { ok: true } | { ok: false; detail: string };

export interface SpamCheck {
  /** A short name for the moderation log ("akismet"). */
  readonly name: string;
  check(query: SpamQuery): Promise<{ verdict: SpamVerdict; detail?: string }>;
  /** Asks the service whether it takes the key, for this site (the newsroom's "test this key"). */
  verify(siteUrl: string): Promise<KeyCheck>;
}
