import { render } from "preact-render-to-string";
import { describe, expect, it } from "vitest";
import {
  CommentForm,
  FullCommentForm,
  type CommentFormState,
} from "../src/modules/comments/views/comment-form.js";
import { emptyCommentForm } from "../src/modules/comments/validation.js";
import { rememberedForm } from "../src/pages/personal-parts.js";
import { renderFragment } from "../src/web/document.js";
import { formatter } from "../src/web/i18n/format.js";
import { messages, type Locale } from "../src/web/i18n/index.js";
import { FullSiteLayout, SiteLayout } from "../src/web/layouts/site-layout.js";
import type { Site } from "../src/web/site.js";
import { XSS_PAYLOADS } from "./fixtures/xss-payloads.js";

/**
 * Markup rendered once and kept (the blank comment form, the site's header and footer) is the
 * markup a full render gives, whatever the page puts in it: a page never differs by being the
 * second of its kind.
 */
function site(locale: Locale, extra: Partial<Site> = {}): Site {
  const t = messages(locale);
  return {
    name: 'Le "Kiosque" & <co>',
    description: "",
    t,
    fmt: formatter(t, "Europe/Paris"),
    categories: [
      { slug: "politique", name: "Politique" },
      { slug: "sports", name: "Sports <b>" },
    ],
    footerLinks: [],
    assets: {} as Site["assets"],
    canonical: (path) => path,
    ...extra,
  };
}

const sites = (["fr", "en"] as const).flatMap((locale) => [
  site(locale),
  site(locale, {
    description: "Quotidien : « local » !",
    footerLinks: [{ slug: "mentions-legales", title: "Mentions <légales>" }],
  }),
]);

const formState = (overrides: Partial<CommentFormState>): CommentFormState => ({
  action: "/article/un-titre/commentaires",
  values: emptyCommentForm,
  errors: {},
  stamp: "12.1796128584480.abc",
  cancelReplyHref: "/article/un-titre#respond",
  ...overrides,
});

describe("markup kept from a first render", () => {
  it("a blank comment form is the full form, whatever action, stamp and link it holds", () => {
    for (const s of sites)
      for (const gifPicker of [undefined, "/assets/gif-picker.js?v=1"])
        for (const value of ["/article/x", ...XSS_PAYLOADS]) {
          const state = formState({
            action: value,
            stamp: value,
            cancelReplyHref: value,
            gifPicker,
          });
          expect(render(<CommentForm site={s} state={state} />)).toBe(
            render(<FullCommentForm site={s} state={state} />),
          );
        }
  });

  it("a form with values, errors or a reply is rendered in full", () => {
    const s = site("fr");
    const states = [
      formState({ values: { ...emptyCommentForm, name: "Zoé" } }),
      formState({
        values: { ...emptyCommentForm, parent: "12" },
        replyTo: { id: 12, name: "Léa" },
      }),
      formState({ errors: { body: "Le commentaire est vide." } }),
      formState({ stamp: "" }),
    ];
    for (const state of states) {
      const html = render(<CommentForm site={s} state={state} />);
      expect(html).toBe(render(<FullCommentForm site={s} state={state} />));
    }
    expect(render(<CommentForm site={s} state={states[0]!} />)).toContain('value="Zoé"');
  });

  it("a form with a reader's remembered values is the form rendered with them", () => {
    const s = site("fr");
    const state = formState({});
    const remembered = rememberedForm(s, state);
    for (const value of XSS_PAYLOADS.filter((p) => p !== "")) {
      const who = { name: value, email: `${value}@example.org`, website: `https://x.org/${value}` };
      const full = renderFragment(
        <CommentForm
          site={s}
          state={{ ...state, values: { ...state.values, ...who, remember: true } }}
        />,
      );
      expect(remembered(who).html).toBe(full);
    }
  });

  it("a page's header and footer are the full layout's, in every section", () => {
    for (const s of sites)
      for (const section of [undefined, "politique", "sports", "<inconnue>"]) {
        const content = <p>Contenu : {XSS_PAYLOADS[0]}</p>;
        const kept = render(
          <SiteLayout site={s} section={section}>
            {content}
          </SiteLayout>,
        );
        expect(kept).toBe(
          render(
            <FullSiteLayout site={s} section={section}>
              {content}
            </FullSiteLayout>,
          ),
        );
        // Asked again, from what was kept: the same.
        expect(
          render(
            <SiteLayout site={s} section={section}>
              {content}
            </SiteLayout>,
          ),
        ).toBe(kept);
      }
  });

  it("a new site (any change makes one) gets its own header", () => {
    const before = site("fr");
    const after = { ...before, name: "Autre titre" };
    const page = (s: Site) =>
      render(
        <SiteLayout site={s}>
          <p>x</p>
        </SiteLayout>,
      );
    expect(page(before)).toContain("Le &quot;Kiosque&quot; &amp; &lt;co>");
    expect(page(after)).toContain("Autre titre");
    expect(page(after)).not.toContain("&quot;Kiosque&quot;");
  });
});
