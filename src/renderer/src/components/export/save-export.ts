/**
 * Every export in the renderer leaves through here: in Electron, main shows a save dialog
 * and writes the file; in the browser harness the browser downloads it (no content travels
 * to main, so large exports are not bounded by the harness socket).
 */
import { unwrap, workbench } from '../../workbench';

export type ExportFormat = 'csv' | 'json' | 'md' | 'html';

const MIME: Record<ExportFormat, string> = {
  csv: 'text/csv;charset=utf-8',
  json: 'application/json',
  md: 'text/markdown;charset=utf-8',
  html: 'text/html;charset=utf-8',
};

export interface SavedExport {
  outcome: 'saved' | 'cancelled' | 'download';
  path: string | null;
}

let mode: Promise<'dialog' | 'download'> | null = null;

export async function saveExport(suggestedName: string, content: string): Promise<SavedExport> {
  mode ??= unwrap(workbench().files.exportMode({})).then((m) => m.mode);
  if ((await mode) === 'dialog') return unwrap(workbench().files.saveExport({ suggestedName, content }));
  const format = (suggestedName.split('.').pop() ?? 'json') as ExportFormat;
  download(suggestedName, new Blob([content], { type: MIME[format] ?? 'application/octet-stream' }));
  return { outcome: 'download', path: null };
}

function download(name: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoke after the click has been handled; revoking at once can cancel the download.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** A file-name-safe stamp, e.g. directory-2026-11-23T10-04-05. */
export function exportName(stem: string, format: ExportFormat, at = new Date()): string {
  const safeStem = stem.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 80) || 'export';
  return `${safeStem}-${at.toISOString().slice(0, 19).replace(/:/g, '-')}.${format}`;
}
