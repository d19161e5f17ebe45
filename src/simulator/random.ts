/**
 * Deterministic, fast pseudo-randomness for generated data. Generating a 10,000-person company
 * must take milliseconds, so people are not built with a re-seeded faker per person (~70 µs
 * each) but with a tiny PRNG seeded from (company seed, kind, index) that picks from faker's
 * locale word lists. Not for secrets: tokens and codes come from node:crypto (secrets.ts).
 */

/** Murmur3's finaliser: spreads the bits of a 32-bit integer. */
function fmix32(input: number): number {
  let h = input >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** FNV-1a over UTF-16 code units, then mixed. Stable across runs and platforms. */
export function hashString(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return fmix32(h);
}

/** Combines several integers (seeds, kinds, indexes) into one well-mixed 32-bit seed. */
export function mix(...parts: number[]): number {
  let h = 0x9e3779b9;
  for (const part of parts) {
    h = fmix32((h ^ fmix32(part >>> 0)) + 0x7f4a7c15 + (h << 6) + (h >>> 2));
  }
  return h >>> 0;
}

/** Salts that keep the streams for different kinds of records apart. */
export const Stream = {
  company: 1,
  person: 2,
  personDetail: 3,
  employment: 4,
  payGroup: 5,
  payment: 6,
  payStatement: 7,
  benefit: 8,
  enrollment: 9,
  plan: 10,
  dependent: 11,
  document: 12,
  entity: 13,
  added: 14,
  connection: 15,
  account: 16,
} as const;

/** sfc32: small, fast, good enough for test data; seeded through splitmix32. */
export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: number) {
    // splitmix32 steps written out: a closure here was made once per generated record.
    const s = seed >>> 0;
    this.a = fmix32((s + 0x9e3779b9) >>> 0);
    this.b = fmix32((s + 2 * 0x9e3779b9) >>> 0);
    this.c = fmix32((s + 3 * 0x9e3779b9) >>> 0);
    this.d = fmix32((s + 4 * 0x9e3779b9) >>> 0);
  }

  u32(): number {
    const t = (((this.a + this.b) >>> 0) + this.d) >>> 0;
    this.d = (this.d + 1) >>> 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) >>> 0;
    this.c = ((this.c << 21) | (this.c >>> 11)) >>> 0;
    this.c = (this.c + t) >>> 0;
    return t;
  }

  /** Uniform in [0, 1). */
  float(): number {
    return this.u32() / 4294967296;
  }

  /** Uniform integer in [min, max], both inclusive. */
  int(min: number, max: number): number {
    return min + Math.floor(this.float() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.float() < probability;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new RangeError('pick() from an empty list');
    return items[Math.floor(this.float() * items.length)] as T;
  }

  /** Picks with relative weights: [[value, weight], ...]. */
  weighted<T>(choices: ReadonlyArray<readonly [T, number]>): T {
    let total = 0;
    for (const [, weight] of choices) total += weight;
    let roll = this.float() * total;
    for (const [value, weight] of choices) {
      roll -= weight;
      if (roll < 0) return value;
    }
    const last = choices[choices.length - 1];
    if (!last) throw new RangeError('weighted() from an empty list');
    return last[0];
  }

  digits(count: number): string {
    let out = '';
    for (let i = 0; i < count; i++) out += String(this.int(0, 9));
    return out;
  }

  /** A version-4-shaped UUID drawn from this stream (deterministic, not secret). */
  uuid(): string {
    return formatUuid(this.u32(), this.u32(), this.u32(), this.u32());
  }
}

function hex8(value: number): string {
  return (value >>> 0).toString(16).padStart(8, '0');
}

function formatUuid(w0: number, w1: number, w2: number, w3: number): string {
  const v1 = ((w1 & 0xffff0fff) | 0x00004000) >>> 0; // version nibble = 4
  const v2 = ((w2 & 0x3fffffff) | 0x80000000) >>> 0; // variant bits = 10
  const h = hex8(w0) + hex8(v1) + hex8(v2) + hex8(w3);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}

/** A deterministic UUID for (seed parts): the same parts always give the same id. */
export function seededUuid(...parts: number[]): string {
  return new Rng(mix(...parts)).uuid();
}
