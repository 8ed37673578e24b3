export * as desk from "./service.js";
export * as deskBans from "./bans.js";
export type { DeskAction, Moderator, BulkRequest } from "./service.js";
export type { BansPage } from "./bans.js";
