import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { typeset } from "../../src/web/typography.js";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  importWordpress,
  uploadsFolder,
  type ImportReport,
} from "../../src/modules/imports/index.js";
import { jpegWithGps } from "../fixtures/media/images.js";
import { testEngines } from "../helpers/engines.js";
import { inputValue } from "../helpers/http.js";
import { postForm, signedIn, signInForm } from "../helpers/staff.js";
import { root } from "../helpers/paths.js";
import { openTestApp, openTestRuntime, type TestApp } from "../helpers/runtime.js";

const SITE = path.join(root, "test/fixtures/wordpress/cases/site.xml");
/** Seven posts with a guid and a link but no wp:post_id, and comments with or without theirs. */
const NO_POST_IDS = path.join(root, "test/fixtures/wordpress/theme-preview.xml");

/** A copy of wp-content/uploads with the export's one picture, and a link out of the folder. */
function uploadsCopy(): { dir: string; outside: string } {
  const base = fs.mkdtempSync(path.join(os.tmpdir(), "kiosque-uploads-"));
  const dir = path.join(base, "uploads");
  fs.mkdirSync(path.join(dir, "2024/03"), { recursive: true });
  const outside = path.join(base, "secret.jpg");
  return { dir, outside };
}

async function article(t: TestApp, slug: string) {
  return t.ctx.db.selectFrom("articles").selectAll().where("slug", "=", slug).executeTakeFirst();
}

describe.each(testEngines())("WordPress import cases on %s", (engine) => {
  let t: TestApp;
  let report: ImportReport;
  let uploads: { dir: string; outside: string };
  beforeAll(async () => {
    t = await openTestApp(engine);
    uploads = uploadsCopy();
    const photo = await jpegWithGps(600, 400);
    fs.writeFileSync(path.join(uploads.dir, "2024/03/pont.jpg"), photo);
    fs.writeFileSync(uploads.outside, photo);
    fs.symlinkSync(uploads.outside, path.join(uploads.dir, "2024/03/escape.jpg"));
    report = await importWordpress(t.ctx, {
      file: SITE,
      media: await uploadsFolder(uploads.dir),
    });
  }, 120_000);
  afterAll(async () => {
    await t.close();
    fs.rmSync(path.dirname(uploads.dir), { recursive: true, force: true });
  });

  it("maps each WordPress status as the issue says", async () => {
    expect((await article(t, "budget-vote"))?.status).toBe("published");
    expect((await article(t, "a-venir"))?.status).toBe("scheduled");
    expect((await article(t, "brouillon-sans-date"))?.status).toBe("draft");
    expect((await article(t, "en-relecture"))?.status).toBe("draft");
    expect((await article(t, "prive"))?.status).toBe("draft");
    expect((await article(t, "protege"))?.status).toBe("draft");
    expect(await article(t, "jete")).toBeUndefined();
    expect(report.skipped["posts in the trash"]).toBe(1);
    expect(report.look.some((l) => l.includes('"Privé" was private'))).toBe(true);
    expect(report.look.some((l) => l.includes('"Protégé" had a password'))).toBe(true);
  });

  it("keeps dates in the right time zone, the sticky flag and the excerpt", async () => {
    const a = await article(t, "budget-vote");
    expect(a?.published_at).toBe("2024-03-05T09:30:00.000Z");
    expect(a?.updated_at).toBe("2024-03-06T11:00:00.000Z");
    expect(a?.sticky).toBe(1);
    expect(a?.standfirst).toBe("Le budget est voté.");
    expect(a?.title).toBe("Le conseil municipal vote le budget & la « réforme »");
    expect((await article(t, "a-venir"))?.published_at).toBe("2030-01-01T08:00:00.000Z");
    // A draft has no GMT date: its local date is read in the site's zone (Europe/Paris, UTC+1).
    expect((await article(t, "brouillon-sans-date"))?.created_at).toBe("2024-03-07T17:15:00.000Z");
  });

  it("decodes names, imports a term listed twice once, flattens sections", async () => {
    const sections = await t.ctx.db.selectFrom("categories").select(["slug", "name"]).execute();
    expect(sections).toEqual(
      expect.arrayContaining([
        { slug: "politique", name: "Politique & société" },
        { slug: "municipales", name: "Élections « municipales »" },
      ]),
    );
    expect(sections.filter((s) => s.slug === "politique")).toHaveLength(1);
    const tags = await t.ctx.db.selectFrom("tags").select(["slug", "name"]).execute();
    expect(tags).toEqual(
      expect.arrayContaining([
        { slug: "ecole", name: "École" },
        { slug: "ete", name: 'L’été "chaud"' },
      ]),
    );
    expect(report.skipped["categories listed twice (imported once)"]).toBe(1);
    expect(report.look.some((l) => l.includes("was under politique"))).toBe(true);
    const author = await t.ctx.db
      .selectFrom("users")
      .selectAll()
      .where("slug", "=", "marc")
      .executeTakeFirst();
    expect(author?.name).toBe("Marc L'Hôte");
    expect(author?.email).toBe("marc@import.invalid");
    expect(author?.role).toBe("author");
  });

  it("converts content: paragraphs, figures, link cards, unknown shortcodes out", async () => {
    const body = (await article(t, "budget-vote"))?.body_html ?? "";
    expect(body).toContain("<p>Premier paragraphe, sur<br />\ndeux lignes.</p>");
    expect(body).toMatch(/<figure class="image"><img src="\/media\/[^"]+" alt="Le pont de pierre"/);
    expect(body).toContain("<figcaption>Le pont, ce matin</figcaption>");
    expect(body).toContain(
      '<figure class="embed" data-provider="youtube"><a href="https://www.youtube.com/watch?v=dQw4w9WgXcQ"',
    );
    expect(body).toContain('data-provider="vimeo"');
    expect(body).toContain("Votez !");
    expect(body).not.toMatch(/contact-form|sondage|<script|onclick|wp-content/);
    expect(report.unknownShortcodes).toMatchObject({ "contact-form-7": 1, sondage: 1 });
    const block = (await article(t, "bloc"))?.body_html ?? "";
    expect(block).toContain("<p>Un paragraphe de bloc.</p>");
    expect(block).toContain('data-provider="x"');
    expect(block).not.toContain("wp:");
    expect(report.unknownShortcodes["block:latest-posts"]).toBe(1);
  });

  it("takes the featured image from the uploads copy, never a file outside it", async () => {
    const a = await article(t, "budget-vote");
    expect(a?.image_media_id).not.toBeNull();
    expect(a?.image_alt).toBe("Le pont de pierre");
    const images = await t.ctx.db.selectFrom("media").selectAll().execute();
    expect(images).toHaveLength(1);
    expect(images[0]?.caption).toBe("Le pont au lever du jour");
    // A link out of the folder, an encoded "../" and a "../" the address parser resolves.
    expect(report.look.filter((l) => l.includes("outside the uploads folder"))).toHaveLength(2);
    expect(report.look.some((l) => l.includes("etc/hostname.jpg: not an upload"))).toBe(true);
  });

  it("keeps threads, statuses, e-mails the Kiosque way, and the count", async () => {
    const a = await article(t, "budget-vote");
    const rows = await t.ctx.db
      .selectFrom("comments")
      .selectAll()
      .where("article_id", "=", a!.id)
      .orderBy("id")
      .execute();
    const by = (name: string) => rows.find((r) => r.author_name === name)!;
    expect(rows).toHaveLength(8);
    expect(by("Paul").parent_id).toBe(by("Jean").id);
    expect(by("Léa").parent_id).toBe(by("Paul").id);
    expect(by("Léa").depth).toBe(2);
    expect(by("Léa").root_id).toBe(by("Jean").id);
    expect(by("Orphelin").parent_id).toBeNull();
    expect(by("Attente").status).toBe("pending");
    expect(by("Casino").status).toBe("spam");
    expect(by("Corbeille").status).toBe("trash");
    expect(by("Jean").body).toBe("Très bien.\nMerci & bravo.");
    expect(by("Jean").email_hash).toMatch(/^[0-9a-f]{64}$|^[A-Za-z0-9_-]{20,}$/);
    expect(by("Jean").ip_hash).toBeNull();
    expect(by("Paul").author_website).toBeNull();
    expect(by("Jean").author_website).toBe("https://jean.example/");
    // Approved comments only: the pingback is a mention, listed and counted apart.
    expect(a?.comment_count).toBe(4);
    expect(by("Autre Blog")).toMatchObject({ kind: "pingback", parent_id: null });
    expect(by("Jean").kind).toBe("comment");
    expect(report.imported["replies whose parent was missing (now top-level)"]).toBe(1);
    expect(report.imported["pingbacks and trackbacks"]).toBe(1);
  });

  it("serves pages at their own address, listed in the footer in order", async () => {
    expect(report.imported["pages (published)"]).toBe(2);
    const page = await t.app.inject({ url: "/page/mentions-legales" });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(typeset("Directeur de la publication : Claire Dubois."));
    const home = await t.app.inject({ url: "/" });
    const footer = home.body.slice(home.body.indexOf("site-footer"));
    expect(footer.indexOf("/page/a-propos")).toBeGreaterThan(0);
    expect(footer.indexOf("/page/a-propos")).toBeLessThan(footer.indexOf("/page/mentions-legales"));
  });

  it("answers every old address with a 301 to its new one", async () => {
    const image = await t.ctx.db.selectFrom("media").select("master_key").executeTakeFirstOrThrow();
    const moved: [string, string][] = [
      ["/2024/03/05/budget-vote/", "/article/budget-vote"],
      ["/2024/03/05/budget-vote", "/article/budget-vote"],
      ["/?p=100", "/article/budget-vote"],
      ["/index.php?p=100", "/article/budget-vote"],
      ["/?page_id=200", "/page/mentions-legales"],
      ["/mentions-legales/", "/page/mentions-legales"],
      ["/category/politique/municipales/", "/rubrique/municipales"],
      ["/category/politique/", "/rubrique/politique"],
      ["/?cat=3", "/rubrique/politique"],
      ["/tag/%c3%a9t%c3%a9/", "/tag/ete"],
      ["/author/claire/", "/auteur/claire"],
      ["/?author=7", "/auteur/claire"],
      ["/feed/", "/feed.xml"],
      ["/?feed=rss2", "/feed.xml"],
      ["/wp-content/uploads/2024/03/pont.jpg", `/media/${image.master_key}`],
      ["/2024/03/05/pont/photo-du-pont/", `/media/${image.master_key}`],
      ["/?attachment_id=20", `/media/${image.master_key}`],
      ["/article/budget-2024", "/article/budget-vote"],
      // The keys that named the old address stay behind; the rest goes on.
      ["/?p=100&utm_source=lettre", "/article/budget-vote?utm_source=lettre"],
    ];
    for (const [from, to] of moved) {
      const res = await t.app.inject({ url: from });
      expect([from, res.statusCode, res.headers.location]).toEqual([from, 301, to]);
    }
    expect((await t.app.inject({ url: "/?utm_source=x" })).statusCode).toBe(200);
    expect((await t.app.inject({ url: "/?p=999" })).statusCode).toBe(200);
    // A draft's, a future article's, and a byline's that signs nothing published: kept, but
    // answered only once readers may see where they lead, never telling a draft's address.
    for (const hidden of ["/?p=102", "/?p=101", "/2030/01/01/a-venir/", "/?author=8"]) {
      const res = await t.app.inject({ url: hidden });
      expect([hidden, res.statusCode, res.headers.location]).toEqual([
        hidden,
        hidden.startsWith("/?") ? 200 : 404,
        undefined,
      ]);
    }
    expect((await t.app.inject({ url: "/2024/03/05/nowhere/" })).statusCode).toBe(404);
    expect(
      (await t.app.inject({ method: "POST", url: "/2024/03/05/budget-vote/" })).statusCode,
    ).not.toBe(301);
  });

  it("lets an imported author, who has no password, take their account by an invitation", async () => {
    const claire = await t.ctx.db
      .selectFrom("users")
      .selectAll()
      .where("slug", "=", "claire")
      .executeTakeFirstOrThrow();
    expect(claire.password_hash).toBe("");
    expect(
      (await signInForm(t.app, { email: "claire@courrier.example", password: "" })).statusCode,
    ).not.toBe(303);
    // Her imported article, cached under her imported name (kept from its second render).
    for (let i = 0; i < 2; i++) await t.app.inject({ url: "/article/budget-vote" });
    expect((await t.app.inject({ url: "/article/budget-vote" })).body).toContain(claire.name);
    const admin = await signedIn(t.app, t.ctx, "admin");
    const invited = await postForm(t.app, "/admin/personnes/invitations", admin.cookie, {
      email: "claire@courrier.example",
      role: "editor",
    });
    expect(invited.statusCode).toBe(200);
    const path = new URL(inputValue(invited.body, "invitation-link")).pathname;
    const accepted = await postForm(t.app, path, "", {
      name: "Claire Dubois-Martin",
      locale: "fr",
      password: "un mot de passe assez long",
      confirm: "un mot de passe assez long",
    });
    expect(accepted.statusCode).toBe(303);
    const after = await t.ctx.db
      .selectFrom("users")
      .selectAll()
      .where("slug", "=", "claire")
      .executeTakeFirstOrThrow();
    expect([after.id, after.role]).toEqual([claire.id, "editor"]);
    expect((await article(t, "budget-vote"))?.author_id).toBe(claire.id);
    // The byline of the cached page is the name she gave.
    expect((await t.app.inject({ url: "/article/budget-vote" })).body).toContain(
      "Claire Dubois-Martin",
    );
    const signIn = await signInForm(t.app, {
      email: "claire@courrier.example",
      password: "un mot de passe assez long",
    });
    expect(signIn.statusCode).toBe(303);
  });

  it("leaves pingbacks out with --no-pingbacks, and a dry run writes nothing", async () => {
    const rt = await openTestRuntime(engine);
    try {
      const dry = await importWordpress(rt.ctx, { file: SITE, dryRun: true, pingbacks: false });
      expect(dry.dryRun).toBe(true);
      expect(dry.imported["articles (published)"]).toBe(2);
      expect(dry.skipped["pingbacks and trackbacks (--no-pingbacks)"]).toBe(1);
      for (const table of [
        "articles",
        "comments",
        "users",
        "redirects",
        "wordpress_imports",
      ] as const) {
        const { rows } = await sql<{
          n: number | string;
        }>`select count(*) as n from ${sql.table(table)}`.execute(rt.ctx.db);
        expect([table, Number(rows[0]?.n)]).toEqual([table, 0]);
      }
      const real = await importWordpress(rt.ctx, { file: SITE, pingbacks: false });
      expect(real.imported["pingbacks and trackbacks"]).toBeUndefined();
      const n = await rt.ctx.db
        .selectFrom("comments")
        .select((eb) => eb.fn.countAll().as("n"))
        .executeTakeFirstOrThrow();
      expect(Number(n.n)).toBe(7);
    } finally {
      await rt.close();
    }
  });

  it("imports each item without a post id once, and finds each again on a second run", async () => {
    const rt = await openTestRuntime(engine);
    try {
      const dry = await importWordpress(rt.ctx, { file: NO_POST_IDS, dryRun: true });
      expect(dry.imported["articles (published)"]).toBe(7);
      const real = await importWordpress(rt.ctx, { file: NO_POST_IDS });
      expect(real.imported["articles (published)"]).toBe(7);
      expect(real.already).toEqual({});
      // Old addresses are the items' own links, never a `?p=` made of a key that is no number.
      const paths = await rt.ctx.db.selectFrom("redirects").select("path").execute();
      expect(paths.filter((r) => /\?(p|page_id)=(?![0-9]+$)/.test(r.path))).toEqual([]);
      expect(paths.length).toBeGreaterThan(0);
      const again = await importWordpress(rt.ctx, { file: NO_POST_IDS });
      expect(again.imported["articles (published)"]).toBeUndefined();
      expect(again.already["articles"]).toBe(7);
    } finally {
      await rt.close();
    }
  });
});
