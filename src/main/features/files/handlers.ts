/** The `files` channels: every export and copy passes the export gate (redaction, final scan). */
import type { HandlerMap } from '@shared/contract';
import type { ExportGate } from './export-gate';
import type { ExportSaver } from './export-saver';

export function buildFileHandlers(d: { exportGate: ExportGate; exportSaver: ExportSaver | null }): HandlerMap['files'] {
  const { exportGate, exportSaver } = d;
  return {
    exportMode: () => ({ mode: exportSaver ? 'dialog' : 'download' }),
    stageExport: (input) => exportGate.stage(input),
    prepareExport: (input) => exportGate.prepare(input),
    savePrepared: ({ exportId }) => exportGate.save(exportId),
  };
}
