import { OPERATOR } from "../../src/modules/accounts/index.js";
import type { FastifyInstance, LightMyRequestResponse } from "fastify";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { buildApp } from "../../src/app.js";
import type { Problem } from "../../src/lib/errors.js";
import {
  choicesOf,
  defaults,
  keysOf,
  kindOf,
  schemaOf,
  elsewhere,
  screenIds,
  setSettings,
  type ScreenId,
  type SettingKey,
} from "../../src/modules/settings/index.js";
import { openRuntime, type Runtime } from "../../src/runtime.js";
import { fr } from "../../src/web/i18n/fr.js";
import { problemTexts } from "../../src/web/i18n/index.js";
import { BLNS, showsNothing } from "../fixtures/hostile/blns.js";
import { XSS_PAYLOADS } from "../fixtures/xss-payloads.js";
import { testEngines } from "../helpers/engines.js";
import { FAKE_AKISMET_KEY, startFakeAkismet, type FakeAkismet } from "../helpers/fake-akismet.js";
import { makeArticle } from "../helpers/factories.js";
import {
  formBody,
  inputValue,
  jsonLdBlocks,
  RUNNABLE_SCRIPT,
  startTags,
  textareaValue,
  textById,
} from "../helpers/http.js";
import { testAssetsDir } from "../helpers/paths.js";
import { openTestApp, type TestApp } from "../helpers/runtime.js";
import { getPage, postForm, signedIn, type StaffMember } from "../helpers/staff.js";
import { LONG_LOOP_MS } from "../helpers/timeouts.js";

const URLS: Record<ScreenId, string> = {
  site: "/admin/reglages",
  discussion: "/admin/reglages/discussion",
  integrations: "/admin/reglages/integrations",
};
const fieldId = (key: string) => `setting-${key.replaceAll(".", "-")}`;
const messageOf = (problem: Problem) => problemTexts(fr, { f: problem }).f;

/** What the page shows in a setting's field: as a browser would post it back. */
function shown(html: string, key: SettingKey): string | boolean {
  const id = fieldId(key);
  const tags = startTags(html);
  switch (kindOf(key)) {
    case "boolean":
      return tags.find((t) => t.name === "input" && t.attrs.get("id") === id)!.attrs.has("checked");
    case "list":
      return textareaValue(html, id);
    case "choice":
    case "zone": {
      const at = tags.findIndex((t) => t.name === "select" && t.attrs.get("id") === id);
      for (let i = at + 1; tags[i]?.name === "option"; i++)
        if (tags[i]!.attrs.has("selected")) return tags[i]!.attrs.get("value") ?? "";
      return "";
    }
    default:
      return inputValue(html, id);
  }
}

/** The screen's form as the page fills it: what a browser posts when nothing is changed. */
function formOf(html: string, screen: ScreenId): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const key of keysOf(screen)) {
    const v = shown(html, key);
    if (v === true) fields[key] = "1";
    else if (typeof v === "string") fields[key] = v;
  }
  return fields;
}

/** Another value the setting accepts, as a form posts it, and as it is then stored. */
function otherValue(key: SettingKey, current: unknown): { posted: string | null; stored: unknown } {
  const s = schemaOf(key);
  switch (kindOf(key)) {
    case "integer": {
      const v = current === s.maximum ? (s.minimum as number) : (s.maximum as number);
      return { posted: String(v), stored: v };
    }
    case "boolean":
      return { posted: current ? null : "1", stored: !current };
    case "choice": {
      const v = choicesOf(key).find((c) => c !== current)!;
      return { posted: v, stored: v };
    }
    case "zone":
      return { posted: "America/Montreal", stored: "America/Montreal" };
    case "list":
      return { posted: "casino\n\n  viagra  \nmot <b>", stored: ["casino", "viagra", "mot <b>"] };
    case "secret":
      return { posted: "abcdef123456XYZ", stored: "abcdef123456XYZ" };
    default:
      if (key === "akismet.endpoint")
        return { posted: "http://127.0.0.1:9/akismet", stored: "http://127.0.0.1:9/akismet" };
      if (key === "gif.giphyEndpoint" || key === "gif.klipyEndpoint")
        return { posted: "http://127.0.0.1:9/gifs", stored: "http://127.0.0.1:9/gifs" };
      return { posted: "  Le « Kiosque » <b>&</b> ✓ ", stored: "Le « Kiosque » <b>&</b> ✓" };
  }
}

/** A bad value for a setting's field, with the problem its message must name. */
interface Bad {
  label: string;
  value: string | string[];
  problem: Problem;
}

function badValues(key: SettingKey): Bad[] {
  const s = schemaOf(key);
  const repeated: Bad = {
    label: "repeated",
    value: ["un", "deux"],
    problem: { problem: "notText" },
  };
  const control: Bad[] = [
    { label: "NUL", value: "a\u0000b", problem: { problem: "control" } },
    { label: "C0", value: "a\u0007b", problem: { problem: "control" } },
    { label: "C1", value: "a\u0085b", problem: { problem: "control" } },
  ];
  switch (kindOf(key)) {
    case "integer":
      return [
        repeated,
        ...control,
        { label: "empty", value: "", problem: { problem: "required" } },
        { label: "words", value: "beaucoup", problem: { problem: "notNumber" } },
        { label: "decimal", value: "1.5", problem: { problem: "notNumber" } },
        { label: "exponent", value: "1e3", problem: { problem: "notNumber" } },
        {
          label: "below",
          value: String((s.minimum as number) - 1),
          problem: { problem: "belowMin", limit: s.minimum as number },
        },
        {
          label: "above",
          value: String((s.maximum as number) + 1),
          problem: { problem: "aboveMax", limit: s.maximum as number },
        },
      ];
    case "boolean":
      return [repeated];
    case "choice":
      return [
        repeated,
        { label: "unknown", value: "de", problem: { problem: "choice" } },
        { label: "empty", value: "", problem: { problem: "choice" } },
        { label: "NUL", value: "fr\u0000", problem: { problem: "control" } },
      ];
    case "zone":
      return [
        repeated,
        ...control,
        { label: "unknown", value: "Mars/Olympus", problem: { problem: "choice" } },
        { label: "empty", value: "", problem: { problem: "required" } },
      ];
    case "list": {
      const item = s.items as { maxLength: number };
      return [
        repeated,
        ...control,
        {
          label: "too many lines",
          value: Array.from({ length: (s.maxItems as number) + 1 }, (_, i) => `m${i}`).join("\n"),
          problem: { problem: "tooManyLines", limit: s.maxItems as number },
        },
        {
          label: "line too long",
          value: `court\n${"é".repeat(item.maxLength + 1)}`,
          problem: { problem: "lineTooLong", limit: item.maxLength },
        },
      ];
    }
    case "secret":
      return [
        repeated,
        ...control,
        { label: "space", value: "abc def", problem: { problem: "lettersDigits" } },
        {
          label: "too long",
          value: "a".repeat((s.maxLength as number) + 1),
          problem: { problem: "tooLong", limit: s.maxLength as number },
        },
      ];
    default: {
      const bad: Bad[] = [
        repeated,
        ...control,
        {
          label: "too long",
          value: "é".repeat((s.maxLength as number) + 1),
          problem: { problem: "tooLong", limit: s.maxLength as number },
        },
      ];
      if ((s.minLength ?? 0) > 0)
        bad.push(
          { label: "empty", value: "  ", problem: { problem: "required" } },
          // A site name of zero-width characters showed as no name at all.
          { label: "invisible", value: "\u200b\u2060", problem: { problem: "required" } },
        );
      if (key === "akismet.endpoint" || key === "gif.giphyEndpoint" || key === "gif.klipyEndpoint")
        bad.push({ label: "scheme", value: "ftp://x.example", problem: { problem: "url" } });
      return bad;
    }
  }
}

/** Tags the settings screens' templates use: anything else in a page came from input. */
const TEMPLATE_TAGS = new Set(
  (
    "html head meta title link body a header div p nav ul ol li main section form label input " +
    "button span h1 h2 table thead tbody tr th td select option textarea fieldset legend strong code"
  ).split(" "),
);

function expectInert(res: LightMyRequestResponse, where: string) {
  const strange = startTags(res.body)
    .filter(
      (t) =>
        // Our own islands (the logo's media picker, the menu's counts), from our assets.
        !(
          t.name === "script" &&
          /^\/assets\/[\w.-]+\.js(\?v=[\w-]+)?$/.test(t.attrs.get("src") ?? "")
        ) &&
        (!TEMPLATE_TAGS.has(t.name) ||
          [...t.attrs.keys()].some((a) => a.startsWith("on")) ||
          /^\s*javascript:/i.test(t.attrs.get("href") ?? "")),
    )
    .map((t) => res.body.slice(t.start, t.end));
  expect(strange, where).toEqual([]);
  expect(res.body, where).not.toMatch(/<script(?![^>]*\bsrc="\/assets\/)/i);
}

// eslint-disable-next-line no-control-regex -- the characters under test
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

/** Every setting a screen shows, set back to its default (and the test runtime's own three). */
async function resetScreens(t: TestApp) {
  const values: Partial<Record<SettingKey, unknown>> = {};
  for (const screen of screenIds) for (const key of keysOf(screen)) values[key] = defaults[key];
  await setSettings(t.ctx, OPERATOR, {
    ...values,
    "comments.minFillSeconds": 0,
    "comments.burstMax": 0,
    "rateLimit.comments.max": 0,
  });
}

describe.each(testEngines())("settings screens on %s", (engine) => {
  let t: TestApp;
  let admin: StaffMember;
  let fake: FakeAkismet;

  beforeAll(async () => {
    t = await openTestApp(engine);
    admin = await signedIn(t.app, t.ctx, "admin");
    fake = await startFakeAkismet();
  });
  beforeEach(() => resetScreens(t));
  afterAll(async () => {
    await fake.close();
    await t.close();
  });

  const rows = () => t.ctx.db.selectFrom("settings").selectAll().orderBy("key").execute();
  const page = (screen: ScreenId) => getPage(t.app, URLS[screen], admin.cookie);
  const post = (screen: ScreenId, fields: Record<string, string | readonly string[]>) =>
    postForm(t.app, URLS[screen], admin.cookie, fields);

  it("lists every setting on one screen, but the second-factor switch of the People page", () => {
    const onScreens = screenIds.flatMap(keysOf);
    expect(new Set(onScreens).size).toBe(onScreens.length);
    expect([...onScreens, ...elsewhere].sort()).toEqual(Object.keys(defaults).sort());
    for (const key of onScreens) {
      const words =
        fr.newsroom.settingsPage.fields[key as keyof typeof fr.newsroom.settingsPage.fields];
      expect(words?.label, key).toBeTruthy();
      expect(words?.hint, key).toBeTruthy();
    }
  });

  it.each(screenIds)("round-trips every key of the %s screen", async (screen) => {
    const before = await page(screen);
    expect(before.statusCode).toBe(200);
    const settings = await t.ctx.settings();
    const fields = formOf(before.body, screen);
    const expected: Record<string, unknown> = {};
    for (const key of keysOf(screen)) {
      const { posted, stored } = otherValue(key, settings[key]);
      if (posted === null) delete fields[key];
      else fields[key] = posted;
      expected[key] = stored;
    }
    const res = await post(screen, fields);
    expect(res.statusCode, res.body).toBe(303);
    expect(res.headers.location).toBe(`${URLS[screen]}?ok=1`);
    const after = await t.ctx.settings();
    for (const key of keysOf(screen)) expect(after[key], key).toEqual(expected[key]);
    const again = await getPage(t.app, `${URLS[screen]}?ok=1`, admin.cookie);
    expect(again.body).toContain(fr.newsroom.settingsPage.saved);
    for (const key of keysOf(screen)) {
      const value = shown(again.body, key);
      if (kindOf(key) === "secret") expect(value, key).toBe("");
      else if (kindOf(key) === "list")
        expect(value, key).toBe((expected[key] as string[]).join("\n"));
      else if (kindOf(key) === "boolean") expect(value, key).toBe(expected[key]);
      else expect(value, key).toBe(String(expected[key]));
    }
  });

  it.each(screenIds)(
    "refuses each bad value on the %s screen: a message on its field, every value kept, nothing saved",
    async (screen) => {
      const good = formOf((await page(screen)).body, screen);
      for (const key of keysOf(screen)) {
        for (const { label, value, problem } of badValues(key)) {
          const where = `${key} ${label}`;
          const before = await rows();
          const res = await post(screen, { ...good, [key]: value });
          expect(res.statusCode, where).toBe(422);
          expect(res.body, where).toContain(fr.formErrors(1));
          expect(textById(res.body, "span", `${fieldId(key)}-error`), where).toBe(
            messageOf(problem),
          );
          expect(await rows(), where).toEqual(before);
          // Every other field as posted; the bad one as typed, but what cannot show as typed.
          for (const other of keysOf(screen)) {
            if (other === key) continue;
            const v = shown(res.body, other);
            expect(v === true ? "1" : v === false ? undefined : v, `${where}: ${other}`).toBe(
              good[other],
            );
          }
          if (
            typeof value === "string" &&
            !CONTROL.test(value.replace(/\n/g, "")) &&
            kindOf(key) !== "secret" &&
            kindOf(key) !== "boolean"
          )
            expect(shown(res.body, key), where).toBe(value);
          expectInert(res, where);
        }
      }
    },
  );

  it("refuses an empty post of a screen without saving anything", async () => {
    const before = await rows();
    const res = await post("discussion", {});
    expect(res.statusCode).toBe(422);
    expect(await rows()).toEqual(before);
  });

  it(
    `shows the ${BLNS.length + XSS_PAYLOADS.length} hostile strings as the site's name and tagline as text, or refuses them`,
    async () => {
      const good = formOf((await page("site")).body, "site");
      const plainHome = (await t.app.inject({ url: "/" })).body;
      const wrong: string[] = [];
      for (const [i, value] of [...BLNS, ...XSS_PAYLOADS].entries()) {
        for (const key of ["site.name", "site.description"] as const) {
          const where = `${key} #${i} ${JSON.stringify(value)}`;
          const res = await post("site", { ...good, [key]: value });
          if (res.statusCode === 303) {
            const again = await page("site");
            if (shown(again.body, key) !== value.trim()) wrong.push(`${where}: not shown as typed`);
            const home = await t.app.inject({ url: "/" });
            if (
              value.includes("<") &&
              home.body.includes(value.trim()) &&
              !plainHome.includes(value.trim())
            )
              wrong.push(`${where}: raw on the home page`);
            if (RUNNABLE_SCRIPT.test(home.body)) wrong.push(`${where}: script`);
            try {
              jsonLdBlocks(home.body);
            } catch {
              wrong.push(`${where}: broken JSON-LD`);
            }
          } else if (res.statusCode !== 422) {
            wrong.push(`${where}: ${res.statusCode}`);
          } else {
            const refusal = textById(res.body, "span", `${fieldId(key)}-error`);
            // Counted as the schema counts (UTF-16 units), which loading a setting checks again.
            const length = value.trim().length;
            const max = key === "site.name" ? 100 : 300;
            if (!(
              (key === "site.name" && showsNothing(value)) ||
              length > max ||
              refusal === fr.problems.control
            ))
              wrong.push(`${where}: refused with ${refusal}`);
          }
        }
      }
      expect(wrong).toEqual([]);
      await resetScreens(t);
      for (const [i, value] of XSS_PAYLOADS.entries()) {
        const res = await post("site", { ...good, "site.name": value, "site.description": value });
        if (res.statusCode !== 303) continue;
        expectInert(await page("site"), `xss #${i}`);
      }
    },
    LONG_LOOP_MS,
  );

  describe("secrets", () => {
    it("never sends a saved key back: a mask instead; an empty field keeps it; remove clears it", async () => {
      const form = formOf((await page("integrations")).body, "integrations");
      await post("integrations", { ...form, "akismet.apiKey": FAKE_AKISMET_KEY });
      const saved = await page("integrations");
      expect(saved.body).not.toContain(FAKE_AKISMET_KEY);
      expect(saved.body).toContain(`••••${FAKE_AKISMET_KEY.slice(-4)}`);
      expect(shown(saved.body, "akismet.apiKey")).toBe("");
      // The page's own form, posted back as is: the key stays.
      const kept = await post("integrations", formOf(saved.body, "integrations"));
      expect(kept.statusCode).toBe(303);
      expect((await t.ctx.settings())["akismet.apiKey"]).toBe(FAKE_AKISMET_KEY);
      // A new key typed in a form refused for another field: not shown back, asked again.
      const refused = await post("integrations", {
        "akismet.apiKey": "uneautrecle123",
        "akismet.endpoint": "ftp://x.example",
      });
      expect(refused.statusCode).toBe(422);
      expect(refused.body).not.toContain("uneautrecle123");
      expect(refused.body).not.toContain(FAKE_AKISMET_KEY);
      expect(textById(refused.body, "span", `${fieldId("akismet.apiKey")}-error`)).toBe(
        fr.problems.retypeSecret,
      );
      expect((await t.ctx.settings())["akismet.apiKey"]).toBe(FAKE_AKISMET_KEY);
      // Nor in the JSON answer of a refusal.
      const json = await t.app.inject({
        method: "POST",
        url: URLS.integrations,
        headers: {
          cookie: admin.cookie,
          accept: "application/json",
          "content-type": "application/x-www-form-urlencoded",
        },
        payload: formBody({ "akismet.apiKey": "uneautrecle123", "akismet.endpoint": "ftp://x" }),
      });
      expect(json.statusCode).toBe(422);
      expect(json.body).not.toContain("uneautrecle123");
      const removed = await postForm(
        t.app,
        "/admin/reglages/integrations/akismet/retirer-la-cle",
        admin.cookie,
      );
      expect(removed.statusCode).toBe(303);
      expect((await t.ctx.settings())["akismet.apiKey"]).toBe("");
      const after = await getPage(t.app, removed.headers.location as string, admin.cookie);
      expect(after.body).toContain(fr.newsroom.settingsPage.keyRemoved);
      expect(after.body).not.toContain("••••");
    });
  });

  describe("test this key", () => {
    const testKey = () =>
      postForm(t.app, "/admin/reglages/integrations/akismet/tester", admin.cookie);
    const statusLine = async () =>
      /<p class="status[^"]*"><strong>[^<]*<\/strong> ([^<]*)<\/p>/.exec(
        (await page("integrations")).body,
      )?.[1];

    beforeEach(() => {
      fake.verifications.length = 0;
    });

    it("says the key works, after asking the service for this site", async () => {
      await setSettings(t.ctx, OPERATOR, {
        "akismet.apiKey": FAKE_AKISMET_KEY,
        "akismet.endpoint": fake.url,
      });
      expect(await statusLine()).toBe(fr.newsroom.settingsPage.statusUnknown);
      const res = await t.app.inject({
        method: "POST",
        url: "/admin/reglages/integrations/akismet/tester",
        headers: { cookie: admin.cookie, host: "kiosque.test" },
      });
      expect(res.statusCode).toBe(303);
      expect(res.headers.location).toBe("/admin/reglages/integrations?ok=test#integration-akismet");
      expect(fake.verifications.map((f) => [f.get("api_key"), f.get("blog")])).toEqual([
        [FAKE_AKISMET_KEY, "http://kiosque.test"],
      ]);
      expect(await statusLine()).toMatch(/^Fonctionne : dernière réponse correcte le .+\.$/);
    });

    it("says what the service answered to a refused key, and when", async () => {
      await setSettings(t.ctx, OPERATOR, {
        "akismet.apiKey": "mauvaisecle123",
        "akismet.endpoint": fake.url,
      });
      expect((await testKey()).statusCode).toBe(303);
      expect(await statusLine()).toMatch(
        /^Dernière erreur, le .+ : 200 invalid: We were unable to verify your API key\.$/,
      );
    });

    it("says a service that does not answer is unreachable", async () => {
      await setSettings(t.ctx, OPERATOR, {
        "akismet.apiKey": FAKE_AKISMET_KEY,
        "akismet.endpoint": "http://127.0.0.1:9",
      });
      expect((await testKey()).statusCode).toBe(303);
      expect(await statusLine()).toMatch(/^Dernière erreur, le .+ : \w+$/);
    });

    it("forgets the status when the key changes: the service said nothing of the new one", async () => {
      await setSettings(t.ctx, OPERATOR, {
        "akismet.apiKey": FAKE_AKISMET_KEY,
        "akismet.endpoint": fake.url,
      });
      await testKey();
      expect(await statusLine()).toMatch(/^Fonctionne/);
      const form = formOf((await page("integrations")).body, "integrations");
      await post("integrations", { ...form, "akismet.apiKey": "uneautrecle123" });
      expect(await statusLine()).toBe(fr.newsroom.settingsPage.statusUnknown);
    });

    it("asks for a key first when none is saved", async () => {
      const res = await testKey();
      expect(res.statusCode).toBe(422);
      expect(textById(res.body, "span", `${fieldId("akismet.apiKey")}-error`)).toBe(
        fr.problems.noKey,
      );
      expect(fake.verifications).toEqual([]);
    });

    it("records the error of a real comment check, and names no other service", async () => {
      const { slug } = await makeArticle(t.ctx);
      await setSettings(t.ctx, OPERATOR, {
        "akismet.apiKey": "mauvaisecle123",
        "akismet.endpoint": fake.url,
      });
      const comment = await t.app.inject({
        method: "POST",
        url: `/article/${slug}/commentaires`,
        remoteAddress: "203.0.113.9",
        headers: {
          "content-type": "application/x-www-form-urlencoded",
          "user-agent": "Mozilla/5.0 Test",
          host: "kiosque.test",
        },
        payload: formBody({ name: "Zoé", email: "zoe@example.net", body: "Bonjour à tous" }),
      });
      expect(comment.statusCode).toBe(303);
      expect(await statusLine()).toMatch(/^Dernière erreur, le .+ : 200 invalid/);
      const missing = await postForm(
        t.app,
        "/admin/reglages/integrations/giphy/tester",
        admin.cookie,
      );
      expect(missing.statusCode).toBe(404);
    });
  });
});

/** PostgreSQL notices arrive a moment after the commit: ask again until the page changed. */
async function eventually(check: () => Promise<boolean>, ms = 3000): Promise<boolean> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (await check()) return true;
    await new Promise((r) => setTimeout(r, 25));
  }
  return check();
}

describe.each(testEngines())(
  "a settings change on one instance, seen by another on %s",
  (engine) => {
    let a: TestApp;
    let b: Runtime;
    let bApp: FastifyInstance;

    beforeAll(async () => {
      a = await openTestApp(engine);
      // A second runtime on the same database, with its own page cache: another instance.
      b = await openRuntime(a.ctx.config, { log: a.ctx.log, clock: a.clock });
      bApp = await buildApp(b, { assetsDir: testAssetsDir });
    });
    afterAll(async () => {
      await bApp.close();
      await b.close();
      await a.close();
    });

    it("switches the reader pages of the other instance to the new language at once", async () => {
      const { slug } = await makeArticle(a.ctx);
      const url = `/article/${slug}`;
      const first = await bApp.inject({ url });
      expect(first.body).toContain('<html lang="fr"');
      // Kept by B's page cache (once the notice of the article's creation has reached it).
      expect(
        await eventually(
          async () => (await bApp.inject({ url })).headers["x-kiosque-cache"] === "hit",
        ),
      ).toBe(true);

      const admin = await signedIn(a.app, a.ctx, "admin");
      const form = formOf((await getPage(a.app, URLS.site, admin.cookie)).body, "site");
      const saved = await postForm(a.app, URLS.site, admin.cookie, {
        ...form,
        "site.locale": "en",
        "site.name": "The Daily Kiosque",
      });
      expect(saved.statusCode).toBe(303);

      expect(
        await eventually(async () => (await bApp.inject({ url })).body.includes('<html lang="en"')),
      ).toBe(true);
      const page = await bApp.inject({ url });
      expect(page.body).toContain("The Daily Kiosque");
      expect(page.body).toContain(">Leave a comment<");
      expect((await b.ctx.settings())["site.locale"]).toBe("en");
    });
  },
);
