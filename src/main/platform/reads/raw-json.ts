/**
 * Where values sit in the bytes of a JSON answer, so a page can be stored from the bytes Finch
 * sent instead of re-encoding every parsed record (JSON.stringify of a 5,000-person page cost
 * main more than parsing it).
 *
 * The bytes have already been parsed (JSON.parse of the same bytes decoded), so they are valid
 * JSON; this only finds where values start and end. Each value is also judged `canonical`:
 * JSON.stringify of its parsed value would give back exactly these bytes. The judgement is
 * conservative (a "no" costs only a re-encoding): whitespace between tokens, any backslash
 * escape, a key that looks like an array index (V8 orders those first), a number with an
 * exponent, a trailing zero, more than 15 significant digits, `-0` or a tiny fraction (which
 * JSON.stringify writes with an exponent) all say no. Duplicate keys are not looked for: a
 * record stored with them still reads back to the same values.
 */
import { isUtf8 } from 'node:buffer';

export interface RawSpan {
  start: number;
  end: number;
  /** JSON.stringify(JSON.parse(these bytes)) would give these very bytes. */
  canonical: boolean;
}

export interface RawMember extends RawSpan {
  key: string;
  /** Where the member starts: its key's opening quote. */
  keyStart: number;
  /** The value's own members, when it is the object the read was asked to descend into. */
  members?: RawMember[];
}

const QUOTE = 34;
const BACKSLASH = 92;
const COMMA = 44;
const COLON = 58;
const LBRACE = 123;
const RBRACE = 125;
const LBRACKET = 91;
const RBRACKET = 93;
const MINUS = 45;
const DOT = 46;
const ZERO = 48;
const NINE = 57;

/** Significant digits a decimal can have and still come back the same through a double. */
const SAFE_DIGITS = 15;

export class RawJson {
  /** Cleared by whatever makes the value being skipped non-canonical. */
  private canonical = true;

  private constructor(readonly bytes: Uint8Array) {}

  /** Null when the bytes are not valid UTF-8 (decoding would have replaced some: no slice is faithful). */
  static of(bytes: Uint8Array): RawJson | null {
    return isUtf8(bytes) ? new RawJson(bytes) : null;
  }

  /** The members of the object starting at `at`; null when it is not an object written without whitespace. */
  members(at: number): RawMember[] | null {
    return this.object(at)?.members ?? null;
  }

  /**
   * Where the value of `key` starts in the object at `at` (its first such member), or -1;
   * members after it are not read (an answer's big array is not scanned twice).
   */
  find(at: number, key: string): number {
    const b = this.bytes;
    if (b[at] !== LBRACE) return -1;
    let i = at + 1;
    while (b[i] === QUOTE) {
      const keyStart = i;
      i = this.skipString(i);
      if (b[i] !== COLON) return -1;
      if (latin1(b, keyStart + 1, i - 1) === key) return i + 1;
      i = this.skipValue(i + 1);
      if (b[i] !== COMMA) return -1;
      i += 1;
    }
    return -1;
  }

  /**
   * The object at `at` without the members named in `drop`: the byte runs of the members kept
   * (commas between neighbours included), whether they are all canonical, and how many members
   * the object has in all. Keys are compared as bytes, not decoded. Null when the object is not
   * written without whitespace.
   */
  without(at: number, drop: readonly string[]): { runs: number[]; canonical: boolean; members: number } | null {
    const b = this.bytes;
    if (b[at] !== LBRACE) return null;
    const runs: number[] = [];
    let canonical = true;
    let members = 0;
    let run = -1;
    let runEnd = -1;
    let i = at + 1;
    if (b[i] === RBRACE) return { runs, canonical, members };
    for (;;) {
      if (b[i] !== QUOTE) return null;
      const keyStart = i;
      this.canonical = true;
      i = this.skipString(i);
      if (!this.canonical || b[i] !== COLON) return null;
      const dropped = drop.some((key) => keyIs(b, keyStart + 1, i - 1, key));
      this.canonical = !isDigit(b[keyStart + 1]);
      const end = this.skipValue(i + 1);
      members += 1;
      if (dropped) {
        if (run >= 0) runs.push(run, runEnd);
        run = -1;
      } else {
        if (!this.canonical) canonical = false;
        if (run < 0) run = keyStart;
        runEnd = end;
      }
      i = end;
      if (b[i] === COMMA) i += 1;
      else if (b[i] === RBRACE) break;
      else return null;
    }
    if (run >= 0) runs.push(run, runEnd);
    return { runs, canonical, members };
  }

  /**
   * The members of each element of the array starting at `at`, in one pass (null for an
   * element that is not an object); null when the array or one of its objects has whitespace.
   * The member named `descend`, when an object, has its own members read in the same pass.
   */
  objectElements(at: number, descend: string | null = null): (RawMember[] | null)[] | null {
    const b = this.bytes;
    if (b[at] !== LBRACKET) return null;
    const elements: (RawMember[] | null)[] = [];
    let i = at + 1;
    if (b[i] === RBRACKET) return elements;
    for (;;) {
      if (b[i] === LBRACE) {
        const object = this.object(i, descend);
        if (!object) return null;
        elements.push(object.members);
        i = object.end;
      } else {
        i = this.skipValue(i);
        elements.push(null);
      }
      if (b[i] === COMMA) i += 1;
      else if (b[i] === RBRACKET) return elements;
      else return null;
    }
  }

  private object(at: number, descend: string | null = null): { members: RawMember[]; end: number } | null {
    const b = this.bytes;
    if (b[at] !== LBRACE) return null;
    const members: RawMember[] = [];
    let i = at + 1;
    if (b[i] === RBRACE) return { members, end: i + 1 };
    for (;;) {
      if (b[i] !== QUOTE) return null;
      const keyStart = i;
      this.canonical = true;
      i = this.skipString(i);
      if (!this.canonical || b[i] !== COLON) return null;
      const key = latin1(b, keyStart + 1, i - 1);
      const start = i + 1;
      if (key === descend && b[start] === LBRACE) {
        const inner = this.object(start);
        if (!inner) return null;
        const canonical = !isIndexLike(key) && inner.members.every((m) => m.canonical);
        members.push({ key, keyStart, start, end: inner.end, canonical, members: inner.members });
        i = inner.end;
      } else {
        this.canonical = !isIndexLike(key);
        const end = this.skipValue(start);
        members.push({ key, keyStart, start, end, canonical: this.canonical });
        i = end;
      }
      if (b[i] === COMMA) i += 1;
      else if (b[i] === RBRACE) return { members, end: i + 1 };
      else return null;
    }
  }

  /** The elements of the array starting at `at`; null when it is not an array written without whitespace. */
  elements(at: number): RawSpan[] | null {
    const b = this.bytes;
    if (b[at] !== LBRACKET) return null;
    const elements: RawSpan[] = [];
    let i = at + 1;
    if (b[i] === RBRACKET) return elements;
    for (;;) {
      this.canonical = true;
      const end = this.skipValue(i);
      elements.push({ start: i, end, canonical: this.canonical });
      i = end;
      if (b[i] === COMMA) i += 1;
      else if (b[i] === RBRACKET) return elements;
      else return null;
    }
  }

  /** A member's value span by key (the first with that key), or null. */
  static member(members: readonly RawMember[] | null, key: string): RawMember | null {
    if (!members) return null;
    for (const m of members) if (m.key === key) return m;
    return null;
  }

  /** Skips the value starting at `i`; returns the index just after it. */
  private skipValue(i: number): number {
    const b = this.bytes;
    const c = b[i];
    if (c === QUOTE) return this.skipString(i);
    if (c === LBRACE || c === LBRACKET) return this.skipContainer(i);
    if (c === MINUS || (c !== undefined && c >= ZERO && c <= NINE)) return this.skipNumber(i);
    if (c === 116 /* t */ || c === 110 /* n */) return i + 4;
    if (c === 102 /* f */) return i + 5;
    // Whitespace before the value: not what JSON.stringify writes.
    const next = skipSpace(b, i);
    if (next === i) throw new Error(`raw JSON has no value at ${i}`);
    this.canonical = false;
    return this.skipValue(next);
  }

  private skipContainer(i: number): number {
    const b = this.bytes;
    let depth = 0;
    for (;;) {
      const c = b[i];
      if (c === QUOTE) {
        const open = i;
        i = this.skipString(i);
        // A key that looks like an array index: V8 puts it first, whatever order it came in.
        if (b[i] === COLON && isDigit(b[open + 1])) this.canonical = false;
      } else if (c === LBRACE || c === LBRACKET) {
        depth += 1;
        i += 1;
      } else if (c === RBRACE || c === RBRACKET) {
        depth -= 1;
        i += 1;
        if (depth === 0) return i;
      } else if (c === COMMA || c === COLON) {
        i += 1;
      } else if (c === 32 || c === 9 || c === 10 || c === 13) {
        this.canonical = false;
        i += 1;
      } else if (c === undefined) {
        throw new Error('raw JSON ended inside a value');
      } else {
        i = this.skipValue(i);
      }
    }
  }

  /** From an opening quote to just after its closing quote. Any escape makes the value non-canonical. */
  private skipString(i: number): number {
    const b = this.bytes;
    // A plain loop: most strings are a few bytes, shorter than a call to indexOf is worth.
    let j = i + 1;
    for (;;) {
      const c = b[j];
      if (c === QUOTE) return j + 1;
      if (c === BACKSLASH) {
        this.canonical = false;
        j += 2;
      } else if (c === undefined) {
        throw new Error('raw JSON ended inside a string');
      } else {
        j += 1;
      }
    }
  }

  private skipNumber(i: number): number {
    const b = this.bytes;
    const start = i;
    if (b[i] === MINUS) i += 1;
    let digits = 0;
    let leadingZeros = true;
    let dot = -1;
    for (;;) {
      const c = b[i];
      if (c !== undefined && c >= ZERO && c <= NINE) {
        if (c !== ZERO || !leadingZeros) {
          leadingZeros = false;
          digits += 1;
        } else if (dot >= 0) {
          // Zeros right after "0." are not significant, but many of them JSON.stringify writes as 1e-7.
          if (i - dot >= 6) this.canonical = false;
        }
        i += 1;
      } else if (c === DOT) {
        dot = i;
        i += 1;
      } else if (c === 101 || c === 69 || c === 43 /* e E + */) {
        this.canonical = false;
        i += 1;
      } else if (c === MINUS && i > start) {
        i += 1;
      } else {
        break;
      }
    }
    if (digits > SAFE_DIGITS) this.canonical = false;
    // "-0" and "-0.0" are 0 once parsed; "1.50" and "1." come back as 1.5 and 1.
    if (digits === 0 && b[start] === MINUS) this.canonical = false;
    if (dot >= 0 && (b[i - 1] === ZERO || b[i - 1] === DOT)) this.canonical = false;
    return i;
  }
}

/** The key bytes b[start, end) spell `key` (ASCII). */
function keyIs(b: Uint8Array, start: number, end: number, key: string): boolean {
  if (end - start !== key.length) return false;
  for (let k = 0; k < key.length; k++) if (b[start + k] !== key.charCodeAt(k)) return false;
  return true;
}

function isDigit(c: number | undefined): boolean {
  return c !== undefined && c >= ZERO && c <= NINE;
}

function isIndexLike(key: string): boolean {
  return key.length > 0 && isDigit(key.charCodeAt(0));
}

function skipSpace(b: Uint8Array, i: number): number {
  while (b[i] === 32 || b[i] === 9 || b[i] === 10 || b[i] === 13) i += 1;
  return i;
}

/** A key's text: keys are short and, written canonically, plain ASCII is the rule. */
function latin1(b: Uint8Array, start: number, end: number): string {
  if (end - start > 32) return Buffer.from(b.buffer, b.byteOffset + start, end - start).toString('utf8');
  let key = '';
  for (let k = start; k < end; k++) {
    const c = b[k]!;
    if (c >= 0x80) return Buffer.from(b.buffer, b.byteOffset + start, end - start).toString('utf8');
    key += String.fromCharCode(c);
  }
  return key;
}
