import type { Role } from "./table.js";

/** Named rules, one place: routes ask these, never compare roles themselves. */
export interface Actor {
  role: Role;
}

export const roles: readonly Role[] = ["admin", "editor", "author", "moderator"];

export function isRole(value: string): value is Role {
  return (roles as readonly string[]).includes(value);
}

export const canModerate = (a: Actor | undefined): boolean =>
  a?.role === "admin" || a?.role === "editor" || a?.role === "moderator";
export const canPublish = (a: Actor | undefined): boolean =>
  a?.role === "admin" || a?.role === "editor";
export const canWrite = (a: Actor | undefined): boolean => canPublish(a) || a?.role === "author";
export const canAdminister = (a: Actor | undefined): boolean => a?.role === "admin";
