/**
 * One column's shown text, kept searchable for the table filter (row-order.ts): "which rows'
 * shown text contains the needle", lower-cased on both sides, exactly as `matchesFilter` in
 * columns.ts. The text is kept joined in runs (one per arriving batch) and searched with one
 * native indexOf per run; a run that lacks one of the needle's characters (hex ids have no "n")
 * is skipped without being read, which spares most of a 100,000-row directory's text (its two
 * id columns) for most needles.
 */

/** Lower-cased shown text of a run of rows, cells separated by \u0000, and where each cell ends. */
interface TextRun {
  start: number;
  /** Lower-cased shown text of the run's rows, cells separated by \u0000, and where each cell ends. */
  lowered: string;
  ends: Uint32Array;
  /** Which ASCII characters occur in `lowered` (a 128-bit set), and whether any other does. */
  ascii: Uint32Array;
  wide: boolean;
}

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

  /** Rows `start`…: their shown text joined (`shown`, with `ends`), as encoded. */
  append(start: number, shown: string, ends: Uint32Array): void {
    const lowered = lowerRun(shown, ends);
    this.runs.push({ start, lowered: lowered.lowered, ends: lowered.ends, ...charactersOf(lowered.lowered) });
  }

  /** Sets `matched[row]` for each row whose shown text contains the needle. */
  mark(needle: Needle, matched: Uint8Array): void {
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
