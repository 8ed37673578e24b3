export * as accounts from "./service.js";
export { roles } from "./permissions.js";
export type { Role, AccountsTables } from "./table.js";
