/**
 * Cleans what a journalist pastes from Word or Google Docs (or any page) before the editor reads
 * it (ProseMirror's `transformPastedHTML`): the meaning stays — paragraphs, headings, lists,
 * bold, italic, links — and the office suite's dressing goes. Pure: HTML in, HTML out, through
 * an inert template (nothing in it runs or loads). Samples: test/fixtures/paste/.
 *
 * - Google Docs wraps everything in `<b style="font-weight:normal" id="docs-internal-guid-…">`
 *   (not bold at all) and marks bold and italic with styled spans (font-weight:700,
 *   font-style:italic); it nests a sub-list straight inside its list.
 * - Word writes `<o:p>`, `class="MsoNormal"`, `mso-` styles and conditional comments, and its
 *   lists are paragraphs styled `mso-list:l0 level1 lfo1` whose bullet or number is text inside
 *   `<![if !supportLists]>…<![endif]>`.
 */
import { linkHref } from "./urls.js";

/** Elements whose content is no text of the article: dropped whole. */
const DROP =
  "script, style, meta, link, title, head, template, iframe, frame, object, embed, applet, svg, math, canvas, video, audio, picture, source, input, button, select, textarea, form, noscript";

/** Elements the editor has a meaning for (or reads through, as it does a div); others are unwrapped. */
const KEEP = new Set(
  "p div h1 h2 h3 h4 h5 h6 blockquote ul ol li strong b em i a br figure figcaption small img hr table thead tbody tfoot tr td th pre code sub sup abbr cite q".split(
    " ",
  ),
);

/** Attributes that carry meaning, by element; all others (style, class, id, lang…) go. */
const ATTRIBUTES: Readonly<Record<string, readonly string[]>> = {
  a: ["href"],
  img: ["src", "alt", "width", "height"],
  figure: ["class", "data-provider"],
  small: ["class"],
  abbr: ["title"],
  th: ["scope"],
};

/** ProseMirror marks its own clipboard with this: keeping it keeps a copy within the editor whole. */
const PM_SLICE = "data-pm-slice";

const BLOCKS = new Set(
  "P DIV H1 H2 H3 H4 H5 H6 BLOCKQUOTE UL OL LI FIGURE TABLE PRE HR".split(" "),
);

/**
 * Word's list bullet or number sits between `<![if !supportLists]>` and `<![endif]>` (or the same
 * inside `<!--…-->`). The HTML parser would turn those into comments and keep the marker as text:
 * it is fenced in an element here so that the list can be rebuilt and the marker dropped.
 */
const WORD_LIST_MARKER =
  /<!(?:--)?\[if !supportLists\](?:--)?>([\s\S]*?)<!(?:--)?\[endif\](?:--)?>/gi;

/**
 * A start tag, attributes and all (a quoted value may hold `>`), and one attribute in it. Style
 * attributes are renamed before parsing: the page's Content-Security-Policy (style-src 'self')
 * reports every inline style the parser meets, even in an inert document, and pasted office HTML
 * has one on nearly every element. The cleaner still reads them, under this name.
 */
const START_TAG =
  /<[a-zA-Z][^\s/>]*(?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*\s*\/?>/g;
/** Read from left to right, so a quoted value is never taken for an attribute's name. */
const ATTRIBUTE = /(\s+)([^\s"'>/=]+)(\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?/g;
const PASTED_STYLE = "data-pasted-style";

function renameStyles(html: string): string {
  return html.replace(START_TAG, (tag) =>
    tag.replace(ATTRIBUTE, (all, space: string, name: string, value: string | undefined) =>
      name.toLowerCase() === "style" ? `${space}${PASTED_STYLE}${value ?? ""}` : all,
    ),
  );
}

/** A list's marker that counts: "1.", "a)", "iv.", "(2)"; "·", "o" and "§" are bullets. */
const ORDERED_MARKER = /^\s*\(?[0-9a-z]{1,6}[.)]/i;

function styles(el: Element): Map<string, string> {
  const out = new Map<string, string>();
  for (const declaration of (el.getAttribute(PASTED_STYLE) ?? "").split(";")) {
    const colon = declaration.indexOf(":");
    if (colon < 0) continue;
    const name = declaration.slice(0, colon).trim().toLowerCase();
    const value = declaration
      .slice(colon + 1)
      .replace(/!important/i, "")
      .trim()
      .toLowerCase();
    out.set(name, value);
  }
  return out;
}

const BOLD = /^(?:bold|bolder|[6-9]00)$/;
const NOT_BOLD = /^(?:normal|lighter|[1-4]00)$/;
const ITALIC = /^(?:italic|oblique)/;

function unwrap(el: Element): void {
  el.replaceWith(...Array.from(el.childNodes));
}

function rename(el: Element, tag: string): Element {
  const next = el.ownerDocument.createElement(tag);
  for (const attr of Array.from(el.attributes)) next.setAttribute(attr.name, attr.value);
  next.append(...Array.from(el.childNodes));
  el.replaceWith(next);
  return next;
}

/** Moves an element's children into a new `tag` inside it: `<span>x</span>` → `<span><em>x</em></span>`. */
function wrapChildren(el: Element, tag: string): void {
  const inner = el.ownerDocument.createElement(tag);
  inner.append(...Array.from(el.childNodes));
  el.append(inner);
}

function removeComments(root: Element): void {
  const walker = root.ownerDocument.createTreeWalker(root, NodeFilter.SHOW_COMMENT);
  const comments: Node[] = [];
  while (walker.nextNode()) comments.push(walker.currentNode);
  for (const c of comments) c.parentNode?.removeChild(c);
}

/** Word's list paragraphs (`mso-list:l0 level2 lfo1`) become real, nested lists. */
function rebuildWordLists(root: Element): void {
  const doc = root.ownerDocument;
  let list: Element | undefined;
  let stack: { level: number; list: Element }[] = [];
  for (const p of Array.from(root.querySelectorAll("p, h1, h2, h3, h4, h5, h6"))) {
    const style = styles(p).get("mso-list") ?? "";
    if (!/^l\d+/.test(style)) continue;
    const level = Number(/level(\d+)/.exec(style)?.[1] ?? "1");
    const markers = p.querySelectorAll(
      `kq-list-marker, span[${PASTED_STYLE}*="mso-list:ignore" i]`,
    );
    const ordered = ORDERED_MARKER.test(markers[0]?.textContent ?? "");
    for (const m of Array.from(markers)) m.remove();
    const item = doc.createElement("li");
    item.append(...Array.from(p.childNodes));
    // A list goes on while its paragraphs follow each other.
    if (!list || p.previousElementSibling !== list) {
      list = doc.createElement(ordered ? "ol" : "ul");
      p.before(list);
      stack = [{ level, list }];
    }
    while (stack.length > 1 && (stack.at(-1)?.level ?? 0) > level) stack.pop();
    const top = stack.at(-1) ?? { level, list };
    if (level > top.level) {
      let parent = top.list.lastElementChild;
      if (!parent) top.list.append((parent = doc.createElement("li")));
      const sub = doc.createElement(ordered ? "ol" : "ul");
      parent.append(sub);
      stack.push({ level, list: sub });
      sub.append(item);
    } else {
      top.list.append(item);
    }
    p.remove();
  }
}

/** Google Docs puts a sub-list straight inside its list; HTML (and the editor) want it in an item. */
function nestLooseLists(root: Element): void {
  for (const sub of Array.from(root.querySelectorAll(":is(ul, ol) > :is(ul, ol)"))) {
    let item = sub.previousElementSibling;
    if (item?.tagName !== "LI") {
      item = sub.ownerDocument.createElement("li");
      sub.before(item);
    }
    item.append(sub);
  }
}

/** Bold and italic said with styles (Google Docs, Word Online) said with elements instead. */
function stylesToElements(root: Element): void {
  for (const wrapper of Array.from(root.querySelectorAll('b[id^="docs-internal-guid"]')))
    unwrap(wrapper);
  for (const el of Array.from(root.querySelectorAll(`[${PASTED_STYLE}]`))) {
    const style = styles(el);
    const weight = style.get("font-weight") ?? "";
    const inHeading = el.closest("h1, h2, h3, h4, h5, h6") !== null;
    if ((el.tagName === "B" || el.tagName === "STRONG") && (NOT_BOLD.test(weight) || inHeading)) {
      unwrap(el);
      continue;
    }
    if (!["SPAN", "FONT", "A"].includes(el.tagName)) continue;
    if (BOLD.test(weight) && !inHeading) wrapChildren(el, "strong");
    if (ITALIC.test(style.get("font-style") ?? "")) wrapChildren(el, "em");
  }
  for (const el of Array.from(root.querySelectorAll(":is(h1, h2, h3, h4, h5, h6) :is(b, strong)")))
    unwrap(el);
}

/** The editor's two levels below the page's headline (as the allowlist does). */
function headings(root: Element): void {
  for (const h of Array.from(root.querySelectorAll("h1"))) rename(h, "h2");
  for (const h of Array.from(root.querySelectorAll("h4, h5, h6"))) rename(h, "h3");
}

/** Links readers may follow, without Google's redirect in front; other anchors keep their text. */
function links(root: Element): void {
  for (const a of Array.from(root.querySelectorAll("a"))) {
    let href = a.getAttribute("href") ?? "";
    const redirect = /^https:\/\/www\.google\.com\/url\?/.test(href) ? new URL(href) : undefined;
    if (redirect?.searchParams.get("q")) href = redirect.searchParams.get("q") ?? "";
    const safe = linkHref(href);
    if (safe === undefined) unwrap(a);
    else a.setAttribute("href", safe);
  }
}

function isBlank(el: Element): boolean {
  return (el.textContent ?? "").replace(/[\s\u00a0]/g, "") === "" && !el.querySelector("img, hr");
}

/**
 * Line breaks that only separate blocks (Google Docs puts a `<br>` between paragraphs) and the
 * empty paragraphs Word keeps for spacing.
 */
function removeSpacing(root: Element): void {
  for (const br of Array.from(root.querySelectorAll("br"))) {
    let before = br.previousSibling;
    while (before?.nodeType === Node.TEXT_NODE && (before.textContent ?? "").trim() === "")
      before = before.previousSibling;
    const afterBlock = before instanceof Element && BLOCKS.has(before.tagName);
    if (afterBlock || br.classList.contains("Apple-interchange-newline")) br.remove();
  }
  for (const el of Array.from(root.querySelectorAll("p, h1, h2, h3, h4, h5, h6, li")).reverse())
    if (isBlank(el) && !el.querySelector("ul, ol")) el.remove();
}

function stripAttributes(el: Element): void {
  const keep = ATTRIBUTES[el.localName] ?? [];
  for (const attr of Array.from(el.attributes))
    if (!keep.includes(attr.name) && attr.name !== PM_SLICE) el.removeAttribute(attr.name);
}

/**
 * The HTML as elements, under a detached root. Not DOMParser's document: Chromium holds a
 * `<style>` parsed there (Word's clipboard has one) to the page's CSP and reports it. In a
 * template's content a `<style>` is never connected, so never applied; the head's elements land
 * among the others, for DROP to take away.
 */
function parse(html: string): HTMLElement {
  const doc = document.implementation.createHTMLDocument("");
  const template = doc.createElement("template");
  template.innerHTML = html;
  const root = doc.createElement("div");
  root.append(template.content);
  return root;
}

/** The pasted HTML as the editor should read it. */
export function cleanPastedHtml(html: string): string {
  const marked = renameStyles(html).replace(
    WORD_LIST_MARKER,
    "<kq-list-marker>$1</kq-list-marker>",
  );
  const root = parse(marked);
  removeComments(root);
  for (const el of Array.from(root.querySelectorAll(DROP))) el.remove();
  // Pictures from a document point at the author's disk (Word) or at short-lived copies (Google
  // Docs): images come in through the media library, with alt text and credit.
  for (const img of Array.from(root.querySelectorAll("img")))
    if (!img.closest("figure.image")) img.remove();
  rebuildWordLists(root);
  for (const marker of Array.from(root.querySelectorAll("kq-list-marker"))) marker.remove();
  nestLooseLists(root);
  stylesToElements(root);
  headings(root);
  links(root);
  // Deepest first, so an element is unwrapped after everything inside it was looked at.
  for (const el of Array.from(root.querySelectorAll("*")).reverse()) {
    if (!KEEP.has(el.localName)) unwrap(el);
    else stripAttributes(el);
  }
  removeSpacing(root);
  return root.innerHTML;
}
