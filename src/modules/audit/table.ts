import type { Generated } from "kysely";

/**
 * Every staff action: who (`actor_id`, 0 for the operator at the command line), what (`action`,
 * "comment.approve"), on what (`target_type`, `target_id`), when, and the details of the change.
 * Append-only: the code inserts and reads; nothing updates or deletes a row (decision 016).
 */
export interface AuditLogTable {
  id: Generated<number>;
  actor_id: number;
  action: string;
  target_type: string;
  target_id: string | null;
  /** JSON object. Ids, statuses and field names: never a commenter's name, address or text. */
  details: Generated<string>;
  created_at: string;
}

export interface AuditTables {
  audit_log: AuditLogTable;
}
