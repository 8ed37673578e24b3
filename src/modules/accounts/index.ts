export * as accounts from "./service.js";
export { roles, isRole } from "./permissions.js";
export type { Role, AccountsTables } from "./table.js";
