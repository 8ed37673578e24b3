import type { Generated } from "kysely";
import type { Locale } from "../../web/i18n/index.js";

export type Role = "admin" | "editor" | "author" | "moderator";

export interface UsersTable {
  id: Generated<number>;
  /** Lower-cased; unique. Staff addresses are private like commenters'. */
  email: string;
  name: string;
  slug: string;
  bio: string;
  role: Role;
  password_hash: string;
  created_at: string;
  /** The newsroom's language for this person (reader pages keep the site's). */
  locale: Generated<Locale>;
  /** Set when an admin disabled the account: it signs in no more, its sessions are gone. */
  disabled_at: string | null;
  /** Base32 TOTP secret, set while enrolling; the factor counts once `totp_enabled_at` is set. */
  totp_secret: string | null;
  totp_enabled_at: string | null;
  /** The last time step a code was accepted for: a code is good once (migration 010). */
  totp_last_step: number | null;
  /** When a sign-in last completed (second factor included), for the People page (migration 013). */
  last_sign_in_at: string | null;
}

export type SessionStage = "password" | "complete";

export interface StaffSessionsTable {
  /** SHA-256 of the cookie's token: the table alone opens no session. */
  id_hash: string;
  user_id: number;
  stage: SessionStage;
  created_at: string;
  last_seen_at: string;
  /** The absolute end, however active the session. */
  expires_at: string;
  /** What the person sees in their list of sessions ("Firefox on Linux"). */
  user_agent: Generated<string>;
}

export interface RecoveryCodesTable {
  user_id: number;
  code_hash: string;
  used_at: string | null;
}

export interface InvitationsTable {
  id: Generated<number>;
  token_hash: string;
  email: string;
  role: Role;
  created_by: number | null;
  created_at: string;
  expires_at: string;
  used_at: string | null;
}

export interface AccountsTables {
  users: UsersTable;
  staff_sessions: StaffSessionsTable;
  recovery_codes: RecoveryCodesTable;
  invitations: InvitationsTable;
}
