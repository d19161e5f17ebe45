/**
 * Playwright fixtures: a fresh harness (own data folder, random port) per test, and a helper
 * that saves screenshots under test/artifacts/ (not committed) for a human to look at.
 */
import { mkdtempSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { test as base } from '@playwright/test';
import type { Page } from '@playwright/test';
import type { Harness } from '@harness/server';
import { startHarness } from '@harness/server';

export const ARTIFACTS = resolve(__dirname, '../artifacts');

export interface HarnessFixture {
  harness: Harness;
  dataFolder: string;
  /** Stops the harness and starts a new one on the same data folder (an app restart). */
  restart(): Promise<Harness>;
}

export const test = base.extend<{ workbench: HarnessFixture }>({
  workbench: async ({}, use) => {
    const dataFolder = mkdtempSync(join(tmpdir(), 'workbench-e2e-'));
    const state: HarnessFixture = {
      harness: await startHarness({ dataFolder }),
      dataFolder,
      async restart() {
        await state.harness.close();
        state.harness = await startHarness({ dataFolder });
        return state.harness;
      },
    };
    await use(state);
    await state.harness.close();
  },
});

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(join(ARTIFACTS, 'screenshots'), { recursive: true });
  const path = join(ARTIFACTS, 'screenshots', `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

export { expect } from '@playwright/test';
