export * as accounts from "./service.js";
export * from "./permissions.js";
export type { StaffSession, StaffUser } from "./sessions.js";
export type { Role, AccountsTables } from "./table.js";
