import http from "node:http";
import type { AddressInfo } from "node:net";

/** The key the fake accepts; any other gets Akismet's "invalid" answer. */
export const FAKE_AKISMET_KEY = "kiosquetestkey";

/** Akismet's documented test author: always spam, with the "discard" tip. */
export const SPAM_AUTHOR = "viagra-test-123";

export interface FakeAkismet {
  /** Base URL to give as the endpoint setting. */
  url: string;
  /** The form fields of each comment-check call received, in order. */
  calls: URLSearchParams[];
  /** The form fields of each verify-key call received, in order. */
  verifications: URLSearchParams[];
  /** How long the next answers take (a slow service). */
  delayMs: number;
  /** Blanks sent after each comment-check answer's word (a broken or hostile service). */
  paddingBytes: number;
  close(): Promise<void>;
}

/**
 * A local server speaking Akismet's protocol, as its documentation shows it: form POST to
 * /1.1/comment-check, text answers "true", "false" or "invalid", with the X-akismet-pro-tip and
 * X-akismet-debug-help headers; form POST to /1.1/verify-key (api_key, blog), answered "valid"
 * or "invalid" with X-akismet-debug-help.
 */
export async function startFakeAkismet(): Promise<FakeAkismet> {
  const fake: FakeAkismet = {
    url: "",
    calls: [],
    verifications: [],
    delayMs: 0,
    paddingBytes: 0,
    close: async () => {},
  };
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const fields = new URLSearchParams(Buffer.concat(chunks).toString("utf8"));
      if (req.method === "POST" && req.url === "/1.1/verify-key") {
        fake.verifications.push(fields);
        const verify = () => {
          res.setHeader("content-type", "text/plain; charset=utf-8");
          if (fields.get("api_key") === FAKE_AKISMET_KEY && fields.get("blog")) {
            res.end("valid");
          } else {
            res.setHeader("x-akismet-debug-help", "We were unable to verify your API key.");
            res.end("invalid");
          }
        };
        if (fake.delayMs > 0) setTimeout(verify, fake.delayMs);
        else verify();
        return;
      }
      if (req.method !== "POST" || req.url !== "/1.1/comment-check") {
        res.writeHead(404).end();
        return;
      }
      fake.calls.push(fields);
      const answer = () => {
        res.setHeader("content-type", "text/plain; charset=utf-8");
        if (fake.paddingBytes > 0) res.write(`false${" ".repeat(fake.paddingBytes)}`);
        if (fields.get("api_key") !== FAKE_AKISMET_KEY) {
          res.setHeader("x-akismet-debug-help", "We were unable to verify your API key.");
          res.end("invalid");
        } else if (fields.get("comment_author") === SPAM_AUTHOR) {
          res.setHeader("x-akismet-pro-tip", "discard");
          res.end("true");
        } else if (/\bcasino\b/i.test(fields.get("comment_content") ?? "")) {
          res.end("true");
        } else {
          res.end("false");
        }
      };
      if (fake.delayMs > 0) setTimeout(answer, fake.delayMs);
      else answer();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  fake.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  fake.close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return fake;
}
