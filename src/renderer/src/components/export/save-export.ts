/**
 * Where a prepared export goes: in Electron, main shows a save dialog and writes exactly what
 * it prepared; in the browser harness the browser downloads the prepared content. Either way
 * the content came from main's export gate (prepare.ts), never straight from a view.
 */
import type { PreparedExport } from '@shared/domain/exports';
import { unwrap, workbench } from '@renderer/workbench';
import { prepareOutput } from './prepare';

export type ExportFormat = 'csv' | 'json' | 'md' | 'html' | 'txt';

const MIME: Record<ExportFormat, string> = {
  csv: 'text/csv;charset=utf-8',
  json: 'application/json',
  md: 'text/markdown;charset=utf-8',
  html: 'text/html;charset=utf-8',
  txt: 'text/plain;charset=utf-8',
};

export interface SavedExport {
  outcome: 'saved' | 'cancelled' | 'download';
  path: string | null;
}

let mode: Promise<'dialog' | 'download'> | null = null;

/** Saves (or downloads) what the export gate prepared. */
export async function savePrepared(prepared: PreparedExport): Promise<SavedExport> {
  if (prepared.target !== 'file' || !prepared.suggestedName) throw new Error('Only a file export can be saved.');
  mode ??= unwrap(workbench().files.exportMode({})).then((m) => m.mode);
  if ((await mode) === 'dialog') return unwrap(workbench().files.savePrepared({ exportId: prepared.exportId }));
  const name = prepared.suggestedName;
  const format = (name.split('.').pop() ?? 'json') as ExportFormat;
  download(name, new Blob([prepared.content], { type: MIME[format] ?? 'application/octet-stream' }));
  return { outcome: 'download', path: null };
}

/**
 * Text built elsewhere, saved without a preview: it still goes through the gate and is
 * redacted (JSON by key, anything else as free text).
 */
export async function saveExport(suggestedName: string, content: string): Promise<SavedExport> {
  const kind = suggestedName.endsWith('.json') ? 'json' : 'text';
  return savePrepared(await prepareOutput({ target: 'file', suggestedName, kind, text: content }, false));
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
  const safeStem =
    stem
      .replace(/[^A-Za-z0-9._-]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 80) || 'export';
  return `${safeStem}-${at.toISOString().slice(0, 19).replace(/:/g, '-')}.${format}`;
}
