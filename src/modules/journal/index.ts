/**
 * The journal: the admins' page over the audit log (`/admin/journal`). A module of its own above
 * `audit` and `accounts`: it checks `canReadJournal`, which the log itself cannot ask without
 * importing accounts, which records into the log (decision 020).
 */
export * as journal from "./service.js";
export type { JournalFilters, JournalPage } from "./service.js";
