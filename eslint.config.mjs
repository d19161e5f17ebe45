/**
 * Lint: typescript-eslint's recommended rules plus the architecture, written as rules so the
 * folders cannot drift from ../shared/ARCHITECTURE.md:
 *   - only src/main/electron/ (and the preload) import `electron`;
 *   - the renderer imports only src/shared/ and its own folders;
 *   - no feature imports another feature (main or renderer); what two share lives in platform/
 *     (main) or components/ (renderer);
 *   - platform/ never imports a feature, and its folders depend on each other in one direction
 *     (PLATFORM_ORDER), so no folder-level import cycle can form; import-x/no-cycle catches the
 *     file-level ones;
 *   - only the two entry points import the composition root (core.ts);
 *   - an import that would climb two folders uses an alias instead (`@shared/…`, `@main/…`,
 *     `@renderer/…`, `@simulator`, `@harness/…`; tsconfig.base.json's `paths`).
 */
import { readdirSync, existsSync } from 'node:fs';
import tseslint from 'typescript-eslint';
import importX from 'eslint-plugin-import-x';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import prettier from 'eslint-config-prettier';
import reactHooks from 'eslint-plugin-react-hooks';

/** `../../x` says nothing about where x lives; `@main/platform/x` does. */
const NO_DEEP_RELATIVE = {
  regex: '^\\.\\./\\.\\./(?!package\\.json$)', // package.json lives outside every alias
  message: 'Use the alias (@shared/, @main/, @renderer/, @simulator, @harness/) instead of climbing two folders.',
};

const dirs = (path) =>
  existsSync(path)
    ? readdirSync(path, { withFileTypes: true })
        .filter((d) => d.isDirectory())
        .map((d) => d.name)
    : [];

/** Each feature folder may import only itself (plus what the layer allows). */
function featureIsolation(base) {
  return dirs(base).map((feature) => ({
    target: `${base}/${feature}`,
    from: base,
    except: [`./${feature}`],
    message: 'Features do not import each other: move what two features share to platform/ (main) or components/ (renderer).',
  }));
}

/**
 * Platform folders, lowest first: a folder may import only the ones before it. This order is
 * the proof that platform/ has no folder cycle.
 */
const PLATFORM_ORDER = [
  'json',
  'notices',
  'events',
  'json-store',
  'storage',
  'redaction',
  'secrets',
  'request-log',
  'operations',
  'finch',
  'workspace',
  'reads',
  'delivery',
  'explainer',
  'connect-traces',
  'ipc',
  'security',
  'startup',
];
function platformOrder(base) {
  const present = new Set(dirs(base));
  const zones = [];
  PLATFORM_ORDER.forEach((folder, index) => {
    if (!present.has(folder)) return;
    for (const later of PLATFORM_ORDER.slice(index + 1)) {
      if (!present.has(later)) continue;
      zones.push({
        target: `${base}/${folder}`,
        from: `${base}/${later}`,
        message: `platform/${folder} sits below platform/${later} (PLATFORM_ORDER in eslint.config.mjs).`,
      });
    }
  });
  return zones;
}

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'native/**', 'node_modules/**', 'test/artifacts/**', 'bench/results.json', '**/*.json'] },
  ...tseslint.configs.recommended,
  {
    plugins: { 'import-x': importX },
    settings: {
      'import-x/resolver-next': [
        createTypeScriptImportResolver({
          project: ['tsconfig.node.json', 'tsconfig.web.json', 'tsconfig.e2e.json'],
          noWarnOnMultipleProjects: true,
        }),
      ],
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      // `ok && act()` and `cond ? a() : b()` as statements are this codebase's style for one-line guards.
      '@typescript-eslint/no-unused-expressions': ['error', { allowShortCircuit: true, allowTernary: true }],
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      'import-x/no-self-import': 'error',
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    // The adapters, the preload, and the Electron entry point that wires the adapters in.
    ignores: ['src/main/electron/**', 'src/preload/**', 'src/main/index.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'Only src/main/electron/ (the adapters) and the preload import electron.' }],
          patterns: [NO_DEEP_RELATIVE],
        },
      ],
    },
  },
  {
    files: ['src/main/electron/**/*.ts', 'src/preload/**/*.ts', 'src/main/index.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [NO_DEEP_RELATIVE] }] },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    rules: {
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: [
            // The renderer sees only shared/ and itself.
            { target: './src/renderer', from: './src/main', message: 'The renderer talks to main only through the contract (src/shared).' },
            { target: './src/renderer', from: './src/harness' },
            { target: './src/renderer', from: './src/simulator' },
            { target: './src/renderer', from: './src/preload' },
            { target: './src/main', from: './src/renderer', message: 'Main and the renderer share only src/shared.' },
            // shared/ is imported by every runtime and imports none of them.
            { target: './src/shared', from: './src/main' },
            { target: './src/shared', from: './src/renderer' },
            { target: './src/shared', from: './src/harness' },
            { target: './src/shared', from: './src/simulator' },
            // The simulator is a program of its own.
            { target: './src/simulator', from: './src/main' },
            { target: './src/simulator', from: './src/shared' },
            { target: './src/simulator', from: './src/renderer' },
            {
              target: './src/main',
              from: './src/simulator',
              except: ['./index.ts'],
              message: "The app uses only the simulator's public API (src/simulator/index.ts).",
            },
            // Layers inside main.
            { target: './src/main/platform', from: './src/main/features', message: 'platform/ serves features and never imports one.' },
            { target: './src/main/platform', from: './src/main/electron' },
            {
              target: './src/main/features',
              from: './src/main/electron',
              message: 'Features get Electron only through ports the composition root passes in.',
            },
            {
              target: [
                './src/main/features',
                './src/main/platform',
                './src/main/electron',
                './src/main/handler-map.ts',
                './src/main/services.ts',
              ],
              from: './src/main/core.ts',
              message: 'Only the entry points (src/main/index.ts, src/harness/server.ts) import the composition root.',
            },
            ...featureIsolation('./src/main/features'),
            ...featureIsolation('./src/renderer/src/features'),
            // The shell composes the screens; a screen or a shared component reaching back into it
            // makes a folder cycle (it did once: the first screen's early reads lived in shell/).
            {
              target: ['./src/renderer/src/features', './src/renderer/src/components'],
              from: './src/renderer/src/shell',
              message: 'The shell composes features; what a feature needs from it belongs in components/.',
            },
            ...platformOrder('./src/main/platform'),
          ],
        },
      ],
    },
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'error' },
  },
  {
    // Tests read JSON of unknown shape (spec fixtures, simulator bodies) and assert on it.
    files: ['test/**/*.ts', 'bench/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    files: ['**/*.{js,mjs,cjs}'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  prettier,
);
