/**
 * The Electron shell, kept thin: wires Electron adapters into the shared core, serves the
 * renderer from app://workbench, and registers the IPC guard. All logic lives in services
 * that run (and are tested) under plain Node.
 */
import { join } from 'node:path';
import { app, BrowserWindow } from 'electron';
import { contract } from '../shared/contract';
import { createWorkbenchCore } from './core';
import { createIpcGuard } from './ipc/guard';
import { FINCH_CONNECT_ORIGIN } from './security/csp';
import type { NavigationContext } from './security/navigation-policy';
import { APP_ORIGIN, handleAppScheme, registerAppScheme } from './electron/app-protocol';
import { createMainWindow, lockDownSession, preloadPathFrom } from './electron/main-window';
import { registerIpc, windowEventSink } from './electron/ipc';
import { openElectronSettingsStore } from './electron/settings-store';
import { safeStorageCipher } from './electron/safe-storage-cipher';
import { electronNativeBinding } from './storage/database';

registerAppScheme();

// In `electron-vite dev` the renderer comes from Vite's dev server instead of app://.
const devServerUrl = process.env['ELECTRON_RENDERER_URL'];
const appOrigin = devServerUrl ? new URL(devServerUrl).origin : APP_ORIGIN;
const appWindows = new Set<BrowserWindow>();

function navigationContext(): NavigationContext {
  // The environments issue adds the local simulator's Connect origin here.
  return { appOrigin, connectOrigins: [FINCH_CONNECT_ORIGIN] };
}

void app.whenReady().then(() => {
  const core = createWorkbenchCore({
    app: {
      name: 'Finch Workbench',
      version: app.getVersion(),
      runtime: 'electron',
      platform: `${process.platform} ${process.arch}`,
      dataFolder: app.getPath('userData'),
    },
    openSettingsStore: openElectronSettingsStore,
    cipher: safeStorageCipher,
    sqliteNativeBinding: electronNativeBinding(app.getAppPath()),
  });

  const guard = createIpcGuard({
    contract,
    handlers: core.handlers,
    isTrustedSender: (sender) =>
      sender.origin === appOrigin && [...appWindows].some((w) => sender.id === `webContents:${w.webContents.id}`),
    onInternalError: (reference, channel, error) => console.error(`[ipc ${reference}] ${channel}`, error),
  });
  registerIpc(guard);
  app.on('will-quit', () => core.close());
  core.events.addSink(windowEventSink(() => appWindows));

  lockDownSession(navigationContext);
  handleAppScheme(join(__dirname, '../renderer'), () => navigationContext().connectOrigins);

  const open = (): void => {
    const window = createMainWindow({
      preloadPath: preloadPathFrom(__dirname),
      url: devServerUrl ?? `${APP_ORIGIN}/index.html`,
      navigation: navigationContext,
    });
    appWindows.add(window);
    window.on('closed', () => appWindows.delete(window));
  };
  open();
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) open();
  });
});

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});
