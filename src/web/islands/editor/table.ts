/**
 * Tables, as the article allowlist (lib/sanitize.ts) keeps them: `table`, `thead`, `tbody`, `tr`,
 * `th` (with its `scope`) and `td`, nothing else. @tiptap/extension-table edits them (Tab to the
 * next cell, a row added at the end); what it would store is changed here, because it writes a
 * `style` and a `<colgroup>` the allowlist drops, puts every row in `<tbody>` (a `<thead>` would be
 * lost) and wraps each cell's words in a `<p>` the stored table did not have.
 */
import { Table, TableCell, TableHeader, TableRow } from "@tiptap/extension-table";
import { DOMSerializer, type DOMOutputSpec } from "@tiptap/pm/model";

/**
 * Cell attributes the allowlist drops and the Content-Security-Policy would refuse (alignment is
 * written as an inline style): never read from HTML, so never written back.
 */
const NOT_STORED = { default: null, rendered: false, parseHTML: () => null };

export const ArticleTableCell = TableCell.extend({
  addAttributes() {
    return { ...this.parent?.(), align: NOT_STORED, colwidth: NOT_STORED };
  },
});

export const ArticleTableHeader = TableHeader.extend({
  addAttributes() {
    return {
      ...this.parent?.(),
      align: NOT_STORED,
      colwidth: NOT_STORED,
      // Which cells it heads (col, row…): what a screen reader announces with each cell.
      scope: { default: null, parseHTML: (el) => el.getAttribute("scope") },
    };
  },
});

/** A row of the table's `<thead>`: the table writes it there again (see below). */
export const ArticleTableRow = TableRow.extend({
  addAttributes() {
    return {
      head: {
        default: false,
        rendered: false,
        parseHTML: (el) => el.parentElement?.localName === "thead",
      },
    };
  },
});

/** `<td><p>412</p></td>` as `<td>412</td>`: the editor's paragraph in a cell is its own. */
function unwrapLoneParagraphs(row: Node): void {
  if (!(row instanceof Element)) return;
  for (const cell of Array.from(row.children)) {
    const only = cell.firstChild;
    if (cell.childNodes.length === 1 && only instanceof Element && only.localName === "p")
      only.replaceWith(...Array.from(only.childNodes));
  }
}

/**
 * The stored table: its leading head rows in `<thead>`, the others in `<tbody>`, no style, no
 * `<colgroup>`. This rendering has no content hole, so it is for the saved HTML (and the
 * clipboard) only: the editing area MUST keep drawing the table with the extension's node view
 * (TableView, its default `View`), whose `<tbody>` holds the editable rows.
 */
export const ArticleTable = Table.extend({
  renderHTML({ node }) {
    const serializer = DOMSerializer.fromSchema(node.type.schema);
    const head: Node[] = [];
    const body: Node[] = [];
    node.forEach((row) => {
      const dom = serializer.serializeNode(row);
      unwrapLoneParagraphs(dom);
      // A head row below a body row (one was added above it) can no longer be in the head.
      if (row.attrs.head === true && body.length === 0) head.push(dom);
      else body.push(dom);
    });
    const sections: DOMOutputSpec[] = [];
    if (head.length > 0) sections.push(["thead", ...head]);
    if (body.length > 0) sections.push(["tbody", ...body]);
    return ["table", ...sections];
  },
}).configure({ resizable: false });
