/**
 * Serves the built renderer from `app://workbench/…`, a registered secure standard scheme:
 * Finch Connect posts its messages to `window.location.origin`, which `file://` lacks.
 * Every document goes out with the CSP header built in src/main/platform/security/csp.ts.
 */
import { readFile } from 'node:fs/promises';
import { protocol } from 'electron';
import { buildContentSecurityPolicy } from '../platform/security/csp';
import { originOf } from '../platform/security/navigation-policy';
import { contentTypeFor, resolveRendererAsset } from '../platform/security/renderer-assets';

export const APP_SCHEME = 'app';
export const APP_ORIGIN = `${APP_SCHEME}://workbench`;

/** Must run before `app.whenReady()`. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
}

export function handleAppScheme(rendererDir: string, connectOrigins: () => readonly string[]): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
    if (originOf(request.url) !== APP_ORIGIN) return new Response('Not found', { status: 404 });
    const file = resolveRendererAsset(rendererDir, url.pathname);
    if (!file) return new Response('Not found', { status: 404 });
    try {
      const body = await readFile(file);
      return new Response(body, {
        headers: {
          'content-type': contentTypeFor(file),
          'content-security-policy': buildContentSecurityPolicy({ connectOrigins: connectOrigins() }),
          'x-content-type-options': 'nosniff',
        },
      });
    } catch {
      return new Response('Not found', { status: 404 });
    }
  });
}
