/**
 * How the redirect flow's Connect window is opened, which differs by shell:
 *  - Electron: main opens a dedicated window and intercepts its navigation to the redirect
 *    URI (src/main/electron/redirect-window.ts), so the redirect URI is never loaded.
 *  - Browser harness: the renderer opens a pop-up; Connect sends it back to the harness's own
 *    callback route, which hands the result to the same ConnectFlow.
 */
import type { RedirectMatch } from './redirect-interceptor';

export type RedirectOpener =
  | {
      mode: 'window';
      /** Used when an environment has no redirect URI of its own (the local simulator). */
      defaultRedirectUri: string;
      /** Resolves with what came back to the redirect URI, or null when the window was closed. */
      open(launchUrl: string, redirectUri: string): Promise<RedirectMatch | null>;
    }
  | {
      mode: 'popup';
      /** The harness callback: always the redirect URI, since a browser cannot intercept another. */
      callbackUri: string;
    };
