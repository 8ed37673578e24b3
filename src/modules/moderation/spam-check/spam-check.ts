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

export interface SpamCheck {
  /** A short name for the moderation log ("akismet"). */
  readonly name: string;
  check(query: SpamQuery): Promise<{ verdict: SpamVerdict; detail?: string }>;
}
