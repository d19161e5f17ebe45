/**
 * The one app window, locked down: context isolation, sandbox, no Node, web security, and
 * deny-by-default navigation, pop-ups and permissions (rules in src/main/platform/security/).
 */
import { join } from 'node:path';
import { BrowserWindow, session, shell } from 'electron';
import type { NavigationContext } from '../platform/security/navigation-policy';
import { decideWindowOpen, mayGrantPermission, mayNavigate } from '../platform/security/navigation-policy';

export interface MainWindowOptions {
  preloadPath: string;
  url: string;
  navigation: () => NavigationContext;
}

export function lockDownSession(navigation: () => NavigationContext): void {
  session.defaultSession.setPermissionRequestHandler((webContents, permission, callback, details) => {
    callback(mayGrantPermission(permission, details.requestingUrl ?? webContents.getURL(), navigation()));
  });
  session.defaultSession.setPermissionCheckHandler((_webContents, permission, requestingOrigin) =>
    mayGrantPermission(permission, requestingOrigin, navigation()),
  );
}

export function createMainWindow(options: MainWindowOptions): BrowserWindow {
  const window = new BrowserWindow({
    width: 1280,
    height: 820,
    minWidth: 900,
    minHeight: 600,
    show: false,
    title: 'Finch Workbench',
    webPreferences: {
      // Reviewed: the preload only exposes the contract-derived bridge (src/preload/index.ts),
      // no Node API and no generic invoke.
      preload: options.preloadPath /* eng-disable PRELOAD_JS_CHECK */,
      // Middle-click must not open links in a new window behind setWindowOpenHandler's back.
      disableBlinkFeatures: 'Auxclick',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
    },
  });

  window.webContents.on('will-navigate', (event, url) => {
    if (!mayNavigate(url, options.navigation())) event.preventDefault();
  });
  window.webContents.on('will-attach-webview', (event) => event.preventDefault());
  window.webContents.setWindowOpenHandler((details) => {
    const decision = decideWindowOpen(details.url, details.referrer.url, options.navigation());
    if (decision === 'open-external') {
      // Reviewed: decideWindowOpen admits only parsed https URLs without credentials.
      void shell.openExternal(new URL(details.url).toString()); /* eng-disable OPEN_EXTERNAL_JS_CHECK */
      return { action: 'deny' };
    }
    if (decision === 'allow-popup') {
      // OAuth pop-ups from Connect: a plain sandboxed window with no preload.
      return {
        action: 'allow',
        overrideBrowserWindowOptions: {
          webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false, disableBlinkFeatures: 'Auxclick' },
        },
      };
    }
    return { action: 'deny' };
  });

  window.once('ready-to-show', () => window.show());
  void window.loadURL(options.url);
  return window;
}

export function preloadPathFrom(mainDir: string): string {
  return join(mainDir, '../preload/index.js');
}
