import { setImmediate } from "node:timers/promises";

/**
 * Gives way to the requests, timers and signals waiting, before a long job's next batch. SQLite's
 * driver answers each query at once, so a job's awaits resolve without ever leaving the current
 * turn of the event loop: a loop of short transactions (a batch each, so other writers pass) held
 * the whole process until it ended. At a server's start, 17,000 old spam comments to forget kept
 * it from listening, and from hearing SIGTERM, for as long as that took.
 */
export const nextTurn = (): Promise<void> => setImmediate();
