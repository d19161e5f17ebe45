/**
 * The rows and columns a table view shows, as CSV or JSON. Shared by the renderer (exports)
 * and the tests that parse the CSV back: the file must hold exactly what the view shows.
 * A cell is the view's value: null and undefined become empty (CSV has no null), objects
 * and arrays become JSON, everything else its string form.
 */
import Papa from 'papaparse';

export interface ExportColumn {
  /** Key used to read the cell from the row. */
  key: string;
  /** Header shown in the view and written to the file. */
  label: string;
}

export type CellReader = (row: unknown, key: string) => unknown;

const defaultReader: CellReader = (row, key) => (row && typeof row === 'object' ? (row as Record<string, unknown>)[key] : undefined);

/**
 * Cells a spreadsheet would run as a formula (provider data is untrusted text) get a leading
 * quote. Negative numbers are left alone: `-1200.50` is data, not a formula.
 */
const FORMULA = /^(?:[=+@\t\r]|-(?![\d.]))/;

export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

export function toCsv(rows: readonly unknown[], columns: readonly ExportColumn[], read: CellReader = defaultReader): string {
  const data = rows.map((row) => columns.map((c) => cellText(read(row, c.key))));
  return Papa.unparse({ fields: columns.map((c) => c.label), data }, { escapeFormulae: FORMULA, newline: '\r\n' });
}

export function toJson(rows: readonly unknown[], columns: readonly ExportColumn[], read: CellReader = defaultReader): string {
  const objects = rows.map((row) => Object.fromEntries(columns.map((c) => [c.label, read(row, c.key) ?? null])));
  return `${JSON.stringify(objects, null, 2)}\n`;
}

/** Parse an exported CSV back into header + rows (tests, and re-import checks). */
export function parseCsv(text: string): { header: string[]; rows: string[][] } {
  const parsed = Papa.parse<string[]>(text, { skipEmptyLines: true });
  if (parsed.errors.length > 0) throw new Error(`CSV does not parse: ${parsed.errors[0]!.message}`);
  const [header = [], ...rows] = parsed.data;
  return { header, rows };
}
