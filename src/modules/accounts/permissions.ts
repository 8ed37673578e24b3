import type { Role } from "./table.js";

/**
 * Roles, one place. The named rules routes will ask (canModerate, canPublish…) arrive with the
 * newsroom's sign-in; until then only the CLI, run by the operator, acts as staff.
 */
export const roles: readonly Role[] = ["admin", "editor", "author", "moderator"];

export function isRole(value: string): value is Role {
  return (roles as readonly string[]).includes(value);
}
