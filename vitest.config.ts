import { defineConfig } from 'vitest/config';
import { pathAliases } from './scripts/path-aliases.mjs';

export default defineConfig({
  resolve: { alias: pathAliases() },
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
