/**
 * CSV / JSON of exactly what the table shows: its filtered, sorted rows and chosen columns,
 * each cell as shown (sensitive values masked unless revealed; CSV writes null as empty).
 */
import type { JSX } from 'react';
import { useState } from 'react';
import { toCsv, toJson } from '../../../../shared/export/table-export';
import { exportName, saveExport } from '../export/save-export';
import type { DataColumn } from './columns';
import { shownValue } from './columns';

interface Props<T> {
  stem: string;
  rows: readonly T[];
  columns: readonly DataColumn<T>[];
  revealed: boolean;
}

export function ExportButtons<T>({ stem, rows, columns, revealed }: Props<T>): JSX.Element {
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const run = async (format: 'csv' | 'json') => {
    const byId = new Map(columns.map((c) => [c.id, c]));
    const read = (row: unknown, key: string) => shownValue(byId.get(key)!, row as T, revealed);
    const exportColumns = columns.map((c) => ({ key: c.id, label: c.header }));
    const content = format === 'csv' ? toCsv(rows, exportColumns, read) : toJson(rows, exportColumns, read);
    try {
      const saved = await saveExport(exportName(stem, format), content);
      const what = `${rows.length.toLocaleString('en-US')} rows × ${columns.length} columns`;
      setMessage(saved.outcome === 'cancelled' ? null : { ok: true, text: saved.path ? `Saved ${what} to ${saved.path}` : `Downloaded ${what}` });
    } catch (error) {
      setMessage({ ok: false, text: `Export failed: ${(error as Error).message}` });
    }
  };
  return (
    <span className="export-buttons">
      <button type="button" className="button" onClick={() => void run('csv')} disabled={columns.length === 0}>
        Export CSV
      </button>
      <button type="button" className="button" onClick={() => void run('json')} disabled={columns.length === 0}>
        Export JSON
      </button>
      {message && (
        <span className={message.ok ? 'export-note muted' : 'export-note field-error'} role={message.ok ? undefined : 'alert'}>
          {message.text}
        </span>
      )}
    </span>
  );
}
