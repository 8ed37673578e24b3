import type { ChangeLogTable } from "./change-log-table.js";
import type { AccountsTables } from "../modules/accounts/table.js";
import type { ArticlesTables } from "../modules/articles/table.js";
import type { CommentsTables } from "../modules/comments/table.js";
import type { ModerationTables } from "../modules/moderation/table.js";
import type { PrivacyTables } from "../modules/privacy/table.js";
import type { SettingsTables } from "../modules/settings/table.js";

/** The whole database as Kysely sees it: each module owns and declares its own tables. */
export interface Tables
  extends
    AccountsTables,
    ArticlesTables,
    CommentsTables,
    ModerationTables,
    PrivacyTables,
    SettingsTables {
  change_log: ChangeLogTable;
}
