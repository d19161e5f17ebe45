/**
 * Exports in the desktop app: a native save dialog (attached to the app window), then the
 * bytes are written where the user chose, readable by the user only. Cancelling writes nothing.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { BrowserWindow } from 'electron';
import { app, dialog } from 'electron';
import type { FileSaver } from '../platform/delivery/delivery';

export function electronFileSaver(parent: () => BrowserWindow | undefined): FileSaver {
  return {
    async save({ suggestedName, filter, bytes }) {
      const options = {
        defaultPath: join(app.getPath('downloads'), suggestedName),
        filters: [filter],
        properties: ['createDirectory' as const, 'showOverwriteConfirmation' as const],
      };
      const window = parent();
      const result = window ? await dialog.showSaveDialog(window, options) : await dialog.showSaveDialog(options);
      if (result.canceled || !result.filePath) return null;
      await writeFile(result.filePath, bytes, { mode: 0o600 });
      return result.filePath;
    },
  };
}
