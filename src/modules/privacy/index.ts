export * as privacy from "./service.js";
export type { PrivacyTables } from "./table.js";
