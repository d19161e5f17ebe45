/** The Electron export saver: a native save dialog, then a plain write of the chosen file. */
import { writeFile } from 'node:fs/promises';
import { extname } from 'node:path';
import type { BrowserWindow } from 'electron';
import { dialog } from 'electron';
import type { ExportSaver } from '../files/export-saver';

export function saveDialogSaver(parent: () => BrowserWindow | undefined): ExportSaver {
  return {
    async save(suggestedName, content) {
      const extension = extname(suggestedName).slice(1);
      const options = {
        defaultPath: suggestedName,
        filters: extension ? [{ name: extension.toUpperCase(), extensions: [extension] }] : [],
      };
      const window = parent();
      const result = window ? await dialog.showSaveDialog(window, options) : await dialog.showSaveDialog(options);
      if (result.canceled || !result.filePath) return null;
      await writeFile(result.filePath, content);
      return result.filePath;
    },
  };
}
