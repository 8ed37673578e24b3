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

export interface ModerationTables {
  moderation_log: ModerationLogTable;
}
