/**
 * CSV / JSON of exactly what the table shows: its filtered, sorted rows and chosen columns,
 * each cell as shown (sensitive values masked unless revealed). Main redacts it before it
 * leaves (names, SSNs, pay… become consistent placeholders); the dialog previews that and
 * offers raw output as a per-export choice.
 */
import type { JSX } from 'react';
import { exportName } from '../export/save-export';
import { ExportFormatButtons } from '../export/ExportFormatButtons';
import { tableCells } from '../export/prepare';
import { useOutput } from '../export/useOutput';
import type { DataColumn } from './columns';
import { shownValue } from './columns';

interface Props<T> {
  stem: string;
  /** The rows to export, in order: asked for at the click (a 100,000-row table does not build the list every render). */
  rows: () => readonly T[];
  columns: readonly DataColumn<T>[];
  revealed: boolean;
  /** Not every row has been read (e.g. "Partial: 100 of 10,000 people (still loading)"). */
  partial?: string | null;
}

export function ExportButtons<T>({ stem, rows: rowsNow, columns, revealed, partial = null }: Props<T>): JSX.Element {
  const output = useOutput();
  const run = (format: 'csv' | 'json') => {
    const rows = rowsNow();
    const byId = new Map(columns.map((c) => [c.id, c]));
    const cells = tableCells(
      rows,
      columns.map((c) => c.id),
      (row, key) => shownValue(byId.get(key)!, row, revealed),
    );
    const what = `${rows.length.toLocaleString('en-US')} rows × ${columns.length} columns${partial ? ` — ${partial}` : ''}`;
    output.exportFile(`Export ${format.toUpperCase()}${partial ? ' (partial)' : ''}`, what, {
      target: 'file',
      suggestedName: exportName(partial ? `${stem}-partial` : stem, format),
      kind: 'table',
      format,
      columns: columns.map((c) => ({ key: c.id, label: c.header, ...(c.path ? { path: c.path } : {}) })),
      rows: cells,
    });
  };
  const note = output.note;
  return (
    <span className="export-buttons">
      <ExportFormatButtons onExport={run} disabled={columns.length === 0} />
      {note && (
        <span className={note.ok ? 'export-note muted' : 'export-note field-error'} role={note.ok ? undefined : 'alert'}>
          {note.ok ? note.text : `Export failed: ${note.text}`}
        </span>
      )}
      {output.element}
    </span>
  );
}
