/**
 * French typography, at rendering: the space a writer typed before `: ; ? !` and inside « »
 * becomes one that never breaks — a line never starts with « ? » or ends with « ». Stored text
 * stays as typed (the editor, the forms and the feeds get it back unchanged); only a reader's
 * page changes, as it is rendered. A space is replaced, never added: "12:30", "http://" and
 * English prose, which puts no space there, are untouched, so the rule needs no language.
 *
 * Before « : » a no-break space (U+00A0); before « ; ! ? », after « and before » a narrow one
 * (U+202F), as the Imprimerie nationale's rules have it.
 */
const NBSP = "\u00a0";
const NNBSP = "\u202f";
const PUNCTUATION = /[:;!?«»]/;

export function typeset(text: string): string {
  if (!PUNCTUATION.test(text)) return text;
  return text
    .replace(/[ \t\u00a0\u202f]+(?=:)/g, NBSP)
    .replace(/[ \t\u00a0\u202f]+(?=[;!?»])/g, NNBSP)
    .replace(/«[ \t\u00a0\u202f]+/g, `«${NNBSP}`);
}

/** Elements whose text is not prose: code, scripts and data, and what a person is editing. */
const VERBATIM = new Set(["script", "style", "textarea", "pre", "code", "kbd", "samp", "title"]);

// A comment or doctype; a tag, its attribute values quoted (they may hold `>`); or text.
const PARTS = /(<![^>]*>)|(<\/?([a-zA-Z][a-zA-Z0-9-]*)(?:[^>"']|"[^"]*"|'[^']*')*>)|([^<]+|<)/g;

/**
 * The same over HTML: a whole reader page as rendered, or a fragment of it. Text between tags
 * only — never a tag's attributes (a form field's value comes back as typed) nor the inside of a
 * VERBATIM element. Entities are left as they are.
 */
export function typesetHtml(html: string): string {
  if (!PUNCTUATION.test(html)) return html;
  let verbatim: string | undefined;
  return html.replace(PARTS, (whole, other, tag: string | undefined, name, text) => {
    if (other) return whole;
    if (tag) {
      const lower = String(name).toLowerCase();
      if (verbatim === undefined && VERBATIM.has(lower) && !tag.startsWith("</")) verbatim = lower;
      else if (verbatim === lower && tag.startsWith("</")) verbatim = undefined;
      return whole;
    }
    return verbatim === undefined ? typeset(String(text)) : whole;
  });
}
