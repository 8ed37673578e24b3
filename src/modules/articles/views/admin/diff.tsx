import type { Messages } from "../../../../web/i18n/index.js";
import type { FieldDiff } from "../../editing/revisions.js";

/** Which label of the form names each compared field. */
function fieldLabel(t: Messages, field: FieldDiff["field"]): string {
  const f = t.newsroom.writing.form;
  const labels: Record<FieldDiff["field"], string> = {
    title: t.newsroom.writing.form.headline,
    standfirst: t.newsroom.writing.form.standfirst,
    slug: t.newsroom.writing.form.slug,
    bodyHtml: t.newsroom.writing.form.body,
    categoryId: t.newsroom.writing.form.section,
    tags: t.newsroom.writing.form.tags,
    authorIds: t.newsroom.writing.form.authors,
    imageMediaId: f.imageMediaId,
    imageUrl: f.imageUrl,
    imageAlt: f.imageAlt,
    imageCaption: f.imageCaption,
    imageCredit: f.imageCredit,
    seoTitle: t.newsroom.writing.form.seoTitle,
    seoDescription: t.newsroom.writing.form.seoDescription,
    commentsOpen: t.newsroom.writing.form.commentsOpen,
    language: t.newsroom.writing.form.language,
  };
  return labels[field];
}

/** Changed fields, each with its removals struck through and its additions underlined. */
export function DiffView({ t, diffs }: { t: Messages; diffs: readonly FieldDiff[] }) {
  if (diffs.length === 0) return <p>{t.newsroom.writing.revisions.same}</p>;
  return (
    <dl class="diff">
      {diffs.map((d) => (
        <>
          <dt>{fieldLabel(t, d.field)}</dt>
          <dd class="diff-text">
            {d.parts.map((p) =>
              p.change === "added" ? (
                <ins>{p.text}</ins>
              ) : p.change === "removed" ? (
                <del>{p.text}</del>
              ) : (
                p.text
              ),
            )}
          </dd>
        </>
      ))}
    </dl>
  );
}
