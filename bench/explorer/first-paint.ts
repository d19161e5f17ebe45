/**
 * First paint of a 10,000-row directory in Chromium: the existing Explorer view, served by
 * the browser harness. Measured in the page: the moment the directory's IPC reply arrives
 * (the harness bridge's WebSocket message, before it is parsed) to the first frame painted
 * after rows are in the DOM (a requestAnimationFrame, then a task: the frame has been drawn).
 * Each run gets a fresh harness, so Finch's 20 directory calls a minute are never waited for.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { startHarness } from '../../src/harness/server';
import playwrightConfig from '../../test/e2e/playwright.config';

/** Replies at least this large are data (the directory), not small calls. */
const BIG_REPLY = 100_000;

/**
 * Runs in the page before any script (plain JS: the page is not type-checked with Node's
 * types): stamps large WebSocket messages, then the frame painted once rows are in the DOM.
 */
const INSTRUMENT = `
(() => {
  const bench = (window.__bench = { arrived: [], painted: null, rows: 0 });
  const Native = window.WebSocket;
  window.WebSocket = class extends Native {
    constructor(url, protocols) {
      super(url, protocols);
      // Added before the bridge's own listener: runs first, before the reply is parsed.
      this.addEventListener('message', (event) => {
        const size = typeof event.data === 'string' ? event.data.length : (event.data.size ?? event.data.byteLength ?? 0);
        if (size >= ${BIG_REPLY}) {
          performance.mark('directory-arrived');
          bench.arrived.push(performance.now());
        }
      });
    }
  };
  const watch = () => {
    const rows = document.querySelectorAll('[role="row"], tbody tr').length;
    if (bench.arrived.length > 0 && rows > 10) {
      bench.rows = rows;
      requestAnimationFrame(() => setTimeout(() => {
        performance.mark('directory-painted');
        bench.painted = performance.now();
      }, 0));
      return;
    }
    requestAnimationFrame(watch);
  };
  requestAnimationFrame(watch);
})();
`;

type BenchState = { arrived: number[]; painted: number | null; rows: number };

export interface PaintRun {
  ms: number;
  rowsInDom: number;
  people: number;
}

export async function measureFirstPaint(people: number, runs: number): Promise<PaintRun[]> {
  const launch = playwrightConfig.use?.launchOptions ?? {};
  const browser = await chromium.launch({ ...launch, headless: true });
  const results: PaintRun[] = [];
  try {
    for (let i = 0; i < runs; i++) {
      const dataFolder = mkdtempSync(join(tmpdir(), 'bench-explorer-'));
      const harness = await startHarness({ dataFolder, logError: () => {} });
      try {
        await harness.core.connections.createSandbox('local', { providerId: 'finch', employeeSize: people, customerName: 'Paint Co' });
        const page = await browser.newPage({ viewport: playwrightConfig.use?.viewport ?? { width: 1280, height: 800 } });
        await page.addInitScript({ content: INSTRUMENT });
        await page.goto(`${harness.url}/#/explorer`);
        const state = () => page.evaluate('window.__bench') as Promise<BenchState>;
        const deadline = Date.now() + 120_000;
        while ((await state()).painted === null) {
          if (Date.now() > deadline) throw new Error(`No directory rows painted within 120 s: ${JSON.stringify(await state())}; page says: ${(await page.locator('main').innerText()).slice(0, 300)}`);
          await new Promise((r) => setTimeout(r, 50));
        }
        const bench = await state();
        // Whatever the view looks like, it must say how many people it holds.
        const text = await page.locator('main').innerText();
        if (!text.includes(people.toLocaleString('en-US'))) throw new Error(`The directory view does not show ${people.toLocaleString('en-US')} people.`);
        results.push({ ms: bench.painted! - bench.arrived.at(-1)!, rowsInDom: bench.rows, people });
        await page.close();
      } finally {
        await harness.close();
        rmSync(dataFolder, { recursive: true, force: true });
      }
    }
  } finally {
    await browser.close();
  }
  return results;
}
