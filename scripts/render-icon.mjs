#!/usr/bin/env node
/** Renders build/icon.svg to build/icon.png (1024×1024) with Debian's Chromium; electron-builder derives .icns/.ico from it. */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';

const build = join(dirname(fileURLToPath(import.meta.url)), '..', 'build');
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu'],
});
const page = await browser.newPage({ viewport: { width: 1024, height: 1024 } });
await page.setContent(`<html><body style="margin:0;background:transparent">${readFileSync(join(build, 'icon.svg'), 'utf8')}</body></html>`);
await page.locator('svg').screenshot({ path: join(build, 'icon.png'), omitBackground: true });
await browser.close();
console.log(`Wrote ${join(build, 'icon.png')}`);
