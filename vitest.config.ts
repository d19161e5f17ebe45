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
    hookTimeout: 30_000,
  },
});
