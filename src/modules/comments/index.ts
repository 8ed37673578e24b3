export * as comments from "./service.js";
export type { PublicComment } from "./model.js";
export type { CommentStatus, CommentsTables } from "./table.js";
export { emptyCommentForm, formValues, type CommentFormValues } from "./validation.js";
export type { ThreadPage, Posted } from "./service.js";
export { CommentSection } from "./views/comment-section.js";
export { CommentItem } from "./views/comment-item.js";
export type { CommentFormState } from "./views/comment-form.js";
export type { ImportedComment } from "./service.js";
