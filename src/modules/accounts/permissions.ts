import { Forbidden } from "../../lib/errors.js";
import type { Role } from "./table.js";

/**
 * Who may do what in the newsroom: one named rule per action, asked by services (which refuse
 * with Forbidden) and by routes and views (which hide what a person cannot do). Hiding is a
 * courtesy; the service's check is the rule.
 */
export const roles: readonly Role[] = ["admin", "editor", "author", "moderator"];

export function isRole(value: string): value is Role {
  return (roles as readonly string[]).includes(value);
}

/** The slice of a signed-in person that the rules look at. */
export interface Actor {
  readonly id: number;
  readonly role: Role;
}

/** Use the newsroom at all: its first page, one's own account (name, language, password, sessions). */
export const canUseNewsroom = (_a: Actor): boolean => true;

/**
 * Secure one's own account: set up or turn off the second factor, sign out everywhere. The only
 * rule a person may use while the newsroom requires a second factor they have not set up
 * (`staff.require2fa`): newsroom.allow refuses every other.
 */
export const canSecureOwnAccount = (_a: Actor): boolean => true;

/** Write and edit articles at all (own drafts for authors). Moderators handle comments only. */
export const canWriteArticles = (a: Actor): boolean => a.role !== "moderator";

/** Edit any article, whoever wrote it. */
export const canEditAnyArticle = (a: Actor): boolean => a.role === "admin" || a.role === "editor";

/**
 * Edit this article: editors and admins any; an author only one they sign and that is still a
 * draft or in review (once an editor scheduled or published it, it changes under their eye).
 */
export function canEditArticle(
  a: Actor,
  article: { readonly authorIds: readonly number[]; readonly status: string },
): boolean {
  if (canEditAnyArticle(a)) return true;
  const open = article.status === "draft" || article.status === "review";
  return a.role === "author" && article.authorIds.includes(a.id) && open;
}

/** Publish, schedule and unpublish: authors submit for review instead. */
export const canPublish = (a: Actor): boolean => a.role === "admin" || a.role === "editor";

/** Create, rename and remove sections and tags (authors pick and create tags on articles). */
export const canManageSections = (a: Actor): boolean => a.role === "admin" || a.role === "editor";

/** Write, publish and order the site's own pages (« Mentions légales »): as sections. */
export const canManagePages = (a: Actor): boolean => canManageSections(a);

/** Approve, hold, trash and mark comments as spam. */
export const canModerate = (a: Actor): boolean =>
  a.role === "admin" || a.role === "editor" || a.role === "moderator";

/** Invite, disable and change people's roles; require a second factor; reset someone's. */
export const canManageUsers = (a: Actor): boolean => a.role === "admin";

/** Read the journal of every staff action (the audit log): who did what, when. */
export const canReadJournal = (a: Actor): boolean => a.role === "admin";

/** Change the newsroom's settings. */
export const canChangeSettings = (a: Actor): boolean => a.role === "admin";

/** Roles whose accounts an admin may require a second factor for (settings `staff.require2fa`). */
export const PRIVILEGED: readonly Role[] = ["admin", "editor"];

/**
 * Who acts when the `kiosque` command does (the operator of the server, who holds its database
 * anyway): every admin right, and no account of its own (id 0 names no one).
 */
export const OPERATOR: Actor = { id: 0, role: "admin" };

/** What a service says first: this actor may do this, or Forbidden. */
export function ensure(actor: Actor, rule: (a: Actor) => boolean): void {
  if (!rule(actor)) throw new Forbidden("KIOSQUE_FORBIDDEN", { user: actor.id, rule: rule.name });
}
