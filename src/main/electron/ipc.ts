/**
 * Connects the IPC guard to ipcMain: one `handle` per contract channel (so an unknown
 * channel has no listener at all), and an event sink that sends to our own windows only.
 */
import type { BrowserWindow } from 'electron';
import { ipcMain } from 'electron';
import type { IpcGuard } from '../platform/ipc/guard';
import { originOf } from '../platform/security/navigation-policy';
import type { EventSink } from '../platform/events/event-hub';

export function registerIpc(guard: IpcGuard): void {
  for (const channel of guard.channels) {
    ipcMain.handle(channel, (event, payload: unknown) => {
      const frame = event.senderFrame;
      const origin = frame ? originOf(frame.url) : null;
      return guard.dispatch(channel, payload, {
        origin,
        isMainFrame: frame !== null && frame === event.sender.mainFrame,
        id: `webContents:${event.sender.id}`,
      });
    });
  }
}

/** Events go only to windows main created for the app, never to Connect pop-ups. */
export function windowEventSink(appWindows: () => Iterable<BrowserWindow>): EventSink {
  return (channel, payload) => {
    for (const window of appWindows()) {
      if (!window.isDestroyed()) window.webContents.send(channel, payload);
    }
  };
}
