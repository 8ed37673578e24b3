import type { Settings } from "../settings/index.js";

const DAY_MS = 86_400_000;

/** The rule for whether an article takes comments now: the newsroom's switch, then the age limit. */
export function discussionOpen(
  article: { commentsOpen: boolean; publishedAt: string },
  settings: Pick<Settings, "comments.closeAfterDays">,
  now: Date,
): boolean {
  if (!article.commentsOpen) return false;
  const days = settings["comments.closeAfterDays"];
  return days === 0 || now.getTime() - new Date(article.publishedAt).getTime() < days * DAY_MS;
}
