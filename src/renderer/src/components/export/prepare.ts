/**
 * Sends what a view shows to main's export gate and gets back exactly what may leave the app:
 * redacted (consistent placeholders, counts per category) or, by the user's per-act choice,
 * raw without the vault's secrets. Large tables and texts go in parts: the browser harness
 * takes at most 1 MB per message.
 */
import type { ExportColumnSpec, PreparedExport } from '@shared/domain/exports';
import { EXPORT_PART_CHARS } from '@shared/domain/export-limits';
import { unwrap, workbench } from '@renderer/workbench';

/** What is about to leave, before redaction. */
export type OutputRequest =
  | {
      target: 'file' | 'clipboard';
      suggestedName?: string;
      kind: 'table';
      format: 'csv' | 'json';
      columns: ExportColumnSpec[];
      rows: unknown[][];
    }
  | { target: 'file' | 'clipboard'; suggestedName?: string; kind: 'json' | 'text' | 'command'; text: string }
  | { target: 'file'; suggestedName: string; kind: 'environments' };

/** Rows in parts of about EXPORT_PART_CHARS characters of JSON each (one oversized row is a part of its own). */
function rowParts(rows: readonly unknown[][]): unknown[][][] {
  const parts: unknown[][][] = [];
  let part: unknown[][] = [];
  let size = 0;
  for (const row of rows) {
    const length = JSON.stringify(row).length + 1;
    if (part.length > 0 && size + length > EXPORT_PART_CHARS) {
      parts.push(part);
      part = [];
      size = 0;
    }
    part.push(row);
    size += length;
  }
  if (part.length > 0) parts.push(part);
  return parts;
}

function textParts(text: string): string[] {
  const parts: string[] = [];
  for (let at = 0; at < text.length; at += EXPORT_PART_CHARS) parts.push(text.slice(at, at + EXPORT_PART_CHARS));
  return parts;
}

export async function prepareOutput(request: OutputRequest, raw: boolean): Promise<PreparedExport> {
  const api = workbench().files;
  const common = { target: request.target, raw, ...(request.suggestedName ? { suggestedName: request.suggestedName } : {}) };
  if (request.kind === 'table') {
    const parts = rowParts(request.rows);
    if (parts.length <= 1)
      return unwrap(
        api.prepareExport({ ...common, format: request.format, source: { kind: 'table', columns: request.columns, rows: parts[0] ?? [] } }),
      );
    let draftId: string | undefined;
    for (const rows of parts) draftId = (await unwrap(api.stageExport({ ...(draftId ? { draftId } : {}), rows }))).draftId;
    return unwrap(
      api.prepareExport({ ...common, format: request.format, source: { kind: 'table', columns: request.columns, draftId: draftId! } }),
    );
  }
  if (request.kind === 'environments') return unwrap(api.prepareExport({ ...common, source: { kind: 'environments' } }));
  const parts = textParts(request.text);
  if (parts.length <= 1) return unwrap(api.prepareExport({ ...common, source: { kind: request.kind, text: request.text } }));
  let draftId: string | undefined;
  for (const text of parts) draftId = (await unwrap(api.stageExport({ ...(draftId ? { draftId } : {}), text }))).draftId;
  return unwrap(api.prepareExport({ ...common, source: { kind: request.kind, draftId: draftId! } }));
}

/** A view's rows as the cells of its columns (what `toCsv` would write, before redaction). */
export function tableCells<R>(rows: readonly R[], keys: readonly string[], read: (row: R, key: string) => unknown): unknown[][] {
  return rows.map((row) => keys.map((key) => read(row, key) ?? null));
}
