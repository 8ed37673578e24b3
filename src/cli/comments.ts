import { Command, Option } from "commander";
import { articles } from "../modules/articles/index.js";
import { OPERATOR } from "../modules/accounts/index.js";
import { comments, type CommentStatus } from "../modules/comments/index.js";
import { desk } from "../modules/desk/index.js";
import { positiveInt, withRuntime } from "./runtime.js";

const STATUSES: CommentStatus[] = ["pending", "approved", "spam", "trash"];

/**
 * Operators moderate from the shell too, as the desk does (/admin/commentaires): each decision is
 * logged and written to the journal as the operator's.
 */
export function commentsCommand(): Command {
  const cmd = new Command("comments").description("list and moderate reader comments");
  cmd
    .command("list")
    .description("newest first, with the commenter's e-mail (for staff eyes only)")
    .addOption(new Option("--status <status>", "only comments with this status").choices(STATUSES))
    .option("--limit <n>", "how many at most", positiveInt, 50)
    .option("--json", "one JSON object per line")
    .action((opts: { status?: CommentStatus; limit: number; json?: boolean }) =>
      withRuntime(async ({ ctx }) => {
        const rows = await comments.listForStaff(ctx, opts.status, opts.limit);
        for (const r of rows) {
          if (opts.json) {
            console.log(JSON.stringify(r));
            continue;
          }
          const excerpt = r.body.replace(/\s+/g, " ").slice(0, 100);
          const gif = r.gif_title !== null ? `\t[GIF: ${r.gif_title}]` : "";
          console.log(
            `#${r.id}\t${r.status}\t${r.created_at}\t${r.article_slug}\t${r.author_name} <${r.author_email}>\t${excerpt}${gif}`,
          );
        }
        if (!opts.json) console.log(`${rows.length} comment(s)`);
      }),
    );
  for (const [verb, status] of [
    ["approve", "approved"],
    ["spam", "spam"],
    ["trash", "trash"],
  ] as const) {
    cmd
      .command(`${verb} <ids...>`)
      .description(`mark comments as ${status}`)
      .action((ids: string[]) =>
        withRuntime(async ({ ctx }) => {
          const numbers = ids.map(positiveInt);
          await desk.act(
            ctx,
            { ...OPERATOR, via: `cli:${process.env.USER ?? "operator"}` },
            numbers,
            verb,
          );
          console.log(`${status}: ${numbers.map((id) => `#${id}`).join(" ")}`);
        }),
      );
  }
  cmd
    .command("remove-gif <id>")
    .description("take a comment's GIF away, keeping its text (journaled as the operator's)")
    .action((idText: string) =>
      withRuntime(async ({ ctx }) => {
        const id = positiveInt(idText);
        const removed = await desk.removeGif(
          ctx,
          { ...OPERATOR, via: `cli:${process.env.USER ?? "operator"}` },
          id,
        );
        console.log(removed ? `GIF removed from #${id}` : `#${id} has no GIF`);
      }),
    );
  for (const [verb, open] of [
    ["open", true],
    ["close", false],
  ] as const) {
    cmd
      .command(`${verb} <article-slug>`)
      .description(`${verb} an article's discussion`)
      .action((slug: string) =>
        withRuntime(async ({ ctx }) => {
          await articles.setCommentsOpen(ctx, slug, open);
          console.log(`comments ${open ? "open" : "closed"} on ${slug}`);
        }),
      );
  }
  return cmd;
}
