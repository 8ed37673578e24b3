import { randomBytes } from "node:crypto";
import type { VNode } from "preact";
import { jsxTemplate } from "preact/jsx-runtime";
import { render } from "preact-render-to-string";

/**
 * What a template takes in: text and numbers (escaped), another template or a Preact element
 * (markup), a list of them, or nothing (`null`, `undefined`, `false`: left out).
 */
export type Html = string | number | VNode | null | undefined | false | readonly Html[];

/**
 * HTML written as a template literal, for the views every cold page renders (an article's head,
 * its text, its comments): `` html`<p class="x">${text}</p>` `` renders the bytes that
 * `<p class="x">{text}</p>` does, at a fraction of the cost: the string is built as the template
 * is called, with no element, props or attribute loop per tag (decision 028).
 *
 * Escaping stays the default, as in JSX: every value put in is escaped as Preact escapes text and
 * attributes (`&`, `<`, `"`), so one goes inside a tag's quoted attribute or between tags alike.
 * Only a template or a Preact element goes in as markup. A value never stands where a tag or
 * attribute name goes (`<${name}>`, `<p ${attr}>`): names are the template's own text.
 *
 * A template is laid out as JSX is: line breaks and indentation between tags are not part of the
 * page (`laidOut`). The result is a Preact element (Preact's own form for precompiled JSX,
 * `jsxTemplate`), so a template goes in JSX as any element does.
 */
export function html(strings: TemplateStringsArray, ...values: Html[]): VNode {
  const text = laidOut(strings);
  let out = text[0]!;
  for (let i = 0; i < values.length; i++) out += markup(values[i]) + text[i + 1]!;
  return jsxTemplate([out]);
}

/**
 * A template's own text as JSX would have it, so that a template may be laid out on several lines
 * as JSX is: a line break and the blanks around it go where they touch a tag, its closing `>` or
 * a value; between two words, or two attributes, they make one space. So, as in JSX, a break
 * right after a value goes: inside a tag, the attribute after a value (`${attr(…)}`) stays on
 * the value's line. Worked out once per template (its strings are the same array at each call).
 */
function laidOut(strings: TemplateStringsArray): readonly string[] {
  let text = layouts.get(strings);
  if (!text) {
    text = strings.map((s) =>
      s.replace(LINE_BREAK, (blank, at: number, all: string) => {
        const before = all[at - 1];
        const after = all[at + blank.length];
        const touchesTag =
          before === ">" ||
          after === "<" ||
          after === ">" ||
          all.startsWith("/>", at + blank.length);
        return before === undefined || after === undefined || touchesTag ? "" : " ";
      }),
    );
    layouts.set(strings, text);
  }
  return text;
}

const layouts = new WeakMap<TemplateStringsArray, readonly string[]>();
/** A line break with the blanks (spaces, tabs, more line breaks) on either side of it. */
const LINE_BREAK = /[ \t]*(?:\r\n|\n|\r)[ \t\r\n]*/g;

/**
 * An attribute that is there or not, written as Preact writes it: left out when `value` is null,
 * undefined or false, a bare name when empty, else `name="value"` escaped. `name` is the view's
 * own, never data: `<p${attr("lang", lang)}>`. (No `true`: Preact writes it `="true"` for `aria-`
 * and `data-` attributes and bare for others; a view writes such an attribute in its template.)
 */
export function attr(name: string, value: string | number | false | null | undefined): VNode {
  if (value === null || value === undefined || value === false) return NOTHING;
  if (value === "") return keptMarkup(` ${name}`);
  return keptMarkup(` ${name}="${escapeHtml(String(value))}"`);
}

const NOTHING = keptMarkup("");

/**
 * Markup Kiosque made itself, put in as it is: a view rendered earlier and kept (the blank form,
 * the site's header), an article body sanitised when written, JSON-LD escaped for its script.
 * Never text from a request or the database that nothing has escaped or sanitised.
 */
export function keptMarkup(markup: string): VNode {
  return jsxTemplate([markup]);
}

/** Unknown outside the process: no text of the site or of a reader can pass for a slot's token. */
const SLOT_NONCE = randomBytes(9).toString("hex");

/**
 * Markup rendered once with a token in each named slot, then filled, each time it is used, with
 * values escaped as Preact escapes them: a view many pages or readers share but for a few values
 * (the blank comment form, a form with a reader's remembered name). `render` gets the tokens to
 * put where the values go (text or a quoted attribute); the markup between them is kept as made.
 * A slot filled with "" gives `=""` where Preact would write a bare attribute: the same value.
 */
export function slotted<S extends string>(
  slots: readonly S[],
  render: (tokens: Readonly<Record<S, string>>) => string,
): (values: Readonly<Record<S, string>>) => string {
  const tokens = Object.fromEntries(slots.map((s) => [s, `kqslot${s}${SLOT_NONCE}`])) as Record<
    S,
    string
  >;
  const bySlot = new Map(slots.map((s) => [tokens[s], s]));
  const made = render(tokens);
  const found = new RegExp([...bySlot.keys()].join("|"), "g");
  const parts = made.split(found);
  const order = [...made.matchAll(found)].map((m) => bySlot.get(m[0])!);
  return (values) => {
    let out = parts[0]!;
    for (let i = 0; i < order.length; i++) out += escapeHtml(values[order[i]!]) + parts[i + 1]!;
    return out;
  };
}

/** The markup a template made, or a Preact element rendered; other values escaped as text. */
function markup(value: Html): string {
  if (value === null || value === undefined || value === false) return "";
  if (typeof value === "string") return escapeHtml(value);
  if (typeof value === "number") return String(value);
  if (Array.isArray(value)) {
    let out = "";
    for (const item of value as readonly Html[]) out += markup(item);
    return out;
  }
  const made = templateText(value as VNode);
  return made ?? render(value as VNode);
}

/** The text of a template (one string, nothing left to render), undefined for any other element. */
function templateText(node: VNode): string | undefined {
  const props = node.props as { tpl?: unknown; exprs?: unknown[] };
  const tpl = props.tpl;
  return Array.isArray(tpl) && tpl.length === 1 && (props.exprs?.length ?? 0) === 0
    ? (tpl[0] as string)
    : undefined;
}

const SPECIAL = /[&<"]/;
const SPECIALS = /[&<"]/g;
const ENTITY: Record<string, string> = { "&": "&amp;", "<": "&lt;", '"': "&quot;" };

/** Preact's escaping (`&`, `<`, `"`): the same bytes as the same text rendered in JSX. */
export function escapeHtml(text: string): string {
  return SPECIAL.test(text) ? text.replace(SPECIALS, (c) => ENTITY[c]!) : text;
}
