/**
 * A moderation phase looks at one slice of what is known about a new comment and may give a
 * verdict with a reason. The pipeline keeps the strongest verdict and every reason, so each
 * outcome can be explained to a moderator.
 */
export type Verdict = "reject" | "spam" | "pending";

export interface Reason {
  rule: string;
  detail?: string;
}

export interface PhaseResult {
  verdict: Verdict;
  reason: Reason;
}

/** Everything a phase may look at. Each phase declares the slice it needs. */
export interface Candidate {
  name: string;
  website: string | null;
  body: string;
  /** The title of the GIF it carries ("" without one): its words count as the text's. */
  gifTitle: string;
  /** The honeypot field's content: people never see it, so they leave it empty. */
  honeypot: string;
  /** When the form was served (from its signed field), undefined when missing or forged. */
  formServedAt: Date | undefined;
  now: Date;
  settings: {
    holdFirst: boolean;
    maxLinks: number;
    blocklist: readonly string[];
    minFillSeconds: number;
    burstMax: number;
    burstMinutes: number;
  };
  /** A remote spam service, when one is configured: asked only if no local rule settled it. */
  remote?: {
    name: string;
    check(): Promise<{ verdict: "ham" | "spam" | "unavailable"; detail?: string }>;
  };
  /** Facts from the database, asked only by the phases that need them. */
  history: {
    /**
     * The poster showed they wrote an approved comment with this address (their browser's
     * author token names one): knowing the address alone proves nothing.
     */
    authorProven(): Promise<boolean>;
    /** The poster showed they wrote a comment with this address, whatever became of it. */
    addressProven(): Promise<boolean>;
    /**
     * What the poster already wrote on this article with this address (not trashed; theirs by
     * their browser's token or their connection), the latest first, up to a bound: the
     * duplicate rule compares them as it compares text.
     */
    earlierBodies(): Promise<readonly string[]>;
    /**
     * Comments from the same client (hashed address) in the last `minutes`, counted up to
     * `atMost`; 0 without an address.
     */
    recentFromClient(minutes: number, atMost: number): Promise<number>;
    /**
     * The ban in force on the poster's address or client, if any (read on every post, so a ban
     * made on one instance holds on all of them at once).
     */
    activeBan(): Promise<
      { id: number; kind: "email" | "client"; mode: "hold" | "refuse" } | undefined
    >;
  };
}

export type Phase<K extends keyof Candidate = keyof Candidate> = (
  c: Pick<Candidate, K>,
) => PhaseResult | undefined | Promise<PhaseResult | undefined>;
