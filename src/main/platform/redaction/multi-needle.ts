/**
 * Finds any of many needles in one pass (Rabin–Karp over a short window, with a bitmap in
 * front of the candidate table), so scanning a bundle for every encoding of every known
 * secret costs about one read of its bytes instead of one read per needle. Works on bytes and,
 * for the redactor's quick "could this text hold a secret?" check, on strings.
 */
const BASE = 257;
const BITMAP_BITS = 20;

function mix(hash: number): number {
  return (hash ^ (hash >>> BITMAP_BITS)) & ((1 << BITMAP_BITS) - 1);
}

export class MultiNeedle<N extends { length: number }> {
  private readonly window: number;
  private readonly pow: number;
  private readonly bitmap = new Uint8Array(1 << (BITMAP_BITS - 3));
  private readonly table = new Map<number, N[]>();
  private readonly code: (needle: N, index: number) => number;

  /** `code(needle, i)`: the i-th byte or char code of a needle. Needles shorter than 2 are ignored. */
  constructor(needles: readonly N[], code: (needle: N, index: number) => number, maxWindow = 8) {
    const usable = needles.filter((n) => n.length >= 2);
    this.code = code;
    this.window = Math.min(maxWindow, ...usable.map((n) => n.length));
    let pow = 1;
    for (let k = 1; k < this.window; k++) pow = Math.imul(pow, BASE);
    this.pow = pow;
    for (const needle of usable) {
      let hash = 0;
      for (let k = 0; k < this.window; k++) hash = (Math.imul(hash, BASE) + code(needle, k)) | 0;
      const slot = mix(hash);
      this.bitmap[slot >>> 3]! |= 1 << (slot & 7);
      const list = this.table.get(hash);
      if (list) list.push(needle);
      else this.table.set(hash, [needle]);
    }
  }

  get empty(): boolean {
    return this.table.size === 0;
  }

  /**
   * Every needle found in the haystack (each reported once). `at(i)` reads the haystack;
   * `matches(needle, i)` confirms a candidate at position i.
   */
  find(length: number, at: (i: number) => number, matches: (needle: N, i: number) => boolean, firstOnly = false): N[] {
    const found = new Set<N>();
    const w = this.window;
    if (this.table.size === 0 || length < w) return [];
    let hash = 0;
    for (let k = 0; k < w; k++) hash = (Math.imul(hash, BASE) + at(k)) | 0;
    for (let i = 0; ; i++) {
      const slot = mix(hash);
      if (this.bitmap[slot >>> 3]! & (1 << (slot & 7))) {
        for (const needle of this.table.get(hash) ?? []) {
          if (!found.has(needle) && i + needle.length <= length && matches(needle, i)) {
            found.add(needle);
            if (firstOnly) return [needle];
          }
        }
      }
      if (i + w >= length) break;
      hash = (Math.imul(hash - Math.imul(at(i), this.pow), BASE) + at(i + w)) | 0;
    }
    return [...found];
  }

  /** Needles (Uint8Array) found in bytes: the same walk as `find`, inlined for speed on megabytes. */
  static inBytes(index: MultiNeedle<Uint8Array>, bytes: Uint8Array): Uint8Array[] {
    const { window: w, pow, bitmap, table } = index;
    const found = new Set<Uint8Array>();
    const length = bytes.length;
    if (table.size === 0 || length < w) return [];
    let hash = 0;
    for (let k = 0; k < w; k++) hash = (Math.imul(hash, BASE) + bytes[k]!) | 0;
    for (let i = 0; ; i++) {
      const slot = (hash ^ (hash >>> BITMAP_BITS)) & ((1 << BITMAP_BITS) - 1);
      if (bitmap[slot >>> 3]! & (1 << (slot & 7))) {
        for (const needle of table.get(hash) ?? []) {
          if (found.has(needle) || i + needle.length > length) continue;
          let k = 0;
          while (k < needle.length && bytes[i + k] === needle[k]) k++;
          if (k === needle.length) found.add(needle);
        }
      }
      if (i + w >= length) break;
      hash = (Math.imul(hash - Math.imul(bytes[i]!, pow), BASE) + bytes[i + w]!) | 0;
    }
    return [...found];
  }

  /** Does the text contain any needle (strings)? */
  static inText(index: MultiNeedle<string>, text: string): boolean {
    return (
      index.find(
        text.length,
        (i) => text.charCodeAt(i),
        (needle, i) => text.startsWith(needle, i),
        true,
      ).length > 0
    );
  }
}
