import { AwsClient } from "aws4fetch";
import type { Ctx } from "../../../ctx.js";
import { MediaStoreError, type MediaStore } from "./store.js";

type S3Config = Extract<Ctx["config"]["media"], { store: "s3" }>;

/** A request that takes longer has met a service in trouble: the upload or the job says so. */
const REQUEST_TIMEOUT_MS = 30_000;
/** aws4fetch retries 5xx and 429 answers with a backoff; its default (10) could wait a minute. */
const RETRIES = 2;

/**
 * S3-compatible object storage (AWS S3, MinIO, Garage, Ceph, R2…): PutObject, GetObject and
 * DeleteObject, signed with AWS Signature Version 4 by `aws4fetch`, addressed path-style
 * (`<endpoint>/<bucket>/<key>`), which every such service understands. The bucket may stay
 * private: readers get images from Kiosque (`GET /media/…`), never from the bucket.
 */
export function s3Store(config: S3Config): MediaStore {
  const client = new AwsClient({
    accessKeyId: config.accessKeyId,
    secretAccessKey: config.secretAccessKey,
    region: config.region,
    service: "s3",
    retries: RETRIES,
  });
  const url = (key: string) =>
    `${config.endpoint}/${config.bucket}/${key.split("/").map(encodeURIComponent).join("/")}`;
  const send = (key: string, init: RequestInit) =>
    client.fetch(url(key), { ...init, signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });

  return {
    async put(key, bytes, type) {
      const res = await send(key, {
        method: "PUT",
        // fetch's types want an ArrayBuffer behind the view; sharp's and Node's buffers are.
        body: bytes as Uint8Array<ArrayBuffer>,
        headers: { "content-type": type },
      });
      if (!res.ok) throw await failure("PutObject", key, res);
      await res.body?.cancel();
    },
    async get(key) {
      const res = await send(key, { method: "GET" });
      if (res.status === 404) {
        await res.body?.cancel();
        return undefined;
      }
      if (!res.ok) throw await failure("GetObject", key, res);
      return {
        bytes: Buffer.from(await res.arrayBuffer()),
        type: res.headers.get("content-type") ?? "application/octet-stream",
      };
    },
    async delete(key) {
      const res = await send(key, { method: "DELETE" });
      // S3 answers 204 whether the key existed or not; some compatible servers say 404.
      if (!res.ok && res.status !== 404) throw await failure("DeleteObject", key, res);
      await res.body?.cancel();
    },
  };
}

/** S3's error answers are XML: `<Error><Code>AccessDenied</Code><Message>…`. */
async function failure(action: string, key: string, res: Response): Promise<MediaStoreError> {
  const text = await res.text().catch(() => "");
  const code = /<Code>([^<]{1,100})<\/Code>/.exec(text)?.[1] ?? "no error code";
  return new MediaStoreError(`S3 ${action} ${key}: ${res.status} ${code}`);
}
