import type { Generated } from "kysely";

/** Append-only: every decision on a comment, by the pipeline or a person, with its reasons. */
export interface ModerationLogTable {
  id: Generated<number>;
  comment_id: number;
  /** "pipeline" or "cli:<user>" / "user:<id>". */
  actor: string;
  status: string;
  /** JSON array of { rule, detail } explaining the decision. */
  reasons: string;
  created_at: string;
}

export type BanKind = "email" | "client";
export type BanMode = "hold" | "refuse";

/**
 * An address or a client whose comments are held or refused until `expires_at`. Only a keyed
 * hash is kept (the comments' `email_hash`, or their `client_key`), never the address itself.
 */
export interface BansTable {
  id: Generated<number>;
  kind: BanKind;
  value_hash: string;
  mode: BanMode;
  /** The newsroom's own note, for the people who read the list. */
  reason: Generated<string>;
  /** The comment it was made from (no key: the comment may be erased, the ban stays). */
  comment_id: number | null;
  created_by: number;
  created_at: string;
  expires_at: string;
  /** Set when someone lifted it before its end (kept: the list says who and when). */
  lifted_at: string | null;
  lifted_by: number | null;
}

export interface ModerationTables {
  moderation_log: ModerationLogTable;
  bans: BansTable;
}
