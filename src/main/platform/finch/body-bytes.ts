/**
 * A response's body as one byte array, read chunk by chunk into an array of the size the
 * server announced (Content-Length). `arrayBuffer()` keeps every chunk until the end and then
 * copies them into a new array, so for a moment a 25 MB batch answer took 50 MB; here it takes
 * its own size. Without a usable length (compressed or chunked answers), or if more bytes come
 * than announced, the array grows by doubling.
 */
const MAX_PRESIZE = 512 * 2 ** 20;

export async function bodyBytes(response: Response): Promise<Uint8Array> {
  if (!response.body) return new Uint8Array(0);
  const announced = Number(response.headers.get('content-length'));
  // A compressed body is decoded as it is read: the announced length is not the length read.
  const usable = !response.headers.get('content-encoding') && Number.isSafeInteger(announced) && announced > 0 && announced <= MAX_PRESIZE;
  let out = unzeroed(usable ? announced : 64 * 1024);
  let length = 0;
  const reader = response.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    if (length + value.length > out.length) {
      const grown = unzeroed(Math.max(out.length * 2, length + value.length));
      grown.set(out.subarray(0, length));
      out = grown;
    }
    out.set(value, length);
    length += value.length;
  }
  if (length === out.length) return out;
  // Not every byte was written: the rest of the array must not carry old memory.
  out.fill(0, length);
  return out.subarray(0, length);
}

/**
 * An array that is not zeroed first (every byte returned is written from the answer), and a
 * plain Uint8Array, not a Buffer: the JSON scanner reads answers of one kind only, so its byte
 * reads stay monomorphic.
 */
function unzeroed(bytes: number): Uint8Array {
  const buffer = Buffer.allocUnsafeSlow(bytes);
  return new Uint8Array(buffer.buffer, buffer.byteOffset, bytes);
}
