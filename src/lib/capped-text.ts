/**
 * A fetch answer's body as text, read up to `maxBytes`; undefined past it, the rest left unread.
 * An outside service's answer is read whole into memory: without a bound, one answering 300 MB
 * (broken, or set up by someone else) took a worker from 130 MB to 1.4 GB, and kept it there.
 */
export async function cappedText(
  response: Response,
  maxBytes: number,
): Promise<string | undefined> {
  const declared = Number(response.headers.get("content-length") ?? 0);
  if (declared > maxBytes) {
    await response.body?.cancel().catch(() => undefined);
    return undefined;
  }
  if (!response.body) return "";
  const chunks: Uint8Array[] = [];
  let total = 0;
  const reader = response.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      return undefined;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
}
