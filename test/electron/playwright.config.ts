/** The Electron layer: the built app launched through Playwright's `_electron`. Needs a binary. */
import { defineConfig } from '@playwright/test';

export default defineConfig({
  testDir: '.',
  testMatch: '**/*.spec.ts',
  outputDir: '../artifacts/electron-output',
  timeout: 60_000,
  workers: 1,
  reporter: [['list'], ['json', { outputFile: '../artifacts/electron-results.json' }]],
});
