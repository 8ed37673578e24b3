import type { Generated } from "kysely";

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
}

export interface AccountsTables {
  users: UsersTable;
}
