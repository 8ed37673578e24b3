/**
 * The actions the journal knows by name, for its filter and its words (web/i18n `desk.journal.
 * actions`). A module that records a new kind of action adds it here, with its words; an action
 * missing here is still recorded and listed, under its raw name.
 */
export const auditActions = [
  "comment.approve",
  "comment.spam",
  "comment.trash",
  "comment.restore",
  "comment.edit",
  "comment.reply",
  "comment.feature",
  "comment.unfeature",
  "comment.gif-remove",
  "ban.create",
  "ban.lift",
  "article.submit",
  "article.publish",
  "article.schedule",
  "article.unpublish",
  "media.upload",
  "media.update",
  "media.remove",
  "section.create",
  "section.rename",
  "section.delete",
  "person.create",
  "person.role",
  "person.disable",
  "person.enable",
  "person.signOut",
  "person.password",
  "person.resetSecondFactor",
  "invitation.create",
  "invitation.revoke",
  "invitation.accept",
  "account.password",
  "settings.change",
] as const;

export type KnownAuditAction = (typeof auditActions)[number];

export function isKnownAction(action: string): action is KnownAuditAction {
  return (auditActions as readonly string[]).includes(action);
}
