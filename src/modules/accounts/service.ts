/**
 * The accounts module's services, in one place for its door (index.ts exports them as `accounts`).
 * Each takes a Ctx and plain data, checks its permission predicate, and returns plain data or
 * throws a typed error.
 */
export * from "./users.js";
export { signIn, type SignInAttempt, type SignedIn } from "./sign-in.js";
export {
  findSession,
  closeSessionByToken,
  closeAllSessions,
  listSessions,
  closeSession,
  type SessionSummary,
} from "./sessions.js";
export {
  secondFactorState,
  startEnrolment,
  confirmEnrolment,
  renewRecoveryCodes,
  disableSecondFactor,
  resetSecondFactor,
  completeSignIn,
  type Enrolment,
  type SecondFactorState,
  type SecondStep,
} from "./second-factor.js";
export type { Asker } from "./verification.js";
export { totpCode } from "./totp.js";
export { RECOVERY_CODE_COUNT } from "./recovery-codes.js";
export * from "./people.js";
export * from "./invitations.js";
export * from "./own-account.js";
