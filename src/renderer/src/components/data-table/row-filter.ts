/**
 * One column's shown text, kept searchable for the table filter (row-order.ts): "which rows'
 * shown text contains the needle", lower-cased on both sides, exactly as `matchesFilter` in
 * columns.ts. Two shapes, so a 100,000-row filter is a few milliseconds rather than a scan of
 * every cell's text:
 *  - a dictionary while the column repeats itself (names, departments, true/false): each distinct
 *    text is searched once, then rows are marked by their code;
 *  - joined runs of text for columns of mostly distinct values (ids), searched with one native
 *    indexOf per run; a run that lacks one of the needle's characters (hex ids have no "n") is
 *    skipped without being read.
 */

/** Lower-cased shown text of a run of rows, cells separated by \u0000, and where each cell ends. */
interface TextRun {
  start: number;
  lowered: string;
  ends: Uint32Array;
  /** Which ASCII characters occur in `lowered` (a 128-bit set), and whether any other does. */
  ascii: Uint32Array;
  wide: boolean;
}

interface Dictionary {
  /** Shown text → code; code 0 is "no text" (rows before the column first appeared). */
  index: Map<string, number>;
  /** Lower-cased text of each code. */
  lowered: string[];
  /** Per row: its code. */
  codes: Uint16Array;
}

/** Past this many distinct texts a dictionary stops paying off (and codes must fit 16 bits). */
const MAX_DISTINCT = 65_535;
/** From this many rows on, a column whose texts are mostly distinct is searched as runs instead. */
const JUDGE_AFTER = 4_096;

/** Joins texts with \u0000 between cells; `ends[i]` is the offset just past cell i. */
export function joinTexts(texts: readonly string[]): { text: string; ends: Uint32Array } {
  const ends = new Uint32Array(texts.length);
  let at = 0;
  texts.forEach((t, i) => {
    at += t.length;
    ends[i] = at;
    at += 1;
  });
  return { text: texts.join('\u0000'), ends };
}

/** Lower-cases a joined run; when a character changes length in lower case (İ), cell by cell. */
function lowerRun(text: string, ends: Uint32Array): { lowered: string; ends: Uint32Array } {
  const lowered = text.toLowerCase();
  if (lowered.length === text.length) return { lowered, ends };
  const cells: string[] = [];
  let from = 0;
  for (const end of ends) {
    cells.push(text.slice(from, end).toLowerCase());
    from = end + 1;
  }
  const joined = joinTexts(cells);
  return { lowered: joined.text, ends: joined.ends };
}

/** The characters of a text: ASCII as a 128-bit set, and whether any other occurs. */
function charactersOf(text: string): { ascii: Uint32Array; wide: boolean } {
  const ascii = new Uint32Array(4);
  let wide = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 128) ascii[c >> 5]! |= 1 << (c & 31);
    else wide = true;
  }
  return { ascii, wide };
}

/** A needle's characters, to rule runs out before searching them. */
export interface Needle {
  text: string;
  ascii: Uint32Array;
  wide: boolean;
}

export const needleOf = (text: string): Needle => ({ text, ...charactersOf(text) });

/** Whether a run may hold the needle: every character of the needle occurs in it. */
function mayHold(run: TextRun, needle: Needle): boolean {
  if (needle.wide && !run.wide) return false;
  for (let w = 0; w < 4; w++) if ((needle.ascii[w]! & run.ascii[w]!) !== needle.ascii[w]) return false;
  return true;
}

export class ColumnText {
  private readonly runs: TextRun[] = [];
  private dictionary: Dictionary | null = { index: new Map(), lowered: [''], codes: new Uint16Array(1024) };

  /** Rows `start`…: their shown text joined (`shown`, with `ends`), as encoded. */
  append(start: number, shown: string, ends: Uint32Array): void {
    const lowered = lowerRun(shown, ends);
    this.runs.push({ start, lowered: lowered.lowered, ends: lowered.ends, ...charactersOf(lowered.lowered) });
    const dictionary = this.dictionary;
    if (!dictionary) return;
    const total = start + ends.length;
    if (dictionary.codes.length < total) {
      let capacity = dictionary.codes.length;
      while (capacity < total) capacity *= 2;
      const codes = new Uint16Array(capacity);
      codes.set(dictionary.codes);
      dictionary.codes = codes;
    }
    let from = 0;
    for (let i = 0; i < ends.length; i++) {
      const cell = shown.slice(from, ends[i]);
      from = ends[i]! + 1;
      let code = dictionary.index.get(cell);
      if (code === undefined) {
        code = dictionary.lowered.length;
        // Each cell lower-cased on its own, as matchesFilter does.
        dictionary.lowered.push(cell.toLowerCase());
        dictionary.index.set(cell, code);
      }
      dictionary.codes[start + i] = code;
    }
    const distinct = dictionary.index.size;
    if (distinct > MAX_DISTINCT || (total >= JUDGE_AFTER && distinct > total / 2)) this.dictionary = null;
  }

  /** Sets `matched[row]` for each of the first `rows` rows whose shown text contains the needle. */
  mark(needle: Needle, rows: number, matched: Uint8Array): void {
    const dictionary = this.dictionary;
    if (dictionary) {
      const { lowered, codes } = dictionary;
      const hits = new Uint8Array(lowered.length);
      let any = false;
      for (let code = 1; code < lowered.length; code++)
        if (lowered[code]!.includes(needle.text)) {
          hits[code] = 1;
          any = true;
        }
      if (!any) return;
      // Rows past the codes (batches without this column) have no text here.
      const end = Math.min(rows, codes.length);
      for (let i = 0; i < end; i++) if (hits[codes[i]!] === 1) matched[i] = 1;
      return;
    }
    for (const run of this.runs) {
      if (!mayHold(run, needle)) continue;
      let from = 0;
      for (;;) {
        const hit = run.lowered.indexOf(needle.text, from);
        if (hit < 0) break;
        const cell = cellAt(run.ends, hit);
        matched[run.start + cell] = 1;
        // One hit per cell is enough: go on from the next cell.
        from = run.ends[cell]! + 1;
      }
    }
  }
}

/** The cell a position in a joined run falls in (binary search over the cells' ends). */
function cellAt(ends: Uint32Array, position: number): number {
  let lo = 0;
  let hi = ends.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (ends[mid]! < position) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
