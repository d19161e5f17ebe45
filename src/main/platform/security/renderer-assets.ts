/**
 * Maps a request for the renderer (`app://workbench/assets/x.js`, or `/assets/x.js` in the
 * harness) to a file inside the built renderer folder. Anything that would escape the
 * folder is refused; unknown paths without an extension fall back to index.html (SPA).
 */
import { extname, join, normalize, resolve, sep } from 'node:path';

export function resolveRendererAsset(rendererDir: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath.split('?')[0] ?? '/');
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const root = resolve(rendererDir);
  const relative = normalize(decoded).replace(/^([/\\])+/, '');
  const file = resolve(join(root, relative === '' || relative === '.' ? 'index.html' : relative));
  if (file !== root && !file.startsWith(root + sep)) return null;
  if (extname(file) === '') return join(root, 'index.html');
  return file;
}

export const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

export function contentTypeFor(file: string): string {
  return CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
}
