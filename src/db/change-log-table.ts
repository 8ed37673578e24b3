import type { Generated } from "kysely";

/** See migrations/002-change-log.ts. Owned by db/notify.ts. */
export interface ChangeLogTable {
  id: Generated<number>;
  /** JSON array of cache tags. */
  tags: string;
  created_at: string;
}
