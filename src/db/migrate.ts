import { Migrator, type Migration, type MigrationProvider } from "kysely/migration";
import { ConfigError } from "../config/index.js";
import type { Engine, Storage } from "./engines/adapter.js";
import { initial } from "./migrations/001-initial.js";
import { changeLog } from "./migrations/002-change-log.js";
import { threadIndex } from "./migrations/003-thread-index.js";
import { authorIndex } from "./migrations/004-author-index.js";
import { ipPrivacy } from "./migrations/005-ip-privacy.js";
import { rateLimits } from "./migrations/006-rate-limits.js";
import { newsroomAccounts } from "./migrations/007-newsroom-accounts.js";
import { articleEditing } from "./migrations/008-article-editing.js";
import { media } from "./migrations/009-media.js";
import { secondFactorSteps } from "./migrations/010-second-factor-steps.js";
import { moderationDesk } from "./migrations/012-moderation-desk.js";
import { settingsScreens } from "./migrations/013-settings-screens.js";
import { gifs } from "./migrations/014-gifs.js";
import { searchRelated } from "./migrations/015-search-related.js";
import { staffListSearch } from "./migrations/017-staff-list-search.js";
import { wordpressImport } from "./migrations/018-wordpress-import.js";
import { refusedFormsAndArticleLanguage } from "./migrations/019-refused-forms-and-article-language.js";
import { commentKindsPageMedia } from "./migrations/021-comment-kinds-page-media.js";
import { addressRetentionIndex } from "./migrations/022-address-retention-index.js";
import { sectionsInMenu } from "./migrations/023-sections-in-menu.js";
import { pageVersionsAndLookups } from "./migrations/024-page-versions-and-lookups.js";
import { firstPublication } from "./migrations/025-first-publication.js";
import { foreignKeyIndexes } from "./migrations/026-foreign-key-indexes.js";

/**
 * The ordered list of migrations. Names never change; new ones are appended. Frozen in time, they
 * import nothing of the application: the engine's name is all they are told.
 */
function migrations(engine: Engine): Record<string, Migration> {
  return {
    "001-initial": initial(engine),
    "002-change-log": changeLog(engine),
    "003-thread-index": threadIndex(),
    "004-author-index": authorIndex(),
    "005-ip-privacy": ipPrivacy(),
    "006-rate-limits": rateLimits(),
    "007-newsroom-accounts": newsroomAccounts(engine),
    "008-article-editing": articleEditing(engine),
    "009-media": media(engine),
    "010-second-factor-steps": secondFactorSteps(),
    "012-moderation-desk": moderationDesk(engine),
    "013-settings-screens": settingsScreens(),
    "014-gifs": gifs(),
    "015-search-related": searchRelated(engine),
    "017-staff-list-search": staffListSearch(engine),
    "018-wordpress-import": wordpressImport(engine),
    "019-refused-forms-and-article-language": refusedFormsAndArticleLanguage(),
    "021-comment-kinds-page-media": commentKindsPageMedia(),
    "022-address-retention-index": addressRetentionIndex(),
    "023-sections-in-menu": sectionsInMenu(),
    "024-page-versions-and-lookups": pageVersionsAndLookups(),
    "025-first-publication": firstPublication(),
    "026-foreign-key-indexes": foreignKeyIndexes(),
  };
}

/**
 * Brings the schema up to date, once, however many instances start at the same moment (under
 * the engine's migration lock). Returns the names of the migrations this call applied.
 */
export async function migrateToLatest({ engine }: Storage): Promise<string[]> {
  const provider: MigrationProvider = { getMigrations: async () => migrations(engine.name) };
  return engine.exclusively(async (conn) => {
    // Kysely looks for its bookkeeping tables by name in every schema; name ours explicitly so a
    // neighbouring schema's tables (another site, another test run) are never taken for ours.
    const schema = await engine.migrationSchema(conn);
    const migrator = new Migrator({
      db: conn,
      provider,
      ...(schema ? { migrationTableSchema: schema } : {}),
      // Work done in parallel lands out of name order (016 never landed; 022 before 019): a
      // database that ran a later-named migration still takes an earlier-named one that arrives
      // after it. Each migration stands alone; none reads what a later-named one writes.
      allowUnorderedMigrations: true,
    });
    const { error, results } = await migrator.migrateToLatest();
    // Kysely's words for a database that ran a migration this version does not have: a newer
    // Kiosque wrote it. Said in one line, with what to do (startFailure shows ConfigErrors so).
    const newer =
      error instanceof Error &&
      /previously executed migration (\S+) is missing/.exec(error.message);
    if (newer)
      throw new ConfigError(
        `the database was brought up to date by a newer Kiosque (migration ${newer[1]}): run that version or a later one, or restore a backup made with this one`,
      );
    if (error) throw error;
    return (results ?? []).filter((r) => r.status === "Success").map((r) => r.migrationName);
  });
}
