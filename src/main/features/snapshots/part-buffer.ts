/**
 * A snapshot part's bytes, written record by record into one growing buffer: text where a
 * record is encoded here, byte ranges where it is copied from the answer Finch sent. Each
 * record's bytes can be hashed as soon as they are written.
 *
 * Buffers are reused from part to part (`release` when the part is compressed): a fresh
 * multi-megabyte buffer per page cost more in first-touch page faults than the copying into
 * it, on every page of a 100,000-person pull.
 */
import { hash } from 'node:crypto';

/** Printable ASCII but `"` and `\\`: written between quotes, it is its own JSON literal. */
const PLAIN = /^[\x20\x21\x23-\x5b\x5d-\x7e]*$/;
const QUOTE = 0x22;

/** Spare buffers, kept for the next parts (a pull has about two pages in hand at once). */
const spares: Buffer[] = [];
const MAX_SPARES = 3;
/** Buffers bigger than this are not kept (one odd page must not pin its memory). */
const MAX_SPARE_BYTES = 32 * 2 ** 20;

function take(bytes: number): Buffer {
  let best = -1;
  for (let i = 0; i < spares.length; i++)
    if (spares[i]!.length >= bytes && (best < 0 || spares[i]!.length < spares[best]!.length)) best = i;
  if (best >= 0) return spares.splice(best, 1)[0]!;
  return Buffer.allocUnsafeSlow(Math.max(1024, bytes));
}

function giveBack(buffer: Buffer): void {
  if (buffer.length > MAX_SPARE_BYTES) return;
  spares.push(buffer);
  // The smallest go first: the big ones fit every page.
  if (spares.length > MAX_SPARES) spares.sort((a, b) => b.length - a.length).pop();
}

export class PartBuffer {
  private buffer: Buffer;
  private length = 0;

  constructor(expectedBytes: number) {
    this.buffer = take(expectedBytes);
  }

  get position(): number {
    return this.length;
  }

  text(text: string): void {
    // UTF-8 takes at most 3 bytes per UTF-16 unit.
    this.reserve(text.length * 3);
    this.length += this.buffer.write(text, this.length, 'utf8');
  }

  /** `value` as JSON writes it (a string literal), without building the literal first when it needs no escape. */
  jsonString(value: string): void {
    if (!PLAIN.test(value)) return this.text(JSON.stringify(value));
    this.reserve(value.length + 2);
    this.buffer[this.length++] = QUOTE;
    this.length += this.buffer.write(value, this.length, 'latin1');
    this.buffer[this.length++] = QUOTE;
  }

  /** Copies `source[start, end)`; `source` a Buffer (its `copy` needs no view per call). */
  bytes(source: Buffer, start: number, end: number): void {
    this.reserve(end - start);
    this.length += source.copy(this.buffer, this.length, start, end);
  }

  /** The record written since `from`, hashed as snapshot summaries hash records (sha1, base64, 20 characters). */
  hashSince(from: number): string {
    return hash('sha1', this.buffer.subarray(from, this.length), 'base64').slice(0, 20);
  }

  /** The part's bytes (a view of the buffer: valid until `release`). */
  done(): Buffer {
    return this.buffer.subarray(0, this.length);
  }

  /** The part is compressed: its buffer may serve the next part. */
  release(): void {
    giveBack(this.buffer);
    this.buffer = Buffer.alloc(0);
    this.length = 0;
  }

  private reserve(bytes: number): void {
    if (this.length + bytes <= this.buffer.length) return;
    const grown = take(Math.max(this.buffer.length * 2, this.length + bytes));
    this.buffer.copy(grown, 0, 0, this.length);
    giveBack(this.buffer);
    this.buffer = grown;
  }
}
