import { describe, expect, it } from "vitest";
import { renderFragment } from "../document.js";
import { editorLabels } from "../i18n/editor.js";
import { RichTextField } from "./rich-text-field.js";

const field = (props: Partial<Parameters<typeof RichTextField>[0]> = {}) =>
  renderFragment(
    <RichTextField
      id="body"
      name="body"
      label="Corps de l’article"
      value="<p>Un <strong>fait</strong>.</p>"
      labels={editorLabels.fr}
      {...props}
    />,
  );

describe("RichTextField", () => {
  it("is a labelled textarea of the article's HTML, marked for the editor island", () => {
    const html = field();
    expect(html).toContain('<label id="body-label" for="body">Corps de l’article</label>');
    expect(html).toMatch(
      /<textarea id="body" name="body" rows="20" data-editor="rich" data-labels="/,
    );
    // The HTML is the textarea's text, escaped, after the newline the parser drops.
    expect(html).toContain(">\n&lt;p>Un &lt;strong>fait&lt;/strong>.&lt;/p></textarea>");
    expect(html).not.toContain("aria-describedby");
    expect(html).not.toContain("aria-invalid");
  });

  it("carries the editor's words as JSON in an attribute", () => {
    const html = field();
    const attr = /data-labels="([^"]*)"/.exec(html)?.[1] ?? "";
    const json = attr.replace(/&quot;/g, '"').replace(/&amp;/g, "&");
    expect(JSON.parse(json)).toEqual(editorLabels.fr);
  });

  it("ties its hint and its problem to the field", () => {
    const html = field({ error: "Ce champ est obligatoire.", describedBy: "body-hint" });
    expect(html).toContain('aria-describedby="body-hint body-error"');
    expect(html).toContain('aria-invalid="true"');
    expect(html).toContain(
      '<span class="field-error" id="body-error">Ce champ est obligatoire.</span>',
    );
    expect(html).toMatch(/^<div class="field field-rich field-invalid">/);
  });

  it("keeps a hostile value inside the textarea", () => {
    const html = field({ value: "</textarea><script>alert(1)</script>" });
    expect(html).not.toContain("<script>");
    expect(html.match(/<\/textarea>/g)).toHaveLength(1);
  });
});

describe("editorLabels", () => {
  it("has every word in French and in English", () => {
    const keys = (o: object): string[] =>
      Object.entries(o).flatMap(([k, v]) =>
        typeof v === "object" && v !== null ? keys(v as object).map((s) => `${k}.${s}`) : [k],
      );
    expect(keys(editorLabels.en)).toEqual(keys(editorLabels.fr));
    for (const locale of ["fr", "en"] as const)
      for (const key of keys(editorLabels[locale]))
        expect(
          key
            .split(".")
            .reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], editorLabels[locale]),
        ).not.toBe("");
  });
});
