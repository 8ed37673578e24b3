import http from "node:http";

/**
 * Comment posts against a real server over real sockets, as the island sends them (form body,
 * `Accept: application/json`), for the crash and shutdown tests: who got an answer, who got a
 * connection error, and which comments the server acknowledged.
 */

/** A whole answer: the body is complete (Node checked it against Content-Length or chunking). */
export interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

export type Outcome =
  | { kind: "answered"; answer: Answer }
  /**
   * A connection error (ECONNRESET, ECONNREFUSED, "socket hang up"…): no answer, or, when
   * `cut`, an answer whose head had arrived and whose body never ended.
   */
  | { kind: "failed"; error: string; cut: boolean };

export interface Exchange {
  /**
   * For a `hold` request: resolves on the server's "100 Continue", its word that it has read the
   * request head and taken the request; rejects if the request fails first.
   */
  continued: Promise<void>;
  /** Sends the body of a `hold` request (a no-op for others, which send it at once). */
  sendBody(): void;
  outcome: Promise<Outcome>;
}

export interface SendOptions {
  method: "GET" | "POST";
  path: string;
  headers?: http.OutgoingHttpHeaders;
  body?: string;
  /** Keep-alive pool to use; a connection of its own (closed after the answer) when absent. */
  agent?: http.Agent;
  /** Send the head with `Expect: 100-continue` and hold the body until `sendBody()`. */
  hold?: boolean;
  /** No request of ours takes this long on an idle server; past it, the request failed. */
  timeoutMs?: number;
}

const DEFAULT_TIMEOUT_MS = 15_000;

/** One request to `base` (http://127.0.0.1:PORT). Never rejects: failures are outcomes. */
export function send(base: string, options: SendOptions): Exchange {
  const target = new URL(options.path, base);
  const body = options.body ?? "";
  const headers: http.OutgoingHttpHeaders = { ...options.headers };
  if (options.method === "POST") headers["content-length"] = Buffer.byteLength(body);
  if (options.hold) headers.expect = "100-continue";
  const req = http.request({
    host: target.hostname,
    port: target.port,
    method: options.method,
    path: `${target.pathname}${target.search}`,
    headers,
    agent: options.agent ?? false,
    timeout: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
  });
  let headed = false;
  const outcome = new Promise<Outcome>((resolve) => {
    const fail = (error: Error) =>
      resolve({
        kind: "failed",
        error: (error as NodeJS.ErrnoException).code ?? error.message,
        cut: headed,
      });
    req.on("error", fail);
    req.on("timeout", () => req.destroy(new Error("timeout")));
    req.on("response", (res) => {
      headed = true;
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("error", fail);
      // "aborted" then "close" without "end": the connection broke in the middle of the answer.
      res.on("close", () => {
        if (!res.complete) fail(new Error("answer cut short"));
      });
      res.on("end", () =>
        resolve({
          kind: "answered",
          answer: {
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks).toString("utf8"),
          },
        }),
      );
    });
  });
  let continued: Promise<void>;
  if (options.hold) {
    continued = new Promise<void>((resolve, reject) => {
      req.once("continue", () => resolve());
      void outcome.then((o) =>
        reject(new Error(`no 100 Continue: ${o.kind === "failed" ? o.error : o.answer.status}`)),
      );
    });
    continued.catch(() => {});
    req.flushHeaders();
  } else {
    continued = Promise.resolve();
    req.end(body);
  }
  let sent = !options.hold;
  return {
    continued,
    outcome,
    sendBody() {
      if (sent) return;
      sent = true;
      req.end(body);
    },
  };
}

let serial = 0;

/**
 * A valid comment form unlike any other of this run: its own address and body (the duplicate
 * rule refuses a repeat). The body is plain words, so it shows verbatim in the page's HTML.
 */
export function commentFields(tag: string): Record<string, string> {
  const i = ++serial;
  return {
    name: `Lectrice ${tag} ${i}`,
    email: `charge-${tag}-${i}@example.net`,
    website: "",
    body: `Témoignage ${tag} numéro ${i} gardé coûte que coûte`,
  };
}

/** The request the comment island makes: the form, and JSON back. */
export function commentPost(
  slug: string,
  fields: Record<string, string>,
): Omit<SendOptions, "agent" | "hold"> {
  return {
    method: "POST",
    path: `/article/${slug}/commentaires`,
    headers: {
      accept: "application/json",
      "content-type": "application/x-www-form-urlencoded",
    },
    body: new URLSearchParams(fields).toString(),
  };
}

/** A comment the server acknowledged: 201 and its id, with what was posted. */
export interface Acknowledged {
  id: number;
  status: string;
  slug: string;
  body: string;
}

/** The `{ ok: true, id, status }` of a 201 answer, or undefined for any other answer. */
export function acknowledged(answer: Answer): { id: number; status: string } | undefined {
  if (answer.status !== 201) return undefined;
  const json = JSON.parse(answer.body) as { ok?: unknown; id?: unknown; status?: unknown };
  if (json.ok !== true || typeof json.id !== "number" || typeof json.status !== "string")
    return undefined;
  return { id: json.id, status: json.status };
}

export interface LoadOptions {
  url: string;
  /** Articles with an open discussion; posts go round them. */
  slugs: readonly string[];
  /** Concurrent clients, each posting one comment after another on a keep-alive connection. */
  clients: number;
  /** `onStop` runs, once, as the answer that makes this many acknowledgements arrives. */
  stopAfter: number;
  /** What ends the load (a kill); the clients then start no new request. */
  onStop(): void;
  /** A bound on the requests sent, whatever happens (stopAfter × 3 when absent). */
  maxRequests?: number;
}

export interface LoadResult {
  acknowledged: Acknowledged[];
  /** Answers other than an acknowledgement (a refusal, a 500), as status and body. */
  refused: { status: number; body: string }[];
  /** Connection errors before `onStop` ran: none expected from a server that is up. */
  failedBeforeStop: string[];
  /** Connection errors after: the requests the stop caught unanswered. */
  failedAfterStop: string[];
  /** Requests sent and not yet answered when `onStop` ran (undefined if it never ran). */
  inFlightAtStop: number | undefined;
}

/**
 * Posts comments from `clients` concurrent clients until `stopAfter` are acknowledged, calls
 * `onStop` at once (still inside that answer's handling, while the other clients' requests are
 * in flight), and waits for every request sent to end, answered or failed.
 */
export async function postUntil(options: LoadOptions): Promise<LoadResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: options.clients });
  const result: LoadResult = {
    acknowledged: [],
    refused: [],
    failedBeforeStop: [],
    failedAfterStop: [],
    inFlightAtStop: undefined,
  };
  const maxRequests = options.maxRequests ?? options.stopAfter * 3;
  let sent = 0;
  let inFlight = 0;
  let stopped = false;

  const client = async (c: number) => {
    while (!stopped && sent < maxRequests) {
      const slug = options.slugs[sent % options.slugs.length] as string;
      sent++;
      const fields = commentFields(`c${c}`);
      inFlight++;
      const outcome = await send(options.url, { ...commentPost(slug, fields), agent }).outcome;
      inFlight--;
      if (outcome.kind === "failed") {
        (stopped ? result.failedAfterStop : result.failedBeforeStop).push(outcome.error);
        // A client whose server is gone would only be refused again.
        if (stopped) return;
        continue;
      }
      const ack = acknowledged(outcome.answer);
      if (!ack) {
        result.refused.push({ status: outcome.answer.status, body: outcome.answer.body });
        continue;
      }
      result.acknowledged.push({ ...ack, slug, body: fields.body as string });
      if (!stopped && result.acknowledged.length >= options.stopAfter) {
        stopped = true;
        result.inFlightAtStop = inFlight;
        options.onStop();
      }
    }
  };
  try {
    await Promise.all(Array.from({ length: options.clients }, (_, c) => client(c)));
  } finally {
    agent.destroy();
  }
  return result;
}
