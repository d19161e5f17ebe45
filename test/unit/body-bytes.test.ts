/** finch/body-bytes.ts: a body read whole into one array, whatever the server said of its length. */
import { describe, expect, it } from 'vitest';
import { bodyBytes } from '@main/platform/finch/body-bytes';

function responseOf(chunks: string[], headers: Record<string, string>): Response {
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(new Uint8Array(Buffer.from(chunk)));
      controller.close();
    },
  });
  return new Response(stream, { headers });
}

describe('bodyBytes', () => {
  const chunks = ['{"responses":', '['.repeat(1), '{"a":"é"}'.repeat(20_000), ']}'];
  const whole = chunks.join('');
  const length = String(Buffer.byteLength(whole));

  it('reads every byte, with the length announced, without it, and when more comes than announced', async () => {
    const variants: Record<string, string>[] = [
      { 'content-length': length },
      {},
      { 'content-length': '10' },
      { 'content-length': length, 'content-encoding': 'gzip' },
    ];
    for (const headers of variants) {
      const bytes = await bodyBytes(responseOf(chunks, headers));
      expect(Buffer.from(bytes).toString()).toBe(whole);
    }
  });

  it('gives what came when fewer bytes come than announced, and nothing for no body', async () => {
    const bytes = await bodyBytes(responseOf(['{"a":1}'], { 'content-length': '100' }));
    expect(Buffer.from(bytes).toString()).toBe('{"a":1}');
    // The array was not zeroed when made: what was not written must not carry old memory.
    expect(new Uint8Array(bytes.buffer, bytes.byteOffset + bytes.length, 93).every((b) => b === 0)).toBe(true);
    expect((await bodyBytes(new Response(null))).length).toBe(0);
  });

  it('hands back a plain Uint8Array (the JSON scanner sees one kind of array)', async () => {
    const bytes = await bodyBytes(responseOf(chunks, { 'content-length': length }));
    expect(Object.getPrototypeOf(bytes)).toBe(Uint8Array.prototype);
  });
});
