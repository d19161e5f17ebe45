/**
 * bench/startup: from navigation to the first screen ready — its heading shown and the
 * environment switcher usable (enabled, with the environments listed) — in Chromium on the
 * browser harness, median of cold loads (a fresh browser context each: no cache).
 *
 * Two clocks, both reported:
 * - the page's (the figure): from the page's own navigation start to the frame drawn with the
 *   heading and the usable switcher (page-clock.ts);
 * - the harness's (Date.now() around Playwright's goto and its two locator checks), which also
 *   counts CDP round trips and Playwright's polling — not the app.
 * Beside it, in the same run and by both clocks, an empty page from the same server (a plain-text
 * 404: nothing to run) as the baseline; the JavaScript the first screen transferred (KB); and the
 * median load's breakdown (HTML, scripts, evaluation, IPC, render).
 *   npx tsx bench/startup/run.ts           5 cold loads
 *   npx tsx bench/startup/run.ts --quick   3 cold loads (CI)
 *   --renderer <dir>                       serve another renderer build (before/after comparisons)
 * Goal: median ≤ 400 ms. Needs the renderer build (built here when out/renderer is missing).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser } from '@playwright/test';
import { chromium } from '@playwright/test';
import { startHarness } from '@harness/server';
import playwrightConfig from '../../test/e2e/playwright.config';
import { runMain } from '../shared/run-main';
import type { PageReport } from './page-clock';
import { pageClock, READ_PAGE } from './page-clock';

const QUICK = process.argv.includes('--quick');
const RUNS = QUICK ? 3 : 5;
const GOAL_MS = 400;
const rendererArg = process.argv.indexOf('--renderer');
const RENDERER_DIR = rendererArg > 0 ? resolve(process.argv[rendererArg + 1] ?? '') : undefined;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) / 2)]!;
const ms = (value: number | null | undefined) => (value === null || value === undefined ? '–' : `${Math.round(value)}`);

interface Load {
  /** Navigation start → ready, by the page's clock. */
  pageMs: number;
  /** Playwright's goto → its checks passed, by the harness's clock. */
  outerMs: number;
  report: PageReport;
}

async function load(browser: Browser, url: string, condition: 'first-screen' | 'text'): Promise<Load> {
  const context = await browser.newContext();
  try {
    await context.addInitScript({ content: pageClock(condition) });
    const page = await context.newPage();
    const started = Date.now();
    await page.goto(url);
    if (condition === 'first-screen') {
      await page.getByRole('heading', { level: 1, name: 'Environments' }).waitFor();
      // The switcher is usable once the environments have arrived (it is disabled until then).
      await page.locator('header select:enabled option').first().waitFor({ state: 'attached', timeout: 10_000 });
    }
    const outerMs = Date.now() - started;
    await page.waitForFunction('window.__startup.ready !== null', undefined, { timeout: 10_000 });
    const report = (await page.evaluate(READ_PAGE)) as PageReport;
    return { pageMs: report.clock.ready!, outerMs, report };
  } finally {
    await context.close();
  }
}

/** Where the median load's time went, in the page's clock (ms from navigation start). */
function breakdown({ report }: Load): string[] {
  const { clock, nav, resources } = report;
  const scripts = resources.filter((r) => r.name.endsWith('.js') && r.start <= (clock.ready ?? Infinity));
  const calls = clock.ipc.filter((c) => c.sent <= (clock.domReady ?? Infinity));
  return [
    `  median load (page clock, ms from navigation start): HTML received ${ms(nav.responseEnd)}, parsed ${ms(nav.domInteractive)}`,
    ...scripts.map((r) => `    ${r.name} ${(r.bytes / 1024).toFixed(1)} KB fetched ${ms(r.start)}–${ms(r.end)}`),
    `    scripts evaluated (DOMContentLoaded) ${ms(nav.domContentLoaded)}; heading in the DOM ${ms(clock.heading)}; switcher usable ${ms(clock.switcher)}; frame drawn ${ms(clock.ready)}`,
    `    IPC before ready: ${calls.map((c) => `${c.channel} ${ms(c.sent)}→${ms(c.answered)}`).join(', ') || 'none'}`,
  ];
}

async function main(): Promise<void> {
  const root = resolve(__dirname, '..', '..');
  if (!RENDERER_DIR && !existsSync(join(root, 'out', 'renderer', 'index.html'))) {
    const built = spawnSync(join(root, 'node_modules', '.bin', 'electron-vite'), ['build'], { cwd: root, stdio: 'inherit' });
    if (built.status !== 0) throw new Error('electron-vite build failed');
  }
  const dataFolder = mkdtempSync(join(tmpdir(), 'bench-startup-'));
  const harness = await startHarness({ dataFolder, logError: () => {}, ...(RENDERER_DIR ? { rendererDir: RENDERER_DIR } : {}) });
  const browser = await chromium.launch({ ...(playwrightConfig.use?.launchOptions ?? {}), headless: true });
  const ready: Load[] = [];
  const baseline: Load[] = [];
  try {
    for (let i = 0; i < RUNS; i++) {
      // The baseline: the same server answering a page with nothing to run. A path with an
      // extension is not the app's route fallback (an extensionless one serves index.html, the
      // whole app), so this is the server's plain-text 404.
      baseline.push(await load(browser, `${harness.url}/__bench-empty-page.txt`, 'text'));
      ready.push(await load(browser, `${harness.url}/#/environments`, 'first-screen'));
    }
  } finally {
    await browser.close();
    await harness.close();
    rmSync(dataFolder, { recursive: true, force: true });
  }
  const readyMs = median(ready.map((l) => l.pageMs));
  const outerMs = median(ready.map((l) => l.outerMs));
  const baselineMs = median(baseline.map((l) => l.pageMs));
  const baselineOuterMs = median(baseline.map((l) => l.outerMs));
  const medianLoad = ready.find((l) => l.pageMs === readyMs)!;
  const jsBytes = (l: Load) =>
    l.report.resources
      .filter((r) => r.name.endsWith('.js') && r.start <= (l.report.clock.ready ?? Infinity))
      .reduce((sum, r) => sum + r.bytes, 0);
  const jsKb = Math.max(...ready.map(jsBytes)) / 1024;
  const runs = (loads: Load[], key: 'pageMs' | 'outerMs') => loads.map((l) => `${Math.round(l[key])}`).join(', ');
  console.log(`first screen ready (heading + usable environment switcher), ${RUNS} cold loads${QUICK ? ', quick' : ''}`);
  console.log(`  page clock (navigation start → frame drawn): ${runs(ready, 'pageMs')} ms`);
  console.log(`  median ${Math.round(readyMs)} ms   goal ≤ ${GOAL_MS} ms   ratio ${(readyMs / GOAL_MS).toFixed(2)}`);
  console.log(
    `  empty page from the same server, same clock: ${runs(baseline, 'pageMs')} ms, median ${Math.round(baselineMs)} ms (first screen = ${(readyMs / Math.max(1, baselineMs)).toFixed(1)} × baseline)`,
  );
  console.log(
    `  harness clock (Playwright goto + checks, incl. CDP): first screen ${runs(ready, 'outerMs')} ms, median ${outerMs} ms; empty page median ${baselineOuterMs} ms (${(outerMs / Math.max(1, baselineOuterMs)).toFixed(1)} ×)`,
  );
  console.log(`  JavaScript transferred for the first screen: ${jsKb.toFixed(0)} KB`);
  for (const line of breakdown(medianLoad)) console.log(line);
  console.log(
    JSON.stringify({
      bench: 'startup',
      quick: QUICK,
      readyMs: ready.map((l) => Math.round(l.pageMs)),
      readyMedianMs: Math.round(readyMs),
      goalMs: GOAL_MS,
      baselineMs: baseline.map((l) => Math.round(l.pageMs)),
      baselineMedianMs: Math.round(baselineMs),
      outerMs: ready.map((l) => l.outerMs),
      outerMedianMs: outerMs,
      baselineOuterMedianMs: baselineOuterMs,
      jsKb: Math.round(jsKb * 10) / 10,
      ...(RENDERER_DIR ? { renderer: RENDERER_DIR } : {}),
    }),
  );
}

runMain(main);
