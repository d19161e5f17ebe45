/**
 * The redirect flow's Connect window. Navigations stay inside it until one targets the
 * redirect URI: that one is cancelled (the URI is never loaded) and its code and state go to
 * main. Runs only where Electron runs; the decision itself is matchRedirect (unit-tested).
 */
import { BrowserWindow } from 'electron';
import { matchRedirect } from '../features/connect/redirect-interceptor';
import type { RedirectMatch } from '../features/connect/redirect-interceptor';

export function openRedirectWindow(
  parent: BrowserWindow | undefined,
  launchUrl: string,
  redirectUri: string,
): Promise<RedirectMatch | null> {
  return new Promise((resolve) => {
    const window = new BrowserWindow({
      width: 520,
      height: 760,
      ...(parent ? { parent } : {}),
      title: 'Finch Connect',
      // Connect only: no preload, no Node, and middle-click cannot spawn windows behind our back.
      webPreferences: {
        sandbox: true,
        contextIsolation: true,
        nodeIntegration: false,
        webSecurity: true,
        disableBlinkFeatures: 'Auxclick',
      },
    });
    let settled = false;
    const settle = (result: RedirectMatch | null): void => {
      if (settled) return;
      settled = true;
      resolve(result);
      if (!window.isDestroyed()) window.close();
    };
    const intercept = (event: { preventDefault(): void }, url: string): void => {
      const match = matchRedirect(redirectUri, url);
      if (!match) return;
      event.preventDefault();
      settle(match);
    };
    window.webContents.on('will-redirect', intercept);
    window.webContents.on('will-navigate', intercept);
    window.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
    window.on('closed', () => settle(null));
    void window.loadURL(launchUrl);
  });
}
