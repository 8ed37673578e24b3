import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Config } from "../../src/config/index.js";
import { testEngines } from "../helpers/engines.js";
import { setSetting } from "../../src/modules/settings/index.js";
import { commentForm, makeArticle } from "../helpers/factories.js";
import { formBody } from "../helpers/http.js";
import { openTestApp, type TestApp } from "../helpers/runtime.js";
import { startServer } from "../helpers/server.js";

/** An app whose extra route says who Fastify thinks the client is (address, scheme, host). */
async function appWith(overrides: Partial<Omit<Config, "database">>): Promise<TestApp> {
  const t = await openTestApp("sqlite", undefined, overrides);
  t.app.get("/__who", (req) => ({ ip: req.ip, protocol: req.protocol, host: req.host }));
  return t;
}

const who = async (t: TestApp, headers: Record<string, string>, remoteAddress = "127.0.0.1") =>
  (await t.app.inject({ url: "/__who", headers, remoteAddress })).json<{
    ip: string;
    protocol: string;
    host: string;
  }>();

describe("the client behind proxies", () => {
  const apps: TestApp[] = [];
  afterAll(() => Promise.all(apps.map((a) => a.close())));
  const open = async (o: Partial<Omit<Config, "database">>) => {
    const t = await appWith(o);
    apps.push(t);
    return t;
  };
  // The client wrote "6.6.6.6" itself; the one proxy in front appended the address it saw.
  const spoofed = { "x-forwarded-for": "6.6.6.6, 203.0.113.7", "x-forwarded-proto": "https" };

  it("without a trusted proxy, is the socket's peer whatever the headers say", async () => {
    const t = await open({ trustProxy: false });
    expect(await who(t, spoofed)).toMatchObject({ ip: "127.0.0.1", protocol: "http" });
  });

  it("with one hop, is what the nearest proxy saw, never the client's first entry", async () => {
    const t = await open({ trustProxy: 1 });
    expect(await who(t, spoofed)).toEqual({
      ip: "203.0.113.7",
      protocol: "https",
      host: "localhost:80",
    });
  });

  it("with two hops, is the entry the farther proxy added", async () => {
    const t = await open({ trustProxy: 2 });
    // client → 10.0.0.2 (appends the client's 198.51.100.9) → 127.0.0.1 (appends 10.0.0.2) → us
    expect((await who(t, { "x-forwarded-for": "6.6.6.6, 198.51.100.9, 10.0.0.2" })).ip).toBe(
      "198.51.100.9",
    );
  });

  it("with a list of addresses/CIDRs, walks back through the named proxies only", async () => {
    const t = await open({ trustProxy: ["127.0.0.1", "10.0.0.0/8"] });
    // Through two of ours: the first address that is not ours is the client.
    expect((await who(t, { "x-forwarded-for": "6.6.6.6, 203.0.113.7, 10.1.2.3" })).ip).toBe(
      "203.0.113.7",
    );
    // From a peer not on the list, nothing forwarded is believed, scheme included.
    expect(await who(t, spoofed, "192.0.2.50")).toMatchObject({
      ip: "192.0.2.50",
      protocol: "http",
    });
  });
});

describe.each(testEngines())("the public origin on %s", (engine) => {
  let t: TestApp;
  let slug: string;
  beforeAll(async () => {
    t = await openTestApp(engine, undefined, {
      publicUrl: "https://journal.example",
      trustProxy: 1,
    });
    slug = (await makeArticle(t.ctx, { slug: "origine-publique" })).slug;
  });
  afterAll(() => t.close());

  const hosts = [
    { host: "evil.example" },
    { host: "journal.example", "x-forwarded-host": "evil.example", "x-forwarded-proto": "http" },
    { host: "" },
  ];

  it.each(hosts)("feed and sitemap link to it whatever the Host (%j)", async (headers) => {
    for (const url of ["/feed.xml", "/feed.atom", "/feed.json", "/sitemaps/articles-1.xml"]) {
      const res = await t.app.inject({ url, headers });
      expect(res.statusCode, url).toBe(200);
      // The same for everyone: a CDN may keep it.
      expect(res.headers["cache-control"], url).toContain("s-maxage=60");
      expect(res.body, url).toContain(`https://journal.example/article/${slug}`);
      expect(res.body, url).not.toContain("evil.example");
      expect(res.body, url).not.toContain("http://journal");
    }
    const index = await t.app.inject({ url: "/sitemap.xml", headers });
    expect(index.body).toContain("https://journal.example/sitemaps/articles-1.xml");
    expect(index.body).not.toContain("evil.example");
  });

  it("takes a post from a browser on it for the site's own, whatever Host the proxy sent", async () => {
    const post = (headers: Record<string, string>) =>
      t.app.inject({
        method: "POST",
        url: `/article/${slug}/commentaires`,
        // No Sec-Fetch-Site: the older browsers that only send Origin.
        headers: { host: "kiosque-backend:3000", ...headers },
        payload: { name: "Léa", email: "lea@example.org", body: "Bonjour." },
      });
    const from = await post({ origin: "https://journal.example" });
    expect(from.statusCode).not.toBe(403);
    expect((await post({ origin: "https://evil.example" })).statusCode).toBe(403);
    expect((await post({ origin: "http://journal.example" })).statusCode).toBe(403);
  });

  it.each(hosts.slice(0, 2))("pages name it in their canonical link (%j)", async (headers) => {
    for (const [url, canonical] of [
      [`/article/${slug}`, `https://journal.example/article/${slug}`],
      ["/", "https://journal.example/"],
    ] as const) {
      const res = await t.app.inject({ url, headers });
      expect(res.statusCode, url).toBe(200);
      expect(res.body, url).toContain(`<link rel="canonical" href="${canonical}"/>`);
      expect(res.body, url).not.toContain("evil.example");
    }
  });
});

describe.each(testEngines())("no public origin set, behind a proxy, on %s", (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await openTestApp(engine, undefined, { trustProxy: 1 });
    await makeArticle(t.ctx, { slug: "sans-origine" });
  });
  afterAll(() => t.close());

  // A proxy passes on the X-Forwarded-Host a client wrote; a CDN in front keys on Host and path.
  it("keeps answers built on the request's origin from every shared cache", async () => {
    const headers = { host: "journal.example", "x-forwarded-host": "evil.example" };
    for (const url of ["/feed.xml", "/feed.atom", "/sitemap.xml", "/robots.txt"]) {
      const res = await t.app.inject({ url, headers });
      expect(res.statusCode, url).toBe(200);
      expect(res.headers["cache-control"], url).toBe("private, max-age=0, must-revalidate");
    }
    // Pages link by path: the same for every origin, a CDN may keep them.
    const page = await t.app.inject({ url: "/article/sans-origine", headers });
    expect(page.headers["cache-control"]).toContain("s-maxage=60");
  });
});

describe("a production server without a public URL", () => {
  it("says so in its log at start, and not once the URL is set", async () => {
    const bare = await startServer({ env: { NODE_ENV: "production", LOG_LEVEL: "warn" } });
    try {
      expect(bare.output()).toContain("KIOSQUE_PUBLIC_URL is not set");
    } finally {
      await bare.stop();
    }
    const set = await startServer({
      env: {
        NODE_ENV: "production",
        LOG_LEVEL: "warn",
        KIOSQUE_PUBLIC_URL: "https://journal.example",
      },
    });
    try {
      expect(set.output()).not.toContain("KIOSQUE_PUBLIC_URL");
    } finally {
      await set.stop();
    }
  });
});

describe.each(testEngines())("the rate limit behind one proxy on %s", (engine) => {
  let t: TestApp;
  let slug: string;
  beforeAll(async () => {
    t = await openTestApp(engine, undefined, { trustProxy: 1 });
    slug = (await makeArticle(t.ctx)).slug;
    await setSetting(t.ctx, "rateLimit.comments.max", "2");
  });
  afterAll(() => t.close());

  it("counts the address the proxy saw, whatever the client wrote before it", async () => {
    const post = (forwardedFor: string) =>
      t.app.inject({
        method: "POST",
        url: `/article/${slug}/commentaires`,
        headers: {
          "content-type": "application/x-www-form-urlencoded",
          "x-forwarded-for": forwardedFor,
        },
        payload: formBody(commentForm()),
      });
    // Held back without JavaScript: a 303 to the refused form's page (decision 022), which only
    // a limit's refusal sends with Retry-After.
    const code = (res: { statusCode: number; headers: Record<string, unknown> }) =>
      res.headers["retry-after"] !== undefined ? 429 : res.statusCode;
    // The client invents a new first entry each time; the proxy appends its real address.
    const codes = [];
    for (let i = 1; i <= 4; i++) codes.push(code(await post(`192.0.2.${i}, 203.0.113.9`)));
    expect(codes).toEqual([303, 303, 429, 429]);
    // Another real client, behind the same proxy, is not held back.
    expect(code(await post("192.0.2.1, 203.0.113.10"))).toBe(303);
  });
});
