/**
 * The explorer's directory in Chromium, the way a user meets it: the Sandbox screen is open on
 * the company (its person picker loaded), then the user clicks Explorer. Every clock starts at
 * the user's act and stops at the frame showing its result (page-measures.ts):
 *  - first row: click on Explorer → the first directory row drawn (the rest streams in behind);
 *  - all rows: click on Explorer → the count line says everyone (against the rate-limit floor);
 *  - table paint: the table mounted again over rows already there (another view, then back);
 *    beside it, a plain table rendering every row (the naive reference), in the same page;
 *  - scrolling the whole table to its end, one step per frame: frame times;
 *  - sort (click on Last name) and filter (typing "an") → rows in that order drawn;
 *  - the renderer's JS heap (CDP Runtime.getHeapUsage), the page's and the table worker's.
 * Each run gets a fresh harness (a fresh directory budget: Finch's 20 calls a minute).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, CDPSession } from '@playwright/test';
import { chromium } from '@playwright/test';
import { startHarness } from '@harness/server';
import type { Harness } from '@harness/server';
import { cellText } from '@shared/export/table-export';
import playwrightConfig from '../../test/e2e/playwright.config';
import { FILTER, IDLE_FRAMES, INSTRUMENT, NAIVE_TABLE, REPAINT, SCROLL_FRAMES, SORT, statusReads } from './page-measures';

type BenchState = { clicked: number | null; painted: number | null };

/** Per frame, sorted ms: its time on the page's main thread, and the time since the frame before. */
export interface Frames {
  work: number[];
  intervals: number[];
}

export interface DirectoryRun {
  people: number;
  /** Click on Explorer → first directory row drawn. */
  firstRowMs: number;
  /** Click on Explorer → every person in the table. */
  allRowsMs: number;
  /** Table mounted over rows already there → first row drawn. */
  tablePaintMs: number;
  /** A plain table of every row, built and drawn (the naive reference). */
  naivePaintMs: number;
  /** Frames (page-measures.ts frameTimes) while scrolling the full table to its end in 60 steps. */
  scrollFrames: Frames;
  /** The same page doing nothing, just before: the machine's floor. */
  idleFrames: Frames;
  sortMs: number;
  filterMs: number;
  filterStatus: string;
  /** MB: the page's JS heap, the table worker's (null if it could not be read), and the page's after a GC. */
  heap: { pageMb: number; workerMb: number | null; pageAfterGcMb: number };
}

const DEADLINE_MS = 300_000;
const MB = 1024 * 1024;

export async function measureDirectory(people: number, runs: number): Promise<DirectoryRun[]> {
  const launch = playwrightConfig.use?.launchOptions ?? {};
  const browser = await chromium.launch({ ...launch, headless: true });
  const results: DirectoryRun[] = [];
  try {
    for (let i = 0; i < runs; i++) results.push(await oneRun(browser, people));
  } finally {
    await browser.close();
  }
  return results;
}

async function oneRun(browser: Browser, people: number): Promise<DirectoryRun> {
  const everyone = `${people.toLocaleString('en-US')} of ${people.toLocaleString('en-US')} people`;
  const dataFolder = mkdtempSync(join(tmpdir(), 'bench-explorer-'));
  const harness = await startHarness({ dataFolder, logError: () => {} });
  try {
    const connection = await harness.core.connections.createSandbox('local', {
      providerId: 'finch',
      employeeSize: people,
      customerName: 'Paint Co',
    });
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
    const allRowsAt = page.evaluate(statusReads(everyone)) as Promise<number>;
    await page.getByRole('link', { name: 'Explorer' }).click();
    const state = () => page.evaluate('window.__bench') as Promise<BenchState>;
    const deadline = Date.now() + DEADLINE_MS;
    while ((await state()).painted === null) {
      if (Date.now() > deadline)
        throw new Error(
          `No directory row painted within ${DEADLINE_MS / 1000} s; page says: ${(await page.locator('main').innerText()).slice(0, 300)}`,
        );
      await new Promise((r) => setTimeout(r, 20));
    }
    const bench = await state();
    const allRows = await Promise.race([
      allRowsAt,
      new Promise<never>((_r, fail) => setTimeout(() => fail(new Error(`The count line never read "${everyone}".`)), DEADLINE_MS)),
    ]);

    const tablePaintMs = (await page.evaluate(REPAINT)) as number;
    await page.getByRole('region', { name: 'Directory' }).getByRole('status').filter({ hasText: everyone }).waitFor();
    // The remounted table hands its rows to a new worker in small tasks: let that finish first.
    await page.waitForTimeout(1_500);
    const idleFrames = (await page.evaluate(IDLE_FRAMES)) as Frames;
    const scrollFrames = (await page.evaluate(SCROLL_FRAMES)) as Frames;
    const sortMs = (await page.evaluate(SORT)) as number;
    const filter = (await page.evaluate(FILTER)) as { ms: number; status: string };
    const heap = await heapOf(page.context().newCDPSession(page), browser);
    await page.evaluate(
      (rows) => void ((globalThis as { __naiveRows?: unknown }).__naiveRows = rows),
      await plainRows(harness, connection.id, people),
    );
    const naivePaintMs = (await page.evaluate(NAIVE_TABLE)) as number;
    await page.close();
    return {
      people,
      firstRowMs: bench.painted! - bench.clicked!,
      allRowsMs: allRows - bench.clicked!,
      tablePaintMs,
      naivePaintMs,
      scrollFrames,
      idleFrames,
      sortMs,
      filterMs: filter.ms,
      filterStatus: filter.status,
      heap,
    };
  } finally {
    await harness.close();
    rmSync(dataFolder, { recursive: true, force: true });
  }
}

/** JS heap of the page (before and after a GC) and of the table worker (attached through the browser's CDP). */
async function heapOf(session: Promise<CDPSession>, browser: Browser): Promise<DirectoryRun['heap']> {
  const cdp = await session;
  const before = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
  await cdp.send('HeapProfiler.collectGarbage');
  const after = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
  return { pageMb: before.usedSize / MB, workerMb: await workerHeapMb(browser), pageAfterGcMb: after.usedSize / MB };
}

async function workerHeapMb(browser: Browser): Promise<number | null> {
  try {
    const cdp = await browser.newBrowserCDPSession();
    const { targetInfos } = (await cdp.send('Target.getTargets')) as { targetInfos: { targetId: string; type: string; title: string }[] };
    const worker = targetInfos.find((t) => t.type === 'worker');
    if (!worker) return null;
    const { sessionId } = (await cdp.send('Target.attachToTarget', { targetId: worker.targetId, flatten: false })) as { sessionId: string };
    const answer = new Promise<number>((resolve) =>
      cdp.on('Target.receivedMessageFromTarget', (event: { sessionId: string; message: string }) => {
        const message = JSON.parse(event.message) as { id?: number; result?: { usedSize: number } };
        if (event.sessionId === sessionId && message.id === 1 && message.result) resolve(message.result.usedSize / MB);
      }),
    );
    await cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id: 1, method: 'Runtime.getHeapUsage' }) });
    const mb = await Promise.race([answer, new Promise<null>((r) => setTimeout(() => r(null), 5_000))]);
    await cdp.detach();
    return mb;
  } catch {
    return null;
  }
}

/**
 * Every person's shown cells, for the naive reference: read straight from the simulator (its
 * rate limits off for these few calls, so the app's budget and timings are untouched).
 */
async function plainRows(harness: Harness, connectionId: string, people: number): Promise<string[][]> {
  const sim = harness.core.simulator!;
  const token = harness.core.connections.target('local', connectionId).accessToken;
  sim.admin.setRateLimitsEnabled(false);
  try {
    const rows: string[][] = [];
    for (let offset = 0; offset < people; offset += 10_000) {
      const response = await fetch(`${sim.baseUrl}/employer/directory?limit=10000&offset=${offset}`, {
        headers: { authorization: `Bearer ${token}`, 'finch-api-version': '2020-09-17' },
      });
      const body = (await response.json()) as { individuals: Record<string, unknown>[] };
      for (const p of body.individuals) {
        const nested = (key: string, field: string) => {
          const v = p[key];
          return v !== null && typeof v === 'object' ? (v as Record<string, unknown>)[field] : v;
        };
        rows.push(
          [p['first_name'], p['last_name'], nested('department', 'name'), p['is_active'], nested('manager', 'id'), p['id']].map(cellText),
        );
      }
    }
    return rows;
  } finally {
    sim.admin.setRateLimitsEnabled(true);
  }
}
