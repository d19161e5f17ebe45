import { defineConfig } from 'vitest/config';
import { pathAliases } from './scripts/path-aliases.mjs';
import { contract } from './src/shared/contract';
import { outlineOf } from './src/shared/ipc/outline';

export default defineConfig({
  resolve: { alias: pathAliases() },
  // As electron.vite.config.ts gives the preload: the contract's outline, computed at build time.
  define: { __WORKBENCH_OUTLINE__: JSON.stringify(outlineOf(contract)) },
  test: {
    include: [
      'test/unit/**/*.test.ts',
      'test/simulator/**/*.test.ts',
      'test/contract/**/*.test.ts',
      'test/security/**/*.test.ts',
      'test/reliability/**/*.test.ts',
    ],
    environment: 'node',
    pool: 'forks',
    testTimeout: 20_000,
    // As the E2E config: one retry on CI, and scripts/test-all.mjs names each test that used it.
    retry: process.env['CI'] ? 1 : 0,
    hookTimeout: 30_000,
  },
});
