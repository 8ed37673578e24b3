import type { ChangeLogTable } from "./change-log-table.js";
import type { AccountsTables } from "../modules/accounts/index.js";
import type { ArticlesTables } from "../modules/articles/index.js";
import type { CountersTables } from "../modules/counters/index.js";
import type { ImportsTables } from "../modules/imports/index.js";
import type { AuditTables } from "../modules/audit/index.js";
import type { CommentsTables } from "../modules/comments/index.js";
import type { GifsTables } from "../modules/gifs/index.js";
import type { MediaTables } from "../modules/media/index.js";
import type { ModerationTables } from "../modules/moderation/index.js";
import type { SitePagesTables } from "../modules/pages/index.js";
import type { PrivacyTables } from "../modules/privacy/index.js";
import type { RedirectsTables } from "../modules/redirects/index.js";
import type { RelatedTables } from "../modules/related/index.js";
import type { SearchTables } from "../modules/search/index.js";
import type { SettingsTables } from "../modules/settings/index.js";

/** The whole database as Kysely sees it: each module owns and declares its own tables. */
export interface Tables
  extends
    AccountsTables,
    ArticlesTables,
    AuditTables,
    CommentsTables,
    CountersTables,
    GifsTables,
    ImportsTables,
    MediaTables,
    ModerationTables,
    PrivacyTables,
    RedirectsTables,
    RelatedTables,
    SearchTables,
    SitePagesTables,
    SettingsTables {
  change_log: ChangeLogTable;
}
