/**
 * The Electron shell, kept thin: wires Electron adapters into the shared core, serves the
 * renderer from app://workbench, and registers the IPC guard. All logic lives in services
 * that run (and are tested) under plain Node.
 */
import { join } from 'node:path';
import { app, BrowserWindow, dialog } from 'electron';
import { contract } from '../shared/contract';
import { startWorkbenchCore } from './core';
import { createIpcGuard } from './platform/ipc/guard';
import { FINCH_CONNECT_ORIGIN } from './platform/security/csp';
import type { NavigationContext } from './platform/security/navigation-policy';
import { APP_ORIGIN, handleAppScheme, registerAppScheme } from './electron/app-protocol';
import { createMainWindow, lockDownSession, preloadPathFrom } from './electron/main-window';
import { registerIpc, windowEventSink } from './electron/ipc';
import { openElectronSettingsStore } from './electron/settings-store';
import { safeStorageCipher } from './electron/safe-storage-cipher';
import { electronNativeBinding } from './platform/storage/database';
import type { StartFailurePorts } from './platform/startup/start-failure';
import { PREPARE_SQLITE_COMMAND, reportStartFailure, reportUnexpected, StartupError } from './platform/startup/start-failure';
import { openRedirectWindow } from './electron/redirect-window';
import { electronFileSaver } from './electron/file-saver';
import { electronPdfPrinter } from './electron/pdf-printer';

registerAppScheme();

// In `electron-vite dev` the renderer comes from Vite's dev server instead of app://.
const devServerUrl = process.env['ELECTRON_RENDERER_URL'];
const appOrigin = devServerUrl ? new URL(devServerUrl).origin : APP_ORIGIN;
const appWindows = new Set<BrowserWindow>();
let connectOrigins: () => string[] = () => [FINCH_CONNECT_ORIGIN];

function navigationContext(): NavigationContext {
  return { appOrigin, connectOrigins: connectOrigins() };
}

// Electron's own dialog and exit: a failed start is shown and ends the process with code 1.
const failurePorts: StartFailurePorts = {
  showErrorBox: (title, content) => dialog.showErrorBox(title, content),
  exit: (code) => app.exit(code),
  log: (line) => console.error(line),
};
let started = false;
process.on('unhandledRejection', (reason) => {
  if (started) reportUnexpected(failurePorts, reason, 'Unhandled promise rejection in the main process');
  else reportStartFailure(failurePorts, reason);
});
process.on('uncaughtException', (error) => {
  if (started) reportUnexpected(failurePorts, error, 'Uncaught exception in the main process');
  else reportStartFailure(failurePorts, error);
});

/** The Electron-ABI SQLite addon; without it Node's build would load and fail with an ABI error. */
function sqliteAddon(): string {
  const binding = electronNativeBinding(app.getAppPath());
  if (binding) return binding;
  throw new StartupError(
    'sqlite-addon',
    `The SQLite addon built for Electron ${process.versions.electron} is missing (native/electron/better_sqlite3.node).`,
    `Run \`${PREPARE_SQLITE_COMMAND}\` (\`npm start\` runs it for you), then start again. Without Electron, \`npm run web\` runs the same app in your browser.`,
  );
}

void app
  .whenReady()
  .then(startApp)
  .catch((error: unknown) => reportStartFailure(failurePorts, error));

async function startApp(): Promise<void> {
  const core = await startWorkbenchCore({
    app: {
      name: 'Finch Workbench',
      version: app.getVersion(),
      runtime: 'electron',
      platform: `${process.platform} ${process.arch}`,
      dataFolder: app.getPath('userData'),
    },
    openSettingsStore: openElectronSettingsStore,
    cipher: safeStorageCipher,
    sqliteNativeBinding: sqliteAddon(),
    fileSaver: electronFileSaver(() => [...appWindows][0]),
    pdfPrinter: electronPdfPrinter,
    redirectOpener: {
      mode: 'window',
      // The local simulator accepts any redirect URI; this one can never be a real page.
      defaultRedirectUri: 'https://finch-workbench.invalid/connect/callback',
      open: (launchUrl, redirectUri) => openRedirectWindow([...appWindows][0], launchUrl, redirectUri),
    },
  });

  const guard = createIpcGuard({
    contract,
    handlers: core.handlers,
    isTrustedSender: (sender) =>
      sender.origin === appOrigin && [...appWindows].some((w) => sender.id === `webContents:${w.webContents.id}`),
    onInternalError: (reference, channel, error) => console.error(`[ipc ${reference}] ${channel}`, error),
  });
  // Connect may be framed from Finch, the embedded simulator, or an environment's own Connect URL.
  connectOrigins = () => {
    const origins = new Set([FINCH_CONNECT_ORIGIN]);
    if (core.simulator) origins.add(new URL(core.simulator.connectUrl).origin);
    for (const env of core.environments.state().environments) if (env.connectUrl) origins.add(new URL(env.connectUrl).origin);
    return [...origins];
  };
  registerIpc(guard);
  app.on('will-quit', () => void core.close());
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
  started = true;
}

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});
