/**
 * The table's sort and filter engine (the worker's logic) against the table's own rules:
 * compareValues/matchesFilter from columns.ts, with ties in row order. Rows arrive in batches,
 * as a streamed directory's do; every answer must equal sorting and filtering the row objects.
 */
import { describe, expect, it } from 'vitest';
import type { DataColumn } from '@renderer/components/data-table/columns';
import { compareValues, matchesFilter } from '@renderer/components/data-table/columns';
import { encodeRows } from '@renderer/components/data-table/row-encoding';
import type { RowQuery } from '@renderer/components/data-table/row-order';
import { RowStore } from '@renderer/components/data-table/row-order';

type Row = Record<string, unknown>;
const COLUMNS: DataColumn<Row>[] = [
  { id: 'first_name', header: 'First name', value: (r) => r['first_name'] },
  { id: 'last_name', header: 'Last name', value: (r) => r['last_name'] },
  { id: 'department', header: 'Department', value: (r) => (r['department'] as { name?: unknown } | null)?.name ?? r['department'] },
  { id: 'is_active', header: 'Active', value: (r) => r['is_active'] },
  { id: 'age', header: 'Age', value: (r) => r['age'] },
  { id: 'mixed', header: 'Mixed', value: (r) => r['mixed'] },
  { id: 'ssn', header: 'SSN', value: (r) => r['ssn'] },
];

/** A deterministic company: names differing only in case and accent, nulls, absences, "" and numbers in text. */
function people(n: number, seed = 7): Row[] {
  let s = seed;
  const rand = (k: number) => ((s = (s * 1103515245 + 12345) % 2147483648), s % k);
  const first = ['Ada', 'ada', 'Émile', 'emile', 'Zoë', 'Item 10', 'item 2', 'Bob', '', 'O’Brien', 'İlker'];
  const last = ['Smith', 'smith', 'Jones', 'Ångström', 'angstrom', 'van Dyke', 'Lee 3', 'Lee 20', 'Nguyen'];
  return Array.from({ length: n }, (_v, i) => {
    const row: Row = {
      id: `p-${i}`,
      first_name: rand(9) === 0 ? null : first[rand(first.length)],
      last_name: last[rand(last.length)],
      department: rand(6) === 0 ? null : { name: ['Sales', 'R&D', 'sales', 'Ops 2', 'Ops 10'][rand(5)] },
      is_active: rand(5) === 0 ? null : rand(2) === 0,
      age: rand(7) === 0 ? undefined : rand(50) - 10 + (rand(3) === 0 ? 0.5 : 0),
      mixed: [1, 'a', true, null, 10, 'B', -3, 2.5][rand(8)],
      ssn: `123-45-${String(rand(10_000)).padStart(4, '0')}`,
    };
    if (rand(10) === 0) delete row['last_name'];
    return row;
  });
}

/** The table's rules applied to the row objects (the reference the engine must equal). */
function expected(rows: Row[], query: RowQuery, revealed: boolean): number[] {
  const shown = COLUMNS.filter((c) => query.shown.includes(c.id));
  let order = rows.map((_r, i) => i);
  if (query.needle) order = order.filter((i) => matchesFilter(rows[i]!, shown, query.needle, revealed));
  const sort = query.sort;
  if (sort) {
    const column = COLUMNS.find((c) => c.id === sort.id)!;
    order.sort((a, b) => {
      const c = compareValues(column.value(rows[a]!), column.value(rows[b]!));
      return (sort.desc ? -c : c) || a - b;
    });
  }
  return order;
}

function storeOf(rows: Row[], batch: number, revealed: boolean): RowStore {
  const store = new RowStore();
  for (let start = 0; start < rows.length; start += batch)
    store.append(encodeRows(rows, start, Math.min(start + batch, rows.length), COLUMNS, revealed));
  return store;
}

const answer = (store: RowStore, query: RowQuery) => {
  const result = store.order(query);
  return result.order ? Array.from(result.order) : Array.from({ length: result.rows }, (_v, i) => i);
};

const ALL = COLUMNS.map((c) => c.id);

describe('row order (sort and filter off the UI thread)', () => {
  const rows = people(3_000);
  const store = storeOf(rows, 700, false);

  it.each(COLUMNS.map((c) => c.id))('sorts by %s ascending and descending as the table always did (ties in row order)', (id) => {
    for (const desc of [false, true]) {
      const query = { needle: '', shown: ALL, sort: { id, desc } };
      expect(answer(store, query)).toEqual(expected(rows, query, false));
    }
  });

  it('filters over the shown columns only, case-insensitively, nulls read as "null", masked values unsearchable', () => {
    for (const needle of ['a', 'sm', 'smith', 'null', 'ops 1', 'ångström', 'i̇lker', '123-45', '•', 'true', 'zzz']) {
      for (const shown of [ALL, ['first_name', 'ssn'], ['department']]) {
        const query = { needle, shown, sort: null };
        expect(answer(store, query), `${needle} over ${shown.join(',')}`).toEqual(expected(rows, query, false));
      }
    }
  });

  it('filters and sorts together; a growing needle narrows the previous answer correctly', () => {
    for (const needle of ['e', 'em', 'emi', 'e', 'l']) {
      const query = { needle, shown: ALL, sort: { id: 'last_name', desc: true } };
      expect(answer(store, query)).toEqual(expected(rows, query, false));
    }
  });

  it('revealed tables search the clear values', () => {
    const clear = storeOf(rows, 1_000, true);
    const query = { needle: '123-45-00', shown: ALL, sort: { id: 'age', desc: false } };
    const order = answer(clear, query);
    expect(order.length).toBeGreaterThan(0);
    expect(order).toEqual(expected(rows, query, true));
  });

  it('answers cover rows that arrived since the last answer (a directory still streaming in)', () => {
    const streaming = new RowStore();
    const query = { needle: 'a', shown: ALL, sort: { id: 'first_name', desc: false } };
    for (let start = 0; start < rows.length; start += 1_000) {
      streaming.append(encodeRows(rows, start, start + 1_000, COLUMNS, false));
      const arrived = rows.slice(0, start + 1_000);
      expect(answer(streaming, query)).toEqual(expected(arrived, query, false));
      expect(streaming.order(query).rows).toBe(arrived.length);
    }
  });

  it('no filter and no sort is every row in order, without an index array; firstMatch is the first passing row', () => {
    expect(store.order({ needle: '', shown: ALL, sort: null })).toEqual({ order: null, rows: 3_000, firstMatch: 0 });
    const first = expected(rows, { needle: 'van dyke', shown: ALL, sort: null }, false)[0]!;
    expect(store.order({ needle: 'van dyke', shown: ALL, sort: { id: 'age', desc: true } }).firstMatch).toBe(first);
  });

  it('answers stay right after earlier answers were handed to the UI thread (transferred, so emptied here)', () => {
    const fresh = storeOf(rows, 1_000, false);
    const queries: RowQuery[] = [
      { needle: '', shown: [], sort: { id: 'last_name', desc: false } },
      { needle: '', shown: [], sort: { id: 'last_name', desc: false } },
      { needle: 'a', shown: ALL, sort: { id: 'last_name', desc: false } },
      { needle: 'an', shown: ALL, sort: { id: 'last_name', desc: false } },
      { needle: 'a', shown: ALL, sort: { id: 'last_name', desc: false } },
    ];
    for (const query of queries) {
      const result = fresh.order(query);
      const shown = Array.from(result.order!);
      // What the worker does with every answer: postMessage(answer, [answer.order.buffer]).
      structuredClone(result.order, { transfer: [result.order!.buffer as ArrayBuffer] });
      expect(shown).toEqual(expected(rows, query, false));
    }
  });

  it('refuses rows out of order instead of misplacing them', () => {
    const fresh = new RowStore();
    expect(() => fresh.append(encodeRows(rows, 10, 20, COLUMNS, false))).toThrow(/expected row 0, got 10/);
  });

  it('filters hex ids, accented and wide text alike while rows stream in (a batch lacking a needle character is skipped)', () => {
    // Hex ids lack most letters; a column changes what it holds half-way (its later batches
    // hold characters its earlier ones lack); accents and İ change under lower-casing.
    const hex = (i: number) => ((i * 2654435761) >>> 0).toString(16).padStart(8, '0');
    const wide: DataColumn<Row>[] = [
      { id: 'id', header: 'Id', value: (r) => r['id'] },
      { id: 'first_name', header: 'First name', value: (r) => r['first_name'] },
      { id: 'late', header: 'Late', value: (r) => r['late'] },
      { id: 'note', header: 'Note', value: (r) => r['note'] },
    ];
    const many = people(9_000).map((p, i) => ({
      ...p,
      id: `${hex(i)}-${hex(i + 7)}`,
      late: i < 4_500 ? ['Ånn', 'bob', null][i % 3] : `Ånn-${hex(i)}`,
      note: i % 5 === 0 ? `İlker ${i}` : i % 7 === 0 ? undefined : 'ok',
    }));
    const reference = (arrived: Row[], needle: string) =>
      arrived.flatMap((r, i) => (wide.some((c) => matchesFilter(r, [c], needle, true)) ? [i] : []));
    const streaming = new RowStore();
    for (let start = 0; start < many.length; start += 1_500) {
      streaming.append(encodeRows(many, start, start + 1_500, wide, true));
      const arrived = many.slice(0, start + 1_500);
      for (const needle of ['a', 'an', 'ånn', 'ånn-a', 'f0', '9-', 'n', 'i̇lker 1', 'ilker', 'null', 'bob', 'ok', 'xyz']) {
        const query = { needle, shown: wide.map((c) => c.id), sort: null };
        expect(answer(streaming, query), `${needle} at ${arrived.length} rows`).toEqual(reference(arrived, needle));
      }
    }
  });
});
