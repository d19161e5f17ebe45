/**
 * E2E: the real renderer build in Debian's Chromium, served by the browser harness
 * (src/harness), which answers `window.workbench` with the same handler map as ipcMain.
 * Never downloads a browser: `npx playwright install` is not used on this project.
 */
import { defineConfig } from '@playwright/test';

export const CHROMIUM_PATH = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

export default defineConfig({
  testDir: '.',
  testMatch: '**/*.spec.ts',
  outputDir: '../artifacts/e2e-output',
  timeout: 30_000,
  workers: 2,
  // On CI one retry absorbs a loaded machine's timing; `npm test` names every test that needed
  // it ("flaky, to fix"), so a retry never hides a flicker. Locally a failure is final.
  retries: process.env['CI'] ? 1 : 0,
  reporter: [['list'], ['json', { outputFile: '../artifacts/e2e-results.json' }]],
  use: {
    headless: true,
    viewport: { width: 1280, height: 800 },
    launchOptions: {
      executablePath: CHROMIUM_PATH,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--no-first-run',
        '--disable-sync',
        '--disable-quic',
      ],
    },
  },
});
