/**
 * Whether an Electron binary is installed. `require('electron')` would try to download one
 * (and fail here), so look for the file the electron package records after its install.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export function electronBinaryPath(): string | null {
  const pkg = resolve(__dirname, '../../node_modules/electron');
  const pathFile = join(pkg, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const binary = join(pkg, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : null;
}
