export * as accounts from "./service.js";
export { canModerate, canPublish, canWrite, canAdminister, roles, isRole } from "./permissions.js";
export type { Role, AccountsTables } from "./table.js";
