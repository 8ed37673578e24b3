import { Editor, Extension, type JSONContent } from "@tiptap/core";
import { NodeSelection, TextSelection } from "@tiptap/pm/state";
import type { EditorLabels } from "../../editor-labels.js";
import { recogniseEmbed } from "../../../lib/embeds.js";
import { askInDialog } from "./dialog.js";
import { articleExtensions } from "./extensions.js";
import { imageAttrs, type ImageAttrs } from "./nodes.js";
import { cleanPastedHtml } from "./paste.js";
import { buildToolbar, type Tool } from "./toolbar.js";
import { imageSrc, linkHref, ownImageSrc } from "./urls.js";

/** The event the media library sends to the field's textarea to put a picture at the cursor. */
export const INSERT_IMAGE_EVENT = "kiosque:insert-image";

/**
 * The document as stored: the empty paragraph the editor keeps after a last figure or list (so
 * that one can write below it) is the editor's, not the article's.
 */
function storedHtml(editor: Editor): string {
  return editor.isEmpty ? "" : editor.getHTML().replace(/(?:<p><\/p>)+$/, "");
}

/**
 * Turns one `textarea[data-editor=rich]` (web/components/rich-text-field.tsx) into the editor:
 * the textarea is hidden and stays the form's field, the editor follows it, and every change is
 * written back into it as HTML with an `input` event (autosave listens to the form's).
 */
export function mountRichEditor(textarea: HTMLTextAreaElement): Editor {
  const labels = JSON.parse(textarea.dataset.labels ?? "") as EditorLabels;
  const label = textarea.labels?.[0];
  if (label && !label.id) label.id = `${textarea.id}-label`;

  const area: Record<string, string> = {
    role: "textbox",
    "aria-multiline": "true",
    // Styled as readers will see it.
    class: "rich-editor-content article-body",
  };
  if (label) area["aria-labelledby"] = label.id;
  for (const name of ["aria-describedby", "aria-invalid"]) {
    const value = textarea.getAttribute(name);
    if (value) area[name] = value;
  }

  const shell = document.createElement("div");
  shell.className = "rich-editor";
  const surface = document.createElement("div");
  surface.className = "rich-editor-surface";

  // Mod-K asks for a link, as in most editors; the dialog is defined below.
  const shortcuts = Extension.create({
    name: "kiosqueShortcuts",
    addKeyboardShortcuts: () => ({ "Mod-k": () => (void editLink(), true) }),
  });

  const editor = new Editor({
    element: surface,
    extensions: [...articleExtensions(), shortcuts],
    content: textarea.value,
    // The Content-Security-Policy allows no inline <style>: editor.css carries Tiptap's rules.
    injectCSS: false,
    editorProps: {
      attributes: area,
      transformPastedHTML: cleanPastedHtml,
    },
    onUpdate: () => {
      textarea.value = storedHtml(editor);
      textarea.dispatchEvent(new Event("input", { bubbles: true }));
    },
  });

  const chain = () => editor.chain().focus();

  /**
   * Puts a figure or card at the cursor, then the cursor in the text after it (a new paragraph
   * when none follows): left selected, the block would be replaced by the next key typed.
   */
  function insertBlock(content: JSONContent): void {
    chain()
      .insertContent(content)
      .command(({ tr }) => {
        if (!(tr.selection instanceof NodeSelection)) return true;
        const after = tr.selection.to;
        const paragraph = editor.schema.nodes.paragraph;
        if (!tr.doc.resolve(after).nodeAfter?.isTextblock && paragraph)
          tr.insert(after, paragraph.create());
        tr.setSelection(TextSelection.create(tr.doc, after + 1)).scrollIntoView();
        return true;
      })
      .run();
  }

  // The site's public URL, when the operator set one: the newsroom layout says it on its <main>.
  const publicUrl =
    textarea.closest<HTMLElement>("[data-public-url]")?.dataset.publicUrl || undefined;
  /** An image address as the article keeps it, or undefined (not an image's, another site's). */
  const ownImage = (value: string): string | undefined => {
    const src = imageSrc(value);
    return src && ownImageSrc(src, window.location.origin, publicUrl);
  };

  /** The problem with an image's address: none, not an image's address, or another site's. */
  function imageProblem(value: string): string | undefined {
    if (!imageSrc(value)) return labels.problems.imageUrl;
    return ownImage(value) ? undefined : labels.problems.imageElsewhere;
  }

  async function editLink(): Promise<void> {
    const current = (editor.getAttributes("link").href as string | undefined) ?? "";
    const values = await askInDialog({
      title: labels.dialog.linkTitle,
      submit: labels.dialog.apply,
      cancel: labels.dialog.cancel,
      fields: [
        {
          name: "url",
          label: labels.dialog.linkUrl,
          hint: labels.dialog.linkHint,
          type: "url",
          value: current,
          check: (v) => (v === "" || linkHref(v) ? undefined : labels.problems.linkUrl),
        },
      ],
    });
    if (!values) return void editor.commands.focus();
    const href = linkHref(values.url ?? "");
    if (!href) return void chain().extendMarkRange("link").unsetLink().run();
    if (editor.state.selection.empty && !editor.isActive("link"))
      return void chain()
        .insertContent({
          type: "text",
          text: values.url,
          marks: [{ type: "link", attrs: { href } }],
        })
        .run();
    chain().extendMarkRange("link").setLink({ href }).run();
  }

  async function editImage(): Promise<void> {
    const selected = editor.isActive("figureImage")
      ? (editor.getAttributes("figureImage") as ImageAttrs)
      : undefined;
    const required = (v: string) => (v === "" ? labels.problems.required : undefined);
    const d = labels.dialog;
    const values = await askInDialog({
      title: d.imageTitle,
      submit: selected ? d.apply : d.insert,
      cancel: d.cancel,
      fields: [
        {
          name: "src",
          label: d.imageUrl,
          type: "url",
          value: selected?.src,
          check: (v) => required(v) ?? imageProblem(v),
        },
        {
          name: "alt",
          label: d.imageAlt,
          hint: d.imageAltHint,
          value: selected?.alt,
          check: required,
        },
        { name: "caption", label: d.imageCaption, value: selected?.caption },
        { name: "credit", label: d.imageCredit, value: selected?.credit },
      ],
    });
    if (!values) return void editor.commands.focus();
    const attrs = imageAttrs({ ...selected, ...values, src: ownImage(values.src ?? "") });
    if (!attrs) return;
    if (selected) chain().updateAttributes("figureImage", attrs).run();
    else insertBlock({ type: "figureImage", attrs });
  }

  async function insertEmbed(): Promise<void> {
    const values = await askInDialog({
      title: labels.dialog.embedTitle,
      submit: labels.dialog.insert,
      cancel: labels.dialog.cancel,
      fields: [
        {
          name: "url",
          label: labels.dialog.embedUrl,
          hint: labels.dialog.embedHint,
          type: "url",
          check: (v) => (recogniseEmbed(v) ? undefined : labels.problems.embedUrl),
        },
      ],
    });
    const embed = recogniseEmbed(values?.url ?? "");
    if (!embed) return void editor.commands.focus();
    insertBlock({ type: "embed", attrs: embed });
  }

  const is = (name: string, attrs?: Record<string, unknown>) => () => editor.isActive(name, attrs);
  const tools: Tool[][] = [
    [
      {
        name: "heading2",
        label: labels.heading2,
        run: () => chain().toggleHeading({ level: 2 }).run(),
        active: is("heading", { level: 2 }),
      },
      {
        name: "heading3",
        label: labels.heading3,
        run: () => chain().toggleHeading({ level: 3 }).run(),
        active: is("heading", { level: 3 }),
      },
    ],
    [
      {
        name: "bold",
        label: labels.bold,
        run: () => chain().toggleBold().run(),
        active: is("bold"),
      },
      {
        name: "italic",
        label: labels.italic,
        run: () => chain().toggleItalic().run(),
        active: is("italic"),
      },
      { name: "link", label: labels.link, run: () => void editLink(), active: is("link") },
    ],
    [
      {
        name: "bullet-list",
        label: labels.bulletList,
        run: () => chain().toggleBulletList().run(),
        active: is("bulletList"),
      },
      {
        name: "ordered-list",
        label: labels.orderedList,
        run: () => chain().toggleOrderedList().run(),
        active: is("orderedList"),
      },
      {
        name: "blockquote",
        label: labels.blockquote,
        run: () => chain().toggleBlockquote().run(),
        active: is("blockquote"),
      },
    ],
    [
      { name: "image", label: labels.image, run: () => void editImage() },
      { name: "embed", label: labels.embed, run: () => void insertEmbed() },
    ],
    [
      {
        name: "undo",
        label: labels.undo,
        run: () => chain().undo().run(),
        enabled: () => editor.can().undo(),
      },
      {
        name: "redo",
        label: labels.redo,
        run: () => chain().redo().run(),
        enabled: () => editor.can().redo(),
      },
    ],
  ];
  const toolbar = buildToolbar(labels.toolbar, tools);
  editor.on("transaction", toolbar.refresh);

  shell.append(toolbar.element, surface);
  textarea.after(shell);
  textarea.hidden = true;

  // The label points at the hidden textarea; a click on it goes to the editor instead.
  label?.addEventListener("click", (event) => {
    event.preventDefault();
    editor.commands.focus();
  });
  // The form hears of a change once, from the textarea, when the textarea already holds it: not
  // also from the editing area, whose own input events come before the editor has read them.
  surface.addEventListener("input", (event) => event.stopPropagation());
  // A link in the text (or a card) is for readers: in the editor a click places the cursor.
  editor.view.dom.addEventListener("click", (event) => {
    if (event.target instanceof Element && event.target.closest("a")) event.preventDefault();
  });
  textarea.addEventListener(INSERT_IMAGE_EVENT, (event) => {
    const attrs = imageAttrs((event as CustomEvent<unknown>).detail);
    if (attrs) insertBlock({ type: "figureImage", attrs });
  });
  textarea.dataset.editorReady = "true";
  return editor;
}
