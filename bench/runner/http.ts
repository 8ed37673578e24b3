import http from "node:http";

export interface Fetched {
  status: number;
  headers: http.IncomingHttpHeaders;
  /** The bytes as they came over the wire: still compressed when the server compressed. */
  body: Buffer;
}

/**
 * One GET on a fresh connection, without the decompression fetch() would do behind our back:
 * page weight is about the bytes on the wire.
 */
export function get(
  url: string,
  headers: Record<string, string> = {},
  timeoutMs = 10_000,
): Promise<Fetched> {
  return new Promise((resolve, reject) => {
    const req = http.get(url, { headers, agent: false, timeout: timeoutMs }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("end", () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
      );
      res.on("error", reject);
    });
    req.on("timeout", () => req.destroy(new Error(`GET ${url}: no answer in ${timeoutMs} ms`)));
    req.on("error", reject);
  });
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
