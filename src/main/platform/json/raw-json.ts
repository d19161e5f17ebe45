/**
 * Where values sit in the bytes of a JSON answer, so a page can be stored from the bytes Finch
 * sent instead of re-encoding every parsed record (JSON.stringify of a 5,000-person page cost
 * main more than parsing it).
 *
 * It finds where values start and end, and checks the bytes it skips against JSON's grammar
 * (bytes that are not JSON throw): a batch answer a snapshot stores is read this way without
 * ever being parsed whole (root()), and still only JSON is stored. Each value is also judged `canonical`:
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
  /** How many elements the value has, when it is an array read by object(). */
  count?: number;
  /** The members of each element, when it is the list root() was asked to read. */
  elements?: (RawMember[] | null)[];
}

/** An answer's root object, read whole: its members, and the elements of its list member. */
export interface RawRoot {
  members: RawMember[];
  /** The members of each element of the list (null for an element that is not an object). */
  elements: (RawMember[] | null)[];
}

import * as scanner from './json-scanner';
import { JsonScanner } from './json-scanner';

// Copied into this module's own constants once: read through the import, each use in the loops
// below is a property read of the module (a getter call per byte where the code is run as
// CommonJS, as tsx runs the tests and benches: a fifth of a batch's scan).
const { COLON, COMMA, LBRACE, LBRACKET, QUOTE, RBRACE, RBRACKET, ZERO, isDigit, isIndexLike, keyIs, latin1 } = scanner;

export class RawJson extends JsonScanner {
  private constructor(bytes: Uint8Array) {
    super(bytes);
  }

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
      if (keyIs(b, keyStart + 1, i - 1, key)) return i + 1;
      i = this.skipValue(i + 1);
      if (b[i] !== COMMA) return -1;
      i += 1;
    }
    return -1;
  }

  /**
   * The object at `at` without the members named in `drop`: the byte runs of the members kept
   * (commas between neighbours included), whether they are all canonical (a key kept twice is
   * not), how many members the object has in all, and how many were dropped. Keys are compared as bytes, not decoded. Null when the object is not
   * written without whitespace.
   */
  without(at: number, drop: readonly string[]): { runs: number[]; canonical: boolean; members: number; dropped: number } | null {
    const b = this.bytes;
    if (b[at] !== LBRACE) return null;
    const runs: number[] = [];
    let canonical = true;
    let members = 0;
    let dropped = 0;
    let run = -1;
    let runEnd = -1;
    let keptKeys = 0;
    let i = at + 1;
    if (b[i] === RBRACE) return { runs, canonical, members, dropped };
    for (;;) {
      if (b[i] !== QUOTE) return null;
      const keyStart = i;
      this.canonical = true;
      i = this.skipString(i);
      if (!this.canonical || b[i] !== COLON) return null;
      // A loop, not drop.some(): a closure per member of every record was garbage.
      let isDropped = false;
      for (let d = 0; d < drop.length && !isDropped; d++) isDropped = keyIs(b, keyStart + 1, i - 1, drop[d]!);
      this.canonical = !isDigit(b[keyStart + 1]);
      const end = this.skipValue(i + 1);
      members += 1;
      if (isDropped) {
        dropped += 1;
        if (run >= 0) runs.push(run, runEnd);
        run = -1;
      } else {
        // A key kept twice: the parsed object has it once, so the kept bytes would not match it.
        if (!this.canonical || repeatsKey(b, keyStart, i, keptKeys)) canonical = false;
        keptKeys = keepKey(keyStart, i, keptKeys);
        if (run < 0) run = keyStart;
        runEnd = end;
      }
      i = end;
      if (b[i] === COMMA) i += 1;
      else if (b[i] === RBRACE) break;
      else return null;
    }
    if (run >= 0) runs.push(run, runEnd);
    return { runs, canonical, members, dropped };
  }

  /**
   * The members of each element of the array starting at `at`, in one pass (null for an
   * element that is not an object); null when the array or one of its objects has whitespace.
   * The member named `descend`, when an object, has its own members read in the same pass.
   */
  objectElements(at: number, descend: string | null = null): (RawMember[] | null)[] | null {
    return this.readElements(at, descend)?.elements ?? null;
  }

  /**
   * The answer's root object, every byte of it checked (nothing may follow it), with the
   * elements of its `list` member read in the same pass as objectElements reads them. Null
   * when the root is not an object, is written with whitespace, or has no such list; throws
   * when the bytes are not JSON.
   */
  root(list: string, descend: string | null = null): RawRoot | null {
    const root = this.object(0, null, { key: list, descend });
    const listed = root && root.end === this.bytes.length ? root.members.find((m) => m.elements) : undefined;
    return listed ? { members: root!.members, elements: listed.elements! } : null;
  }

  private readElements(at: number, descend: string | null): { elements: (RawMember[] | null)[]; end: number } | null {
    const b = this.bytes;
    if (b[at] !== LBRACKET) return null;
    const elements: (RawMember[] | null)[] = [];
    let i = at + 1;
    if (b[i] === RBRACKET) return { elements, end: i + 1 };
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
      else if (b[i] === RBRACKET) return { elements, end: i + 1 };
      else return null;
    }
  }

  /** The string value spanned (a key's or a member's), decoded; null when it is not a string. */
  stringAt(span: RawSpan): string | null {
    const b = this.bytes;
    if (b[span.start] !== QUOTE) return null;
    // Without an escape the text between the quotes is the string itself.
    if (span.canonical) return Buffer.from(b.buffer, b.byteOffset + span.start + 1, span.end - span.start - 2).toString('utf8');
    return this.valueAt(span) as string;
  }

  /** The value spanned when it is a whole number written with up to 9 digits (a code); otherwise parsed. */
  integerAt(span: RawSpan): unknown {
    const b = this.bytes;
    const length = span.end - span.start;
    if (length < 1 || length > 9 || (b[span.start] === ZERO && length > 1)) return this.valueAt(span);
    let value = 0;
    for (let k = span.start; k < span.end; k++) {
      const c = b[k]!;
      if (!isDigit(c)) return this.valueAt(span);
      value = value * 10 + (c - ZERO);
    }
    return value;
  }

  /** The value spanned, parsed (a small one: an id, a code, one record). */
  valueAt(span: RawSpan): unknown {
    const b = this.bytes;
    return JSON.parse(Buffer.from(b.buffer, b.byteOffset + span.start, span.end - span.start).toString('utf8'));
  }

  /** `list`: the member whose elements are read as objectElements reads them (its first occurrence), into `elements`. */
  private object(
    at: number,
    descend: string | null = null,
    list: { key: string; descend: string | null } | null = null,
  ): { members: RawMember[]; end: number } | null {
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
      } else if (list && key === list.key && !members.some((m) => m.elements)) {
        const read = this.readElements(start, list.descend);
        if (!read) return null;
        members.push({ key, keyStart, start, end: read.end, canonical: false, elements: read.elements });
        i = read.end;
      } else {
        this.canonical = !isIndexLike(key);
        this.count = -1;
        const end = this.skipValue(start);
        const member: RawMember = { key, keyStart, start, end, canonical: this.canonical };
        if (b[start] === LBRACKET) member.count = this.count;
        members.push(member);
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
}

/** Where the keys kept so far by `without` sit (start and end of each, quotes included): reused, so a body costs no allocation. */
let keySpans = new Int32Array(64);

function keepKey(start: number, end: number, count: number): number {
  if (2 * count + 2 > keySpans.length) {
    const grown = new Int32Array(keySpans.length * 2);
    grown.set(keySpans);
    keySpans = grown;
  }
  keySpans[2 * count] = start;
  keySpans[2 * count + 1] = end;
  return count + 1;
}

/** The key b[start, end) is byte for byte one of the first `count` kept keys. */
function repeatsKey(b: Uint8Array, start: number, end: number, count: number): boolean {
  const length = end - start;
  for (let k = 0; k < count; k++) {
    const other = keySpans[2 * k]!;
    if (keySpans[2 * k + 1]! - other !== length) continue;
    let same = true;
    for (let j = 1; j < length - 1 && same; j++) same = b[start + j] === b[other + j];
    if (same) return true;
  }
  return false;
}
