export * as comments from "./service.js";
export * as commenterData from "./personal-data.js";
export type { CommenterExport, Erased } from "./personal-data.js";
export type { PublicComment } from "./model.js";
export type { CommentKind, CommentStatus, CommentsTables } from "./table.js";
export { emptyCommentForm, type CommentFormValues } from "./validation.js";
export type { ThreadPage, RepliesPage, HeldPlacement, Mention, Posted } from "./service.js";
export type {
  Count,
  MenuCounts,
  DeskComment,
  QueueFilter,
  QueueMark,
  QueuePage,
  StaffAuthor,
  StaffReplied,
  StatusAction,
  StatusChange,
} from "./service.js";
export { CommentSection } from "./views/comment-section.js";
export type { CommentFormState } from "./views/comment-form.js";
export type { ImportedComment } from "./service.js";
export {
  importThread,
  portableComments,
  type ThreadComment,
  type ImportedThread,
} from "./imported.js";
export {
  commentItem,
  commentTextHtml,
  repliesMark,
  type CommentExtras,
} from "./views/comment-item.js";
export { CommentForm } from "./views/comment-form.js";
export { sectionMarks } from "./views/comment-section.js";
export { acceptsReplies } from "./model.js";
export { RepliesSection } from "./views/replies-section.js";
