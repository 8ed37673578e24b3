/** The oldest Node.js Kiosque runs on, [major, minor], as in package.json's `engines`. */
export const MINIMUM_NODE: readonly [number, number];
/** What is wrong with this Node.js version for Kiosque, or undefined when nothing is. */
export function nodeVersionProblem(version: string): string | undefined;
/** Stops this process with a plain message when its Node.js is too old. */
export function exitOnOldNode(): void;
