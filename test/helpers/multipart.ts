/** A file part of a form: its bytes, the name a browser sends, and the type it claims. */
export interface FilePart {
  bytes: Uint8Array;
  filename: string;
  type?: string;
}

/**
 * A multipart/form-data body as a browser sends it (the platform's own FormData, serialised by
 * its Request), with its content-type and boundary: fields in order, a name repeated as given.
 */
export async function multipartBody(
  parts: readonly (readonly [string, string | FilePart])[],
): Promise<{ payload: Buffer; headers: { "content-type": string } }> {
  const form = new FormData();
  for (const [name, value] of parts) {
    if (typeof value === "string") form.append(name, value);
    else
      form.append(
        name,
        // A copy: Blob takes bytes over an ArrayBuffer of their own.
        new Blob([new Uint8Array(value.bytes)], { type: value.type ?? "application/octet-stream" }),
        value.filename,
      );
  }
  const request = new Request("http://localhost/", { method: "POST", body: form });
  const type = request.headers.get("content-type");
  if (!type) throw new Error("FormData gave no content type");
  return { payload: Buffer.from(await request.arrayBuffer()), headers: { "content-type": type } };
}
