/**
 * Redaction of what a view shows: table rows (cells under columns), JSON of a view, free text.
 * A column knows its field (`first_name`, `residence.city`, or "the field named in the Field
 * cell of this row" for a diff's Before/After), so whole cells of personal data become
 * placeholders; other cells go through the free-text rules. Values found by field are also
 * taught to the Redactor as known personal values, so the same name inside a message or a
 * "Person" column of the same output becomes the same placeholder.
 */
import type { RedactionCategory } from './patterns';
import { keyCategory, Redactor } from './redactor';

export interface TableColumn {
  key: string;
  label: string;
  path?: string | undefined;
  pathFrom?: string | undefined;
}

/** The table view's mask for values not revealed: already hidden, not a value to number. */
const ALREADY_HIDDEN = /^[•*]+(?: \(hidden\))?$/;

/** Parents whose bare `name` is a person's; `department.name` or `location.name` is not. */
const PERSON_PARENTS = /^(individual|employee|manager|person|dependent|beneficiary|contact|customer|user)s?$/i;

/** What a dotted path holds: the category of its last segment that has one (`income.amount` → amount). */
export function pathCategory(path: string): RedactionCategory | null {
  const segments = path.split(/[.›/\s]+/).filter((s) => s.length > 0 && !/^\d+$/.test(s));
  for (let i = segments.length - 1; i >= 0; i--) {
    if (segments[i]!.toLowerCase() === 'name' && i > 0 && !PERSON_PARENTS.test(segments[i - 1]!)) continue;
    const category = keyCategory(segments[i]!);
    if (category) return category;
  }
  return null;
}

/** Category of a column in one row: its own field, the field another cell names, or its label. */
function cellCategory(column: TableColumn, row: readonly unknown[], index: ReadonlyMap<string, number>): RedactionCategory | null {
  if (column.pathFrom !== undefined) {
    const named = row[index.get(column.pathFrom) ?? -1];
    if (typeof named === 'string') return pathCategory(named);
  }
  return pathCategory(column.path ?? column.key) ?? keyCategory(column.label);
}

const PERSONAL: ReadonlySet<RedactionCategory> = new Set(['name', 'email', 'ssn', 'phone', 'address', 'personal', 'field']);
const empty = (v: unknown) => v === null || v === undefined || v === '';
const asText = (v: unknown) => (typeof v === 'string' ? v : (JSON.stringify(v) ?? ''));

/** Personal values a table holds by field: what the Redactor must also find in free text. */
export function personalInTable(columns: readonly TableColumn[], rows: readonly (readonly unknown[])[]): [string, RedactionCategory][] {
  const index = new Map(columns.map((c, i) => [c.key, i]));
  const found = new Map<string, RedactionCategory>();
  for (const row of rows) {
    columns.forEach((column, i) => {
      const cell = row[i];
      if (typeof cell !== 'string' || empty(cell) || ALREADY_HIDDEN.test(cell)) return;
      const category = cellCategory(column, row, index);
      if (category && PERSONAL.has(category) && !found.has(cell)) found.set(cell, category);
    });
  }
  return [...found];
}

/** Personal values of a JSON document by key (first_name, emails[].data, ssn…). */
export function personalInJson(
  value: unknown,
  into = new Map<string, RedactionCategory>(),
  category: RedactionCategory | null = null,
  depth = 0,
): Map<string, RedactionCategory> {
  if (depth > 20) return into;
  if (typeof value === 'string') {
    if (category && PERSONAL.has(category) && !empty(value) && !into.has(value)) into.set(value, category);
  } else if (Array.isArray(value)) {
    for (const v of value) personalInJson(v, into, category, depth + 1);
  } else if (value && typeof value === 'object') {
    for (const [key, v] of Object.entries(value)) personalInJson(v, into, keyCategory(key) ?? category, depth + 1);
  }
  return into;
}

/** Every string inside a JSON value through `fn` (raw output: only the vault's secrets go). */
function mapStrings(value: unknown, fn: (s: string) => string, depth = 0): unknown {
  if (typeof value === 'string') return fn(value);
  if (depth > 50 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((v) => mapStrings(v, fn, depth + 1));
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [fn(k), mapStrings(v, fn, depth + 1)]));
}

export function redactRows(
  redactor: Redactor,
  columns: readonly TableColumn[],
  rows: readonly (readonly unknown[])[],
  raw: boolean,
): unknown[][] {
  const index = new Map(columns.map((c, i) => [c.key, i]));
  return rows.map((row) =>
    columns.map((column, i) => {
      const cell = row[i];
      if (raw) return mapStrings(cell, (s) => redactor.secretsOnly(s));
      if (empty(cell) || (typeof cell === 'string' && ALREADY_HIDDEN.test(cell))) return cell;
      const category = cellCategory(column, row, index);
      if (category) return redactor.mark(category, asText(cell));
      if (typeof cell === 'string') return redactor.text(cell);
      if (typeof cell === 'object') return redactor.value(cell);
      return cell;
    }),
  );
}

/** JSON of a view, redacted (or, raw, only without the vault's secrets). */
export function redactJson(redactor: Redactor, value: unknown, raw: boolean): unknown {
  return raw ? mapStrings(value, (s) => redactor.secretsOnly(s)) : redactor.value(value);
}
