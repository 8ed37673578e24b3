import net from "node:net";

/**
 * A tiny HTTP/1.1 client over a bare socket, for requests fetch() refuses to send: invalid bytes
 * in the request line, broken framing, lying Content-Length, raw chunked bodies, unknown
 * methods. It writes the bytes it is given, as given, and reads whatever comes back.
 */

export interface RawResponse {
  status: number;
  /** Header names lower-cased; a repeated header keeps its last value. */
  headers: Map<string, string>;
  body: Buffer;
}

export type RawOutcome =
  /** One or more answers (several when leftover bytes were read as a further request). */
  | { kind: "answered"; responses: RawResponse[]; bytes: number }
  /** The server closed or reset the connection without a word: a clean refusal. */
  | { kind: "closed"; bytes: number; error?: string }
  /** Neither an answer nor a close within the time given. */
  | { kind: "timeout"; bytes: number };

export interface RawRequest {
  host: string;
  port: number;
  /** Written in order, one write each (a chunked body can go out chunk by chunk). */
  parts: readonly (string | Buffer)[];
  /**
   * Send FIN after the last part. Only for requests the server would otherwise wait on (a body
   * shorter than its Content-Length): Node aborts a request whose client half-closes, so a
   * complete request that ends its side may never see its answer.
   */
  halfClose?: boolean;
  /** The request is HEAD: its answer has a head and no body, whatever Content-Length says. */
  head?: boolean;
  timeoutMs: number;
}

/** Enough for any page of ours; the rest of a larger answer is read and dropped. */
const KEEP_BYTES = 4 * 1024 * 1024;

export function rawRequest(req: RawRequest): Promise<RawOutcome> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let bytes = 0;
    let settled = false;
    const socket = net.connect({ host: req.host, port: req.port });
    const finish = (outcome: RawOutcome) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      resolve(outcome);
    };
    const outcome = (error?: string): RawOutcome => {
      const responses = parseResponses(Buffer.concat(chunks), req.head ?? false);
      if (responses.length > 0) return { kind: "answered", responses, bytes };
      return error === undefined ? { kind: "closed", bytes } : { kind: "closed", bytes, error };
    };
    const timer = setTimeout(() => finish({ kind: "timeout", bytes }), req.timeoutMs);
    socket.on("data", (chunk: Buffer) => {
      bytes += chunk.length;
      if (bytes <= KEEP_BYTES) chunks.push(chunk);
    });
    socket.on("end", () => finish(outcome()));
    socket.on("close", () => finish(outcome()));
    // A reset while we still write (the server refused the head and closed) is a clean refusal.
    socket.on("error", (error: NodeJS.ErrnoException) =>
      finish(outcome(error.code ?? error.message)),
    );
    socket.on("connect", () => {
      for (const part of req.parts) {
        if (socket.destroyed) return;
        socket.write(part);
      }
      if (req.halfClose) socket.end();
    });
  });
}

/**
 * The answers in a byte stream, each framed by Content-Length or chunked encoding, else running
 * to the end (the server closes after it). Stops at the first thing that is not an answer.
 */
export function parseResponses(data: Buffer, head: boolean): RawResponse[] {
  const out: RawResponse[] = [];
  let at = 0;
  while (at < data.length) {
    const end = data.indexOf("\r\n\r\n", at);
    if (end < 0) break;
    const lines = data.subarray(at, end).toString("latin1").split("\r\n");
    const status = /^HTTP\/1\.[01] (\d{3})/.exec(lines[0] ?? "");
    if (!status) break;
    const headers = new Map<string, string>();
    for (const line of lines.slice(1)) {
      const colon = line.indexOf(":");
      if (colon > 0)
        headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
    }
    const code = Number(status[1]);
    let bodyStart = end + 4;
    let body: Buffer;
    const bodiless = (head && out.length === 0) || code === 204 || code === 304 || code < 200;
    if (bodiless) {
      body = Buffer.alloc(0);
    } else if (/chunked/i.test(headers.get("transfer-encoding") ?? "")) {
      const parts: Buffer[] = [];
      for (;;) {
        const lineEnd = data.indexOf("\r\n", bodyStart);
        if (lineEnd < 0) {
          bodyStart = data.length;
          break;
        }
        const size = parseInt(data.subarray(bodyStart, lineEnd).toString("latin1"), 16);
        if (!Number.isFinite(size) || size === 0) {
          const trailerEnd = data.indexOf("\r\n\r\n", lineEnd);
          bodyStart = trailerEnd < 0 ? data.length : trailerEnd + 4;
          break;
        }
        parts.push(data.subarray(lineEnd + 2, lineEnd + 2 + size));
        bodyStart = lineEnd + 2 + size + 2;
      }
      body = Buffer.concat(parts);
    } else if (headers.has("content-length")) {
      const length = Number(headers.get("content-length"));
      body = data.subarray(bodyStart, bodyStart + length);
      bodyStart += length;
    } else {
      body = data.subarray(bodyStart);
      bodyStart = data.length;
    }
    out.push({ status: code, headers, body });
    at = bodyStart;
  }
  return out;
}
