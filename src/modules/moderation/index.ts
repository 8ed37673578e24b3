export { moderate, raceableRules, type Decision } from "./pipeline.js";
export type { Candidate, Reason } from "./phase.js";
export { spamCheckFor, type KeyCheck, type SpamQuery } from "./spam-check/index.js";
export { record, recordMany, history, histories, type LogLine } from "./service.js";
export * as bans from "./bans.js";
export type { ActiveBan, BanRow, BannedPerson, ErasedBans, NewBan } from "./bans.js";
export type { BanKind, BanMode, ModerationTables } from "./table.js";
