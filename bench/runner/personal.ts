import http from "node:http";
import type { Load } from "./load.js";
import { ARTICLE_PATH } from "./scenarios.js";
import { get } from "./http.js";

/** What the article page says to the author of a held comment (fr, the demo's language). */
const HELD_NOTICE = "comment-pending";

function postForm(url: string, fields: Record<string, string>): Promise<http.IncomingMessage> {
  const body = new URLSearchParams(fields).toString();
  return new Promise((resolve, reject) => {
    const req = http.request(
      url,
      {
        method: "POST",
        agent: false,
        headers: {
          "content-type": "application/x-www-form-urlencoded",
          "content-length": Buffer.byteLength(body),
          "sec-fetch-site": "same-origin",
        },
      },
      (res) => {
        res.resume();
        res.on("end", () => resolve(res));
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}

/**
 * The worst common reader: one who ticked "remember me" and whose comment on this very article
 * awaits moderation. Posts that comment as a browser would, keeps the cookies it is given
 * (kq_mine, signed, and kq_commenter), and checks that the page shows the held comment to them
 * before anything is measured. As a browser, it takes brotli or gzip.
 */
export async function personalPageLoad(baseUrl: string): Promise<Load> {
  const run = `${process.pid.toString(36)}${Date.now().toString(36)}`;
  const res = await postForm(`${baseUrl}${ARTICLE_PATH}/commentaires`, {
    name: "Lectrice fidèle",
    email: `fidele-${run}@bench.example`,
    body: `Un avis qui attend la modération (${run}).`,
    remember: "1",
  });
  const cookies = (res.headers["set-cookie"] ?? []).map((c) => c.split(";")[0] ?? "");
  if (res.statusCode !== 303 || !cookies.some((c) => c.startsWith("kq_mine=")))
    throw new Error(`the personal page's comment was not held (status ${res.statusCode})`);
  const cookie = cookies.join("; ");
  // The page the reader lands on, where their comment is (a redirect may lead there).
  let path = (res.headers.location ?? ARTICLE_PATH).split("#")[0] ?? ARTICLE_PATH;
  let page = await get(`${baseUrl}${path}`, { cookie });
  for (let hops = 0; page.status === 302 && hops < 3; hops++) {
    path = String(page.headers.location).split("#")[0] ?? ARTICLE_PATH;
    page = await get(`${baseUrl}${path}`, { cookie });
  }
  if (!page.body.toString().includes(HELD_NOTICE))
    throw new Error(`the personal page ${path} does not show the reader's held comment`);
  return {
    method: "GET",
    path,
    headers: { cookie, "accept-encoding": "br, gzip" },
    ok: (s) => s === 200,
  };
}
