import { createHash, createHmac, timingSafeEqual } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";

/** The credentials the fake accepts; any other key is refused as S3 refuses it. */
export const FAKE_S3 = {
  bucket: "kiosque-media",
  region: "eu-west-3",
  accessKeyId: "AKIAKIOSQUETEST00001",
  secretAccessKey: "kiosque/fake+secret/0123456789abcdefghijklmno",
} as const;

export interface FakeS3 {
  /** The endpoint to configure (an origin; requests are path-style). */
  endpoint: string;
  /** What each bucket holds: key → bytes and Content-Type. */
  objects: Map<string, { bytes: Buffer; type: string; etag: string }>;
  /** Every request, in order: method, path, answer's status. */
  requests: { method: string; path: string; status: number }[];
  /** Answers the next N requests with 503 SlowDown (a service in trouble). */
  failNext: number;
  /** The media settings of a Kiosque config pointing at this fake. */
  config(): {
    store: "s3";
    endpoint: string;
    bucket: string;
    region: string;
    accessKeyId: string;
    secretAccessKey: string;
  };
  close(): Promise<void>;
}

/** How far a request's date may be from the server's, as S3 allows (RequestTimeTooSkewed). */
const MAX_SKEW_MS = 15 * 60_000;

/**
 * A local server speaking the part of S3's REST protocol Kiosque uses, as AWS documents it:
 * path-style PutObject, GetObject (HeadObject), DeleteObject, with S3's status codes, its XML error
 * bodies (`<Error><Code>NoSuchKey</Code>…`) and ETags (the MD5 of the bytes, quoted). Every
 * request must carry a Signature Version 4 `Authorization` header, which is checked in full with
 * the secret key: the canonical request is rebuilt from what arrived, and a payload hash that does
 * not match the body is refused, as S3 does.
 */
export async function startFakeS3(): Promise<FakeS3> {
  const fake: FakeS3 = {
    endpoint: "",
    objects: new Map(),
    requests: [],
    failNext: 0,
    config: () => ({
      store: "s3",
      endpoint: fake.endpoint,
      bucket: FAKE_S3.bucket,
      region: FAKE_S3.region,
      accessKeyId: FAKE_S3.accessKeyId,
      secretAccessKey: FAKE_S3.secretAccessKey,
    }),
    close: async () => {},
  };
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const body = Buffer.concat(chunks);
      const answer = (status: number, headers: Record<string, string> = {}, payload?: Buffer) => {
        fake.requests.push({ method: req.method ?? "", path: req.url ?? "", status });
        res.writeHead(status, headers);
        res.end(req.method === "HEAD" ? undefined : payload);
      };
      const error = (status: number, code: string, message: string) =>
        answer(
          status,
          { "content-type": "application/xml" },
          Buffer.from(
            `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${message}</Message><Resource>${req.url ?? ""}</Resource><RequestId>fake</RequestId></Error>`,
          ),
        );
      if (fake.failNext > 0) {
        fake.failNext--;
        return error(503, "SlowDown", "Please reduce your request rate.");
      }
      const denied = checkSignature(req, body);
      if (denied) return error(403, denied.code, denied.message);

      const url = new URL(req.url ?? "/", "http://fake");
      const [, bucket = "", ...rest] = url.pathname.split("/");
      const key = rest.map(decodeURIComponent).join("/");
      if (bucket !== FAKE_S3.bucket)
        return error(404, "NoSuchBucket", "The specified bucket does not exist.");
      if (key === "") return error(405, "MethodNotAllowed", "Bucket operations are not faked.");
      switch (req.method) {
        case "PUT": {
          const etag = `"${createHash("md5").update(body).digest("hex")}"`;
          const type = req.headers["content-type"] ?? "binary/octet-stream";
          fake.objects.set(key, { bytes: body, type, etag });
          return answer(200, { etag });
        }
        case "GET":
        case "HEAD": {
          const object = fake.objects.get(key);
          if (!object) return error(404, "NoSuchKey", "The specified key does not exist.");
          return answer(
            200,
            {
              "content-type": object.type,
              "content-length": String(object.bytes.length),
              etag: object.etag,
              "last-modified": new Date().toUTCString(),
            },
            object.bytes,
          );
        }
        case "DELETE":
          fake.objects.delete(key);
          return answer(204);
        default:
          return error(405, "MethodNotAllowed", "The method is not allowed on this resource.");
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  fake.endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  fake.close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return fake;
}

const AUTH =
  /^AWS4-HMAC-SHA256 Credential=([^/,\s]+)\/(\d{8})\/([^/,\s]+)\/([^/,\s]+)\/aws4_request,\s*SignedHeaders=([a-z0-9;-]+),\s*Signature=([0-9a-f]{64})$/;

const hmac = (key: Buffer | string, text: string) =>
  createHmac("sha256", key).update(text).digest();
const sha256 = (data: Buffer | string) => createHash("sha256").update(data).digest("hex");

/**
 * Signature Version 4 as S3 checks it: the Authorization header's form, the access key, the date
 * and scope, the payload hash against the body, then the signature over the canonical request.
 * Returns S3's error for the first thing wrong, or undefined when the request is authentic.
 */
function checkSignature(
  req: http.IncomingMessage,
  body: Buffer,
): { code: string; message: string } | undefined {
  const header = req.headers.authorization;
  if (!header) return { code: "AccessDenied", message: "Access Denied" };
  const m = AUTH.exec(header);
  if (!m)
    return {
      code: "AuthorizationHeaderMalformed",
      message: "The authorization header is malformed.",
    };
  const [, accessKey, day, region, service, signedList = "", signature = ""] = m;
  if (accessKey !== FAKE_S3.accessKeyId)
    return {
      code: "InvalidAccessKeyId",
      message: "The AWS Access Key Id you provided does not exist in our records.",
    };
  if (region !== FAKE_S3.region || service !== "s3")
    return {
      code: "AuthorizationHeaderMalformed",
      message: `the region '${region}' is wrong; expecting '${FAKE_S3.region}'`,
    };
  const amzDate = req.headers["x-amz-date"];
  if (
    typeof amzDate !== "string" ||
    !/^\d{8}T\d{6}Z$/.test(amzDate) ||
    !amzDate.startsWith(day ?? "")
  )
    return {
      code: "AccessDenied",
      message: "X-Amz-Date is missing or does not match the credential scope.",
    };
  const when = Date.parse(
    `${amzDate.slice(0, 4)}-${amzDate.slice(4, 6)}-${amzDate.slice(6, 8)}T${amzDate.slice(9, 11)}:${amzDate.slice(11, 13)}:${amzDate.slice(13, 15)}Z`,
  );
  if (!(Math.abs(Date.now() - when) <= MAX_SKEW_MS))
    return {
      code: "RequestTimeTooSkewed",
      message: "The difference between the request time and the current time is too large.",
    };
  const payloadHash = req.headers["x-amz-content-sha256"];
  if (typeof payloadHash !== "string")
    return {
      code: "InvalidRequest",
      message: "Missing required header for this request: x-amz-content-sha256",
    };
  if (payloadHash !== "UNSIGNED-PAYLOAD" && payloadHash !== sha256(body))
    return {
      code: "XAmzContentSHA256Mismatch",
      message: "The provided 'x-amz-content-sha256' header does not match what was computed.",
    };
  const signed = signedList.split(";");
  if (!signed.includes("host") || !signed.includes("x-amz-date"))
    return { code: "AccessDenied", message: "host and x-amz-date must be signed." };

  const url = new URL(req.url ?? "/", "http://fake");
  const query = [...url.searchParams]
    .map(([k, v]) => [encodeRfc3986(k), encodeRfc3986(v)])
    .sort(([a = "", b = ""], [c = "", d = ""]) => (a === c ? (b < d ? -1 : 1) : a < c ? -1 : 1))
    .map(([k, v]) => `${k}=${v}`)
    .join("&");
  const headerLines = signed.map((name) => {
    const value = req.headers[name];
    const text = Array.isArray(value) ? value.join(",") : (value ?? "");
    return `${name}:${text.trim().replace(/\s+/g, " ")}\n`;
  });
  // S3 signs the path as sent: it is not normalised or encoded a second time.
  const canonical = [
    req.method ?? "",
    url.pathname,
    query,
    headerLines.join(""),
    signedList,
    payloadHash,
  ].join("\n");
  const scope = `${day}/${region}/s3/aws4_request`;
  const stringToSign = ["AWS4-HMAC-SHA256", amzDate, scope, sha256(canonical)].join("\n");
  const key = hmac(
    hmac(hmac(hmac(`AWS4${FAKE_S3.secretAccessKey}`, day ?? ""), region ?? ""), "s3"),
    "aws4_request",
  );
  const expected = hmac(key, stringToSign);
  const given = Buffer.from(signature, "hex");
  if (given.length !== expected.length || !timingSafeEqual(given, expected))
    return {
      code: "SignatureDoesNotMatch",
      message: "The request signature we calculated does not match the signature you provided.",
    };
  return undefined;
}

function encodeRfc3986(text: string): string {
  return encodeURIComponent(text).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}
