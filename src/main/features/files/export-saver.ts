/**
 * Where an export (CSV, JSON, Markdown, HTML) goes, which differs by shell:
 *  - Electron: main shows a save dialog and writes the file (src/main/electron/file-saver.ts).
 *  - Browser harness: there is no dialog; the renderer downloads the content itself.
 * Content reaching here has been through the export gate (export-gate.ts): redacted, or raw by
 * the user's choice, and checked for every known secret.
 */
import { WorkbenchError } from '@main/platform/errors';
import type { FileSaver } from '@main/platform/delivery/delivery';

export interface ExportSaver {
  /** Resolves with the chosen path, or null when the user cancelled. */
  save(suggestedName: string, content: string | Uint8Array): Promise<string | null>;
}

/** Text exports through the shell's file saver (src/main/platform/delivery/delivery.ts), filtered by extension. */
export function exportSaverFrom(files: FileSaver): ExportSaver {
  return {
    save: (suggestedName, content) => {
      const extension = suggestedName.split('.').pop() ?? '';
      const bytes = typeof content === 'string' ? new TextEncoder().encode(content) : content;
      return files.save({ suggestedName, filter: { name: extension.toUpperCase(), extensions: [extension] }, bytes });
    },
  };
}

export interface ExportOutcome {
  outcome: 'saved' | 'cancelled' | 'download';
  path: string | null;
}

const PLAIN_NAME = /^[^/\\:*?"<>|\u0000-\u001f]+\.(csv|json|md|html|txt|zip|pdf)$/;

export async function saveExport(saver: ExportSaver | null, suggestedName: string, content: string | Uint8Array): Promise<ExportOutcome> {
  // The dialog proposes this name; a path or an odd extension is the renderer's bug, said plainly.
  if (!PLAIN_NAME.test(suggestedName) || suggestedName.startsWith('.')) {
    throw new WorkbenchError(
      'validation',
      `“${suggestedName.slice(0, 80)}” is not a plain file name ending in .csv, .json, .md, .html, .txt, .zip or .pdf.`,
      {
        fields: [{ path: 'suggestedName', message: 'must be a plain file name with a known extension' }],
      },
    );
  }
  if (!saver) return { outcome: 'download', path: null };
  const path = await saver.save(suggestedName, content);
  return path === null ? { outcome: 'cancelled', path: null } : { outcome: 'saved', path };
}
