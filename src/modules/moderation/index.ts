export { moderate, type Decision } from "./pipeline.js";
export type { Candidate, Reason } from "./phase.js";
export { spamCheckFor, type KeyCheck, type SpamQuery } from "./spam-check/index.js";
export { record, history } from "./service.js";
export type { ModerationTables } from "./table.js";
