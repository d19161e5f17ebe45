/**
 * Sort and filter of a data table's rows, over compact column data instead of the row objects:
 * the in-order answer is an index array (row positions), so whoever shows the table maps only
 * the rows on screen. Pure, and the same code on both sides: the table worker runs it off the
 * UI thread for big tables (a 100,000-person directory), small tables run it in place.
 *
 * Semantics are those the table always had (`compareValues`, `matchesFilter` in columns.ts):
 * missing values (null, absent, "") sort last, numbers as numbers, booleans false < true, text
 * by the locale collator with numeric runs ("item 2" < "item 10") ignoring case and accents;
 * descending reverses the comparison (missing first), ties keep directory order. The filter
 * keeps rows where any shown column's shown text contains the needle, case-insensitively.
 */

import { ColumnText, needleOf } from './row-filter';

/** A cell's kind: decides how it sorts. */
export const MISSING = 0;
export const NUMBER = 1;
export const BOOLEAN = 2;
export const TEXT = 3;

/** One column of a run of consecutive rows, as sent to the worker (typed arrays are transferred). */
export interface EncodedColumn {
  id: string;
  /** Per row: MISSING | NUMBER | BOOLEAN | TEXT. */
  kinds: Uint8Array;
  /** Per row: the number, or 0/1 for a boolean. */
  nums: Float64Array;
  /** Every row's value as text (cellText), joined; `textEnds[i]` is where row i's text ends. */
  text: string;
  textEnds: Uint32Array;
  /** Every row's shown text (masked unless revealed; null as "null"), joined the same way. */
  shown: string;
  shownEnds: Uint32Array;
}

export interface EncodedBatch {
  /** Position of the batch's first row among all rows. */
  start: number;
  count: number;
  columns: EncodedColumn[];
}

export interface RowQuery {
  /** Already trimmed and lower-cased; "" filters nothing. */
  needle: string;
  /** Columns the filter looks at (the shown ones). */
  shown: readonly string[];
  sort: { id: string; desc: boolean } | null;
}

export interface RowOrder {
  /**
   * Row positions in display order; null: every row, in order (no filter, no sort). Always the
   * caller's own array (never a cached one): the worker transfers it, which empties it here.
   */
  order: Uint32Array | null;
  /** Rows the answer covers (rows that arrived later are not in it yet). */
  rows: number;
  /** The first row (in row order) that passes the filter, -1 if none: decides a column's first sort direction. */
  firstMatch: number;
}

export const isIdentity = (q: RowQuery) => q.needle === '' && q.sort === null;

/** One column's raw text for a run of rows, kept joined (sliced only when a sort needs it). */
interface TextRun {
  start: number;
  text: string;
  textEnds: Uint32Array;
}

class ColumnStore {
  kinds = new Uint8Array(1024);
  nums = new Float64Array(1024);
  runs: TextRun[] = [];
  /** The shown text, as the filter searches it. */
  readonly shown = new ColumnText();

  ensure(size: number): void {
    if (size <= this.kinds.length) return;
    let capacity = this.kinds.length;
    while (capacity < size) capacity *= 2;
    const kinds = new Uint8Array(capacity);
    kinds.set(this.kinds);
    const nums = new Float64Array(capacity);
    nums.set(this.nums);
    this.kinds = kinds;
    this.nums = nums;
  }
}

const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

/** Rows of one table, column by column, with cached sort orders. Rows only ever arrive at the end. */
export class RowStore {
  length = 0;
  private readonly columns = new Map<string, ColumnStore>();
  /** Per column: each row's dense rank (equal values share one), for the length it was built at. */
  private readonly ranks = new Map<string, { rows: number; ranks: Uint32Array; missing: number } | { rows: number; mixed: true }>();
  private readonly sorted = new Map<string, { rows: number; order: Uint32Array }>();
  /** The last filter's answer, narrowed further when the needle grows ("a" → "an"). */
  private lastFilter: { key: string; needle: string; rows: number; order: Uint32Array } | null = null;

  append(batch: EncodedBatch): void {
    if (batch.start !== this.length) throw new Error(`Rows arrived out of order: expected row ${this.length}, got ${batch.start}.`);
    for (const column of batch.columns) {
      let store = this.columns.get(column.id);
      if (!store) {
        // A column first seen now: its earlier rows are missing values.
        store = new ColumnStore();
        this.columns.set(column.id, store);
      }
      store.ensure(batch.start + batch.count);
      store.kinds.set(column.kinds, batch.start);
      store.nums.set(column.nums, batch.start);
      store.runs.push({ start: batch.start, text: column.text, textEnds: column.textEnds });
      store.shown.append(batch.start, column.shown, column.shownEnds);
    }
    this.length += batch.count;
    // A column missing from this batch: its cells here stay MISSING (zeros), but must exist.
    for (const store of this.columns.values()) store.ensure(this.length);
  }

  order(query: RowQuery): RowOrder {
    const rows = this.length;
    if (isIdentity(query)) return { order: null, rows, firstMatch: rows > 0 ? 0 : -1 };
    const base = query.sort ? this.sortedOrder(query.sort.id, query.sort.desc) : null;
    if (query.needle === '') return { order: base!.slice(), rows, firstMatch: rows > 0 ? 0 : -1 };
    const matched = this.matches(query.needle, query.shown);
    let firstMatch = -1;
    for (let i = 0; i < rows; i++)
      if (matched[i] === 1) {
        firstMatch = i;
        break;
      }
    const filterKey = `${query.shown.join('\u0000')}\u0001${query.sort ? `${query.sort.id}:${query.sort.desc}` : ''}`;
    // Narrowing: rows that did not contain "a" cannot contain "an"; keep the earlier order's survivors.
    const previous = this.lastFilter;
    const source =
      previous && previous.key === filterKey && previous.rows === rows && query.needle.includes(previous.needle) ? previous.order : base;
    const out = new Uint32Array(source ? source.length : rows);
    let n = 0;
    if (source) {
      for (let k = 0; k < source.length; k++) {
        const index = source[k]!;
        if (matched[index] === 1) out[n++] = index;
      }
    } else {
      for (let i = 0; i < rows; i++) if (matched[i] === 1) out[n++] = i;
    }
    const order = out.slice(0, n);
    this.lastFilter = { key: filterKey, needle: query.needle, rows, order };
    return { order: order.slice(), rows, firstMatch };
  }

  /** Per row: whether any of the columns' shown text contains the needle (already lower-cased). */
  private matches(needle: string, shown: readonly string[]): Uint8Array {
    const matched = new Uint8Array(this.length);
    const search = needleOf(needle);
    for (const id of shown) this.columns.get(id)?.shown.mark(search, matched);
    return matched;
  }

  /** Every row in this column's order (cached until more rows arrive). */
  sortedOrder(id: string, desc: boolean): Uint32Array {
    const key = `${id}:${desc}`;
    const cached = this.sorted.get(key);
    if (cached && cached.rows === this.length) return cached.order;
    const order = this.sortRows(id, desc);
    this.sorted.set(key, { rows: this.length, order });
    return order;
  }

  private sortRows(id: string, desc: boolean): Uint32Array {
    const n = this.length;
    const ranked = this.rankOf(id);
    if ('mixed' in ranked) return this.compareSort(id, desc);
    // Counting sort on the ranks: linear, and stable (ties stay in row order) by construction.
    const { ranks, missing } = ranked;
    const buckets = missing + 1;
    const counts = new Uint32Array(buckets + 1);
    for (let i = 0; i < n; i++) counts[(desc ? missing - ranks[i]! : ranks[i]!) + 1]! += 1;
    for (let b = 1; b <= buckets; b++) counts[b]! += counts[b - 1]!;
    const order = new Uint32Array(n);
    for (let i = 0; i < n; i++) order[counts[desc ? missing - ranks[i]! : ranks[i]!]!++] = i;
    return order;
  }

  /**
   * Dense ranks of a column: equal values (to the comparison) share a rank, missing values
   * rank last. A column mixing kinds (numbers and text) has no consistent rank: compared pairwise.
   */
  private rankOf(id: string): { rows: number; ranks: Uint32Array; missing: number } | { rows: number; mixed: true } {
    const n = this.length;
    const cached = this.ranks.get(id);
    if (cached && cached.rows === n) return cached;
    const store = this.columns.get(id);
    const ranks = new Uint32Array(n);
    if (!store) {
      const none = { rows: n, ranks, missing: 0 };
      this.ranks.set(id, none);
      return none;
    }
    let kind = MISSING;
    for (let i = 0; i < n; i++) {
      const k = store.kinds[i]!;
      if (k === MISSING) continue;
      if (kind === MISSING) kind = k;
      else if (k !== kind) {
        const mixed = { rows: n, mixed: true as const };
        this.ranks.set(id, mixed);
        return mixed;
      }
    }
    let missing = 0;
    if (kind === NUMBER || kind === BOOLEAN) {
      const values = new Float64Array(n);
      let m = 0;
      for (let i = 0; i < n; i++) if (store.kinds[i] !== MISSING) values[m++] = store.nums[i]!;
      const unique = values.subarray(0, m).sort();
      const rankOfValue = new Map<number, number>();
      for (const v of unique) if (!rankOfValue.has(v)) rankOfValue.set(v, rankOfValue.size);
      missing = rankOfValue.size;
      for (let i = 0; i < n; i++) ranks[i] = store.kinds[i] === MISSING ? missing : rankOfValue.get(store.nums[i]!)!;
    } else if (kind === TEXT) {
      const texts = this.texts(store);
      const distinct = [...new Set(texts.filter((_t, i) => store.kinds[i] !== MISSING))].sort(collator.compare);
      const rankOfText = new Map<string, number>();
      let rank = -1;
      distinct.forEach((t, i) => {
        // "Smith" and "smith" compare equal: one rank, so their rows keep directory order.
        if (i === 0 || collator.compare(distinct[i - 1]!, t) !== 0) rank += 1;
        rankOfText.set(t, rank);
      });
      missing = rank + 1;
      for (let i = 0; i < n; i++) ranks[i] = store.kinds[i] === MISSING ? missing : rankOfText.get(texts[i]!)!;
    }
    const built = { rows: n, ranks, missing };
    this.ranks.set(id, built);
    return built;
  }

  /** A mixed column, compared pair by pair exactly as `compareValues` does. */
  private compareSort(id: string, desc: boolean): Uint32Array {
    const store = this.columns.get(id)!;
    const texts = this.texts(store);
    const order = Array.from({ length: this.length }, (_v, i) => i);
    const compare = (a: number, b: number): number => {
      const ka = store.kinds[a]!;
      const kb = store.kinds[b]!;
      if (ka === MISSING || kb === MISSING) return ka === kb ? 0 : ka === MISSING ? 1 : -1;
      if (ka === kb && ka !== TEXT) return store.nums[a]! - store.nums[b]!;
      return collator.compare(texts[a]!, texts[b]!);
    };
    order.sort((a, b) => (desc ? -compare(a, b) : compare(a, b)) || a - b);
    return Uint32Array.from(order);
  }

  /** Every row's raw text in this column (sliced from the joined runs; only while sorting). */
  private texts(store: ColumnStore): string[] {
    const texts: string[] = new Array<string>(this.length).fill('');
    for (const run of store.runs) {
      let from = 0;
      run.textEnds.forEach((end, i) => {
        texts[run.start + i] = run.text.slice(from, end);
        from = end + 1;
      });
    }
    return texts;
  }
}
