/** The `files` channels: every export and copy passes the export gate (redaction, final scan). */
import type { HandlerMap } from '../../../shared/contract';
import type { ExportGate } from './export-gate';
import type { ExportSaver } from './export-saver';
import { saveExport } from './export-saver';

export function buildFileHandlers(d: { exportGate: ExportGate; exportSaver: ExportSaver | null }): HandlerMap['files'] {
  const { exportGate, exportSaver } = d;
  return {
    exportMode: () => ({ mode: exportSaver ? 'dialog' : 'download' }),
    saveExport: ({ suggestedName, content }) => (exportGate.assertNoSecrets(suggestedName, content), saveExport(exportSaver, suggestedName, content)),
    stageExport: (input) => exportGate.stage(input),
    prepareExport: (input) => exportGate.prepare(input),
    savePrepared: ({ exportId }) => exportGate.save(exportId),
  };
}
