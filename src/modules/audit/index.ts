/**
 * The audit log: every staff action, appended in the transaction that makes it. It imports no
 * other module, so that every module (accounts and settings included) can record through it;
 * reading it is the journal module's page, which checks who may.
 */
export * as audit from "./service.js";
export type { AuditActor, AuditEntry, AuditQuery, JournalEntry } from "./service.js";
export { auditActions, isKnownAction, type KnownAuditAction } from "./actions.js";
export type { AuditTables } from "./table.js";
