import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { renderFragment } from "../document.js";
import { messages } from "../i18n/index.js";
import { mediaPickerLabels } from "../i18n/media-picker.js";
import type { MediaPickerLabels } from "../media-picker-contract.js";
import { MediaPickerButton } from "./media-picker-button.js";

const t = messages("fr");

/** The attributes of the first `<tag …>` in `html`, values decoded as a browser would. */
function attributes(html: string, tag: string): Record<string, string> {
  const open = new RegExp(`<${tag}((?:\\s+[a-z-]+(?:="[^"]*")?)*)\\s*/?>`).exec(html);
  if (!open) throw new Error(`no <${tag}> in ${html}`);
  const decode = (s: string) =>
    s
      .replace(/&quot;/g, '"')
      .replace(/&lt;/g, "<")
      .replace(/&gt;/g, ">")
      .replace(/&amp;/g, "&");
  return Object.fromEntries(
    [...(open[1] ?? "").matchAll(/([a-z-]+)(?:="([^"]*)")?/g)].map((m) => [
      m[1],
      decode(m[2] ?? ""),
    ]),
  );
}

describe("MediaPickerButton", () => {
  it("is a hidden button naming the text to insert into, and a link for pages without JavaScript", () => {
    const html = renderFragment(<MediaPickerButton t={t} id="insert-image" target="body" />);
    const button = attributes(html, "button");
    expect(button).toMatchObject({
      type: "button",
      id: "insert-image",
      hidden: "",
      "data-media-picker": "",
      "data-library": "/admin/medias",
      "data-target": "body",
    });
    expect(JSON.parse(button["data-labels"]!) as MediaPickerLabels).toEqual(mediaPickerLabels.fr);
    expect(button).not.toHaveProperty("data-fill-id");
    expect(html).toContain(`>${t.newsroom.media.picker.insert}</button>`);
    expect(attributes(html, "a")).toEqual({
      class: "media-picker-fallback",
      href: "/admin/medias",
      target: "_blank",
      rel: "noopener",
    });
    expect(html).not.toContain("media-picker-preview");
  });

  it("names the featured image's inputs and its preview, showing the image chosen so far", () => {
    const html = renderFragment(
      <MediaPickerButton
        t={t}
        id="featured"
        fill={{
          id: "image_media_id",
          alt: "image_alt",
          caption: "image_caption",
          credit: "image_credit",
        }}
        current={{ src: "/media/a/b.webp", alt: "La digue" }}
      />,
    );
    expect(attributes(html, "button")).toMatchObject({
      "data-fill-id": "image_media_id",
      "data-fill-alt": "image_alt",
      "data-fill-caption": "image_caption",
      "data-fill-credit": "image_credit",
      "data-preview": "featured-preview",
    });
    expect(attributes(html, "button")).not.toHaveProperty("data-target");
    expect(html).toContain(`>${t.newsroom.media.picker.choose}</button>`);
    expect(html).toContain(
      '<span class="media-picker-preview" id="featured-preview"><img src="/media/a/b.webp" alt="La digue"/></span>',
    );
  });
});

describe("mediaPickerLabels", () => {
  const keys = (o: object): string[] =>
    Object.entries(o).flatMap(([k, v]) =>
      typeof v === "object" && v !== null ? keys(v as object).map((s) => `${k}.${s}`) : [k],
    );

  it("has every word in French and in English, and the island reads each one", () => {
    const island = readFileSync(join(import.meta.dirname, "../islands/media-picker.ts"), "utf8");
    expect(keys(mediaPickerLabels.en)).toEqual(keys(mediaPickerLabels.fr));
    for (const key of keys(mediaPickerLabels.fr)) {
      expect(island, key).toContain(`L.${key}`);
      for (const locale of ["fr", "en"] as const)
        expect(
          key
            .split(".")
            .reduce<unknown>(
              (o, k) => (o as Record<string, unknown>)[k],
              mediaPickerLabels[locale],
            ),
        ).not.toBe("");
    }
  });
});
