/**
 * The import aliases (`@shared/…`, `@main/…`, `@renderer/…`, `@simulator/…`, `@harness/…`) for
 * the bundlers, read from tsconfig.base.json's `paths` so TypeScript, Vite, Vitest, tsx, esbuild
 * and ESLint's resolver all agree on one definition.
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** `{ '@shared': '/abs/src/shared', … }`, for Vite's `resolve.alias`. */
export function pathAliases() {
  const { paths } = JSON.parse(readFileSync(resolve(root, 'tsconfig.base.json'), 'utf8')).compilerOptions;
  return Object.fromEntries(
    Object.entries(paths).map(([key, [target]]) => [key.replace(/\/\*$/, ''), resolve(root, target.replace(/\/\*$/, ''))]),
  );
}
