/**
 * Watches bytes on their way through the proxy without holding them: counts them, feeds a keyed
 * fingerprint (a request body, so a batch resent whole is recognised), keeps at most the first
 * `keep` bytes (to read an /auth/token body or Finch's error), counts batch item codes, and
 * refuses a body past the limit. Chunks pass on untouched, with backpressure.
 */
import { Transform } from 'node:stream';
import type { TransformCallback } from 'node:stream';
import type { BatchCodeScanner } from './batch-scanner';

export const HEAD_BYTES = 64 * 1024;

export class BodyTooLargeError extends Error {
  constructor(readonly limitBytes: number) {
    super(`body over ${limitBytes} bytes`);
  }
}

export interface TapOptions {
  /** Refuse past this many bytes (the stream errors with BodyTooLargeError). */
  limitBytes?: number;
  /** Keep the first this-many bytes (0: none). */
  keep?: number;
  hash?: { update(chunk: Buffer): void };
  scanner?: BatchCodeScanner;
}

export class BodyTap extends Transform {
  bytes = 0;
  private readonly kept: Buffer[] = [];
  private keptBytes = 0;

  constructor(private readonly options: TapOptions) {
    super();
  }

  /** The first bytes seen (up to `keep`). */
  head(): Buffer {
    return Buffer.concat(this.kept, this.keptBytes);
  }

  /** Sees a chunk; false when it went past the limit. */
  see(chunk: Buffer): boolean {
    this.bytes += chunk.length;
    if (this.options.limitBytes !== undefined && this.bytes > this.options.limitBytes) return false;
    this.options.hash?.update(chunk);
    this.options.scanner?.push(chunk);
    const keep = this.options.keep ?? 0;
    if (this.keptBytes < keep) {
      const part = chunk.subarray(0, keep - this.keptBytes);
      this.kept.push(part);
      this.keptBytes += part.length;
    }
    return true;
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    if (!this.see(chunk)) {
      done(new BodyTooLargeError(this.options.limitBytes!));
      return;
    }
    done(null, chunk);
  }

  override _flush(done: TransformCallback): void {
    this.options.scanner?.end();
    done();
  }
}
