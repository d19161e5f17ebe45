import { describe, expect, it } from 'vitest';
import { parseCsv, toCsv, toJson } from '@shared/export/table-export';
import { saveExport } from '@main/features/files/export-saver';

const columns = [
  { key: 'name', label: 'Name' },
  { key: 'pay', label: 'Pay' },
  { key: 'manager', label: 'Manager' },
];

describe('table export', () => {
  it('writes a CSV that parses back to the same header and cells', () => {
    const rows = [
      { name: 'Ana "Nan" Diaz, Jr.', pay: -1200.5, manager: { id: 'm1' } },
      { name: 'Line\nbreak', pay: 0, manager: null },
      { name: '=HYPERLINK("x")', pay: undefined, manager: 'plain' },
    ];
    const { header, rows: back } = parseCsv(toCsv(rows, columns));
    expect(header).toEqual(['Name', 'Pay', 'Manager']);
    expect(back).toEqual([
      ['Ana "Nan" Diaz, Jr.', '-1200.5', '{"id":"m1"}'],
      ['Line\nbreak', '0', ''],
      // A formula from provider data is neutralised, not run by the spreadsheet.
      ['\'=HYPERLINK("x")', '', 'plain'],
    ]);
  });

  it('writes JSON keyed by the shown column labels, nulls kept', () => {
    expect(JSON.parse(toJson([{ name: 'A', pay: null }], columns))).toEqual([{ Name: 'A', Pay: null, Manager: null }]);
  });

  it('asks the renderer to download when there is no save dialog, and reports a cancel', async () => {
    expect(await saveExport(null, 'a.csv', 'x')).toEqual({ outcome: 'download', path: null });
    expect(await saveExport({ save: async () => null }, 'a.csv', 'x')).toEqual({ outcome: 'cancelled', path: null });
    expect(await saveExport({ save: async (name) => `/tmp/${name}` }, 'a.csv', 'x')).toEqual({ outcome: 'saved', path: '/tmp/a.csv' });
  });
});

describe('export file names', () => {
  it('refuses a path or an unknown extension before any dialog opens', async () => {
    let asked = false;
    const saver = { save: async () => ((asked = true), '/tmp/x') };
    for (const name of ['../../etc/passwd.csv', 'a/b.csv', 'report.exe', '.csv', 'C:evil.json']) {
      await expect(saveExport(saver, name, 'x')).rejects.toMatchObject({ kind: 'validation' });
    }
    expect(asked).toBe(false);
  });
});
