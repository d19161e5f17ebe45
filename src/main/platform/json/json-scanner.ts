/**
 * JSON's grammar, walked over bytes: where each value ends, whether it is canonical (JSON.stringify
 * of its parsed value would give back exactly these bytes) and, for an array, how many elements it
 * has. Bytes that are not JSON throw. RawJson (raw-json.ts) builds its readers on this.
 */
export const QUOTE = 34;
export const BACKSLASH = 92;
export const COMMA = 44;
export const COLON = 58;
export const LBRACE = 123;
export const RBRACE = 125;
export const LBRACKET = 91;
export const RBRACKET = 93;
const MINUS = 45;
const DOT = 46;
export const ZERO = 48;
const NINE = 57;

/** Significant digits a decimal can have and still come back the same through a double. */
const SAFE_DIGITS = 15;

export class JsonScanner {
  /** Cleared by whatever makes the value being skipped non-canonical. */
  protected canonical = true;
  /** The elements of the array skipped last (skipArray sets it as it returns). */
  protected count = -1;

  protected constructor(readonly bytes: Uint8Array) {}

  /**
   * Skips the value starting at `i` (whitespace before it allowed, and judged non-canonical);
   * returns the index just after it. Strict: bytes that are not JSON throw, so an answer read
   * without JSON.parse (a snapshot's batches) is still proven to be JSON before it is stored.
   */
  protected skipValue(i: number, depth = 0): number {
    const c = this.bytes[i];
    // A switch: one jump for the byte instead of a chain of comparisons, on every value of every record.
    switch (c) {
      case QUOTE:
        return this.skipString(i);
      case LBRACE:
        return this.skipObject(i, depth + 1);
      case LBRACKET:
        return this.skipArray(i, depth + 1);
      case 116 /* t */:
        return this.literal(i, TRUE);
      case 110 /* n */:
        return this.literal(i, NULL);
      case 102 /* f */:
        return this.literal(i, FALSE);
      default: {
        if (c === MINUS || isDigit(c)) return this.skipNumber(i);
        const next = this.space(i);
        if (next === i) throw new Error(`raw JSON has no value at ${i}`);
        return this.skipValue(next, depth);
      }
    }
  }

  protected skipObject(i: number, depth: number): number {
    if (depth > MAX_DEPTH) throw new Error('raw JSON nests too deep');
    const b = this.bytes;
    i = this.space(i + 1);
    if (b[i] === RBRACE) return i + 1;
    for (;;) {
      if (b[i] !== QUOTE) throw new Error(`raw JSON has no key at ${i}`);
      // A key that looks like an array index: V8 puts it first, whatever order it came in.
      if (isDigit(b[i + 1])) this.canonical = false;
      i = this.skipString(i);
      // Whitespace is looked for only where the byte is not the one compact JSON has there.
      if (b[i] !== COLON) i = this.space(i);
      if (b[i] !== COLON) throw new Error(`raw JSON has no colon at ${i}`);
      i = this.skipValue(i + 1, depth);
      let c = b[i];
      if (c !== COMMA && c !== RBRACE) c = b[(i = this.space(i))];
      if (c === RBRACE) return i + 1;
      if (c !== COMMA) throw new Error(`raw JSON has no comma at ${i}`);
      i += 1;
      if (b[i] !== QUOTE) i = this.space(i);
    }
  }

  protected skipArray(i: number, depth: number): number {
    if (depth > MAX_DEPTH) throw new Error('raw JSON nests too deep');
    const b = this.bytes;
    i = this.space(i + 1);
    if (b[i] === RBRACKET) {
      this.count = 0;
      return i + 1;
    }
    for (let n = 1; ; n++) {
      i = this.skipValue(i, depth);
      let c = b[i];
      if (c !== COMMA && c !== RBRACKET) c = b[(i = this.space(i))];
      if (c === RBRACKET) {
        this.count = n;
        return i + 1;
      }
      if (c !== COMMA) throw new Error(`raw JSON has no comma at ${i}`);
      i += 1;
    }
  }

  /** Whitespace from `i` (not what JSON.stringify writes: the value is then not canonical). */
  protected space(i: number): number {
    const next = skipSpace(this.bytes, i);
    if (next !== i) this.canonical = false;
    return next;
  }

  protected literal(i: number, word: readonly number[]): number {
    for (let k = 0; k < word.length; k++) if (this.bytes[i + k] !== word[k]) throw new Error(`raw JSON has a bad literal at ${i}`);
    return i + word.length;
  }

  /** From an opening quote to just after its closing quote. Any escape makes the value non-canonical. */
  protected skipString(i: number): number {
    const b = this.bytes;
    // A plain loop over a table: most strings are a few bytes, shorter than a call to indexOf
    // is worth, and one lookup per byte stops at all three kinds of byte that end the run.
    let j = i + 1;
    for (;;) {
      const c = b[j];
      if (c === undefined) throw new Error('raw JSON ended inside a string');
      if (STRING_STOP[c] === 0) {
        j += 1;
        continue;
      }
      if (c === QUOTE) return j + 1;
      if (c < 0x20) throw new Error(`raw JSON has a control character in a string at ${j}`);
      this.canonical = false;
      const e = b[j + 1];
      if (e === 117 /* u */) {
        for (let k = 2; k < 6; k++) if (!isHex(b[j + k])) throw new Error(`raw JSON has a bad \\u escape at ${j}`);
        j += 6;
      } else if (e !== undefined && ESCAPES.has(e)) j += 2;
      else throw new Error(`raw JSON has a bad escape at ${j}`);
    }
  }

  /** A number, by JSON's grammar; judged canonical only when JSON.stringify would write it the same. */
  protected skipNumber(i: number): number {
    const b = this.bytes;
    const start = i;
    if (b[i] === MINUS) i += 1;
    if (!isDigit(b[i])) throw new Error(`raw JSON has a bad number at ${start}`);
    // Leading zeros are JSON's only when the integer part is "0".
    if (b[i] === ZERO && isDigit(b[i + 1])) throw new Error(`raw JSON has a bad number at ${start}`);
    let digits = 0;
    let leadingZeros = true;
    let dot = -1;
    for (;;) {
      const c = b[i];
      if (isDigit(c)) {
        if (c !== ZERO || !leadingZeros) {
          leadingZeros = false;
          digits += 1;
        } else if (dot >= 0) {
          // Zeros right after "0." are not significant, but many of them JSON.stringify writes as 1e-7.
          if (i - dot >= 6) this.canonical = false;
        }
        i += 1;
      } else if (c === DOT && dot < 0) {
        if (!isDigit(b[i + 1])) throw new Error(`raw JSON has a bad number at ${start}`);
        dot = i;
        i += 1;
      } else {
        break;
      }
    }
    if (b[i] === 101 || b[i] === 69 /* e E */) {
      this.canonical = false;
      i += 1;
      if (b[i] === 43 || b[i] === MINUS) i += 1;
      if (!isDigit(b[i])) throw new Error(`raw JSON has a bad number at ${start}`);
      while (isDigit(b[i])) i += 1;
      return i;
    }
    if (digits > SAFE_DIGITS) this.canonical = false;
    // "-0" and "-0.0" are 0 once parsed; "1.50" comes back as 1.5.
    if (digits === 0 && b[start] === MINUS) this.canonical = false;
    if (dot >= 0 && b[i - 1] === ZERO) this.canonical = false;
    return i;
  }
}

/** 1 for the bytes that end a run of plain string bytes: a quote, a backslash, a control character. */
const STRING_STOP = new Uint8Array(256);
for (let c = 0; c < 0x20; c++) STRING_STOP[c] = 1;
STRING_STOP[QUOTE] = 1;
STRING_STOP[BACKSLASH] = 1;
const TRUE = [116, 114, 117, 101];
const NULL = [110, 117, 108, 108];
const FALSE = [102, 97, 108, 115, 101];
/** The characters a backslash may escape besides u: " \ / b f n r t. */
const ESCAPES = new Set([34, 92, 47, 98, 102, 110, 114, 116]);
/** Deeper than any Finch answer; keeps a hostile answer from exhausting the stack. */
const MAX_DEPTH = 256;

function isHex(c: number | undefined): boolean {
  return c !== undefined && ((c >= ZERO && c <= NINE) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102));
}

/** The key bytes b[start, end) spell `key` (ASCII). */
export function keyIs(b: Uint8Array, start: number, end: number, key: string): boolean {
  if (end - start !== key.length) return false;
  for (let k = 0; k < key.length; k++) if (b[start + k] !== key.charCodeAt(k)) return false;
  return true;
}

export function isDigit(c: number | undefined): c is number {
  return c !== undefined && c >= ZERO && c <= NINE;
}

export function isIndexLike(key: string): boolean {
  return key.length > 0 && isDigit(key.charCodeAt(0));
}

export function skipSpace(b: Uint8Array, i: number): number {
  while (b[i] === 32 || b[i] === 9 || b[i] === 10 || b[i] === 13) i += 1;
  return i;
}

/**
 * Keys met before, by a hash of their bytes. A pull meets the same few dozen keys in every one
 * of 100,000 records, and decoding each afresh was a good part of the garbage a pull made.
 * A slot holds the last key hashed to it; a key is only reused once its bytes are compared.
 */
const KEY_SLOTS = 1024;
const knownKeys: (string | undefined)[] = new Array<string | undefined>(KEY_SLOTS).fill(undefined);

/** A key's text: keys are short and, written canonically, plain ASCII is the rule. */
export function latin1(b: Uint8Array, start: number, end: number): string {
  if (end - start > 32) return utf8(b, start, end);
  let hash = end - start;
  for (let k = start; k < end; k++) {
    const c = b[k]!;
    if (c >= 0x80) return utf8(b, start, end);
    hash = (Math.imul(hash, 31) + c) | 0;
  }
  const slot = hash & (KEY_SLOTS - 1);
  const known = knownKeys[slot];
  if (known !== undefined && keyIs(b, start, end, known)) return known;
  let key = '';
  for (let k = start; k < end; k++) key += String.fromCharCode(b[k]!);
  knownKeys[slot] = key;
  return key;
}

function utf8(b: Uint8Array, start: number, end: number): string {
  return Buffer.from(b.buffer, b.byteOffset + start, end - start).toString('utf8');
}
