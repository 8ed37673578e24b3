export * as audit from "./service.js";
export type { AuditEntry, JournalEntry, JournalFilters, JournalPage } from "./service.js";
export { auditActions, isKnownAction, type KnownAuditAction } from "./actions.js";
export type { AuditTables } from "./table.js";
