/**
 * First row of a 10,000-person directory in Chromium, the way a new user meets it: the
 * Sandbox screen is open on the company (its person picker loaded), then the user clicks
 * Explorer. Measured in the page from that click to the first frame painted with a directory
 * row in the DOM (a requestAnimationFrame, then a task: the frame has been drawn). The time
 * until all 10,000 rows have arrived is reported beside it, and then the frame times of
 * scrolling the whole table to its end (60 steps, one per frame).
 *
 * The Sandbox screen first matters: every screen spends the application's one directory
 * budget (Finch's 20 calls a minute), so a screen that reads more than it shows makes the
 * next one wait. Each run gets a fresh harness (a fresh budget).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { startHarness } from '@harness/server';
import playwrightConfig from '../../test/e2e/playwright.config';

/**
 * Runs in the page before any script (plain JS: the page is not type-checked with Node's
 * types): stamps the click on the Explorer link, then the frame painted once a row of the
 * directory is in the DOM.
 */
const INSTRUMENT = `
(() => {
  const bench = (window.__bench = { clicked: null, painted: null });
  document.addEventListener('click', (event) => {
    const link = event.target instanceof Element ? event.target.closest('a') : null;
    if (!link || link.textContent.trim() !== 'Explorer' || bench.clicked !== null) return;
    bench.clicked = performance.now();
    performance.mark('explorer-clicked');
    const watch = () => {
      // The header is a row too: a person's row is the second.
      if (document.querySelectorAll('[aria-label="Directory"] [role="row"]').length > 1) {
        requestAnimationFrame(() => setTimeout(() => {
          performance.mark('directory-first-row-painted');
          bench.painted = performance.now();
        }, 0));
        return;
      }
      requestAnimationFrame(watch);
    };
    requestAnimationFrame(watch);
  }, true);
})();
`;

type BenchState = { clicked: number | null; painted: number | null };

export interface PaintRun {
  /** Click on Explorer → first directory row painted. */
  ms: number;
  /** Click on Explorer → every person in the table. */
  allRowsMs: number;
  people: number;
  /** Frame times (ms, sorted) while scrolling the full table to its end in 60 steps, one per frame. */
  scrollFrames: number[];
}

/** Scrolls the directory's rows to the end, one step per animation frame, timing each frame. */
const SCROLL_FRAMES = `(async () => {
  const scroller = document.querySelector('[aria-label="Directory"] .log-scroller');
  const times = [];
  let last = performance.now();
  for (let i = 1; i <= 60; i++) {
    scroller.scrollTop = (scroller.scrollHeight * i) / 60;
    await new Promise((r) => requestAnimationFrame(() => r(null)));
    const now = performance.now();
    times.push(now - last);
    last = now;
  }
  return times.sort((a, b) => a - b);
})()`;

const DEADLINE_MS = 180_000;

export async function measureFirstPaint(people: number, runs: number): Promise<PaintRun[]> {
  const launch = playwrightConfig.use?.launchOptions ?? {};
  const browser = await chromium.launch({ ...launch, headless: true });
  const results: PaintRun[] = [];
  const everyone = `${people.toLocaleString('en-US')} of ${people.toLocaleString('en-US')} people`;
  try {
    for (let i = 0; i < runs; i++) {
      const dataFolder = mkdtempSync(join(tmpdir(), 'bench-explorer-'));
      const harness = await startHarness({ dataFolder, logError: () => {} });
      try {
        await harness.core.connections.createSandbox('local', { providerId: 'finch', employeeSize: people, customerName: 'Paint Co' });
        const page = await browser.newPage({ viewport: playwrightConfig.use?.viewport ?? { width: 1280, height: 800 } });
        await page.addInitScript({ content: INSTRUMENT });
        await page.goto(`${harness.url}/#/sandbox`);
        // The Sandbox screen has loaded the people it offers to pick from.
        await page
          .getByRole('region', { name: 'Mock data' })
          .getByRole('combobox', { name: 'Person', exact: true })
          .locator('option')
          .nth(1)
          .waitFor({ state: 'attached', timeout: DEADLINE_MS });
        await page.getByRole('link', { name: 'Explorer' }).click();
        const state = () => page.evaluate('window.__bench') as Promise<BenchState>;
        const deadline = Date.now() + DEADLINE_MS;
        while ((await state()).painted === null) {
          if (Date.now() > deadline)
            throw new Error(
              `No directory row painted within ${DEADLINE_MS / 1000} s: ${JSON.stringify(await state())}; page says: ${(await page.locator('main').innerText()).slice(0, 300)}`,
            );
          await new Promise((r) => setTimeout(r, 20));
        }
        const bench = await state();
        // Whatever the view looks like, it must say how many people the directory holds.
        const text = await page.locator('main').innerText();
        if (!text.includes(people.toLocaleString('en-US')))
          throw new Error(`The directory view does not show ${people.toLocaleString('en-US')} people.`);
        await page
          .getByRole('region', { name: 'Directory' })
          .getByRole('status')
          .filter({ hasText: everyone })
          .waitFor({ timeout: DEADLINE_MS });
        const allRows = (await page.evaluate('performance.now()')) as number;
        const scrollFrames = (await page.evaluate(SCROLL_FRAMES)) as number[];
        results.push({ ms: bench.painted! - bench.clicked!, allRowsMs: allRows - bench.clicked!, people, scrollFrames });
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
