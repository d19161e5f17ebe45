/**
 * Where an export (CSV, JSON, Markdown, HTML) goes, which differs by shell:
 *  - Electron: main shows a save dialog and writes the file (src/main/electron/save-dialog.ts).
 *  - Browser harness: there is no dialog; the renderer downloads the content itself.
 * Content reaching here was built by the renderer from data it already holds, so it carries
 * no secret the renderer could not see.
 */
export interface ExportSaver {
  /** Resolves with the chosen path, or null when the user cancelled. */
  save(suggestedName: string, content: string | Uint8Array): Promise<string | null>;
}

export interface ExportOutcome {
  outcome: 'saved' | 'cancelled' | 'download';
  path: string | null;
}

export async function saveExport(saver: ExportSaver | null, suggestedName: string, content: string | Uint8Array): Promise<ExportOutcome> {
  if (!saver) return { outcome: 'download', path: null };
  const path = await saver.save(suggestedName, content);
  return path === null ? { outcome: 'cancelled', path: null } : { outcome: 'saved', path };
}
