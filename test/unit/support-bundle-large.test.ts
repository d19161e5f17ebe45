/**
 * A support bundle filtered out of a 100,000-attempt log: exactly the matching attempts, all
 * their request IDs, nothing else; built in seconds (bench/support-bundle measures it).
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { isFailed, START, syntheticAttempt } from '../../bench/support-bundle/synthetic-log';
import type { WorkbenchCore } from '@main/core';
import { startWorkbenchCore } from '@main/core';
import { createNodeTestCipher } from '@main/platform/secrets/cipher';
import { createJsonFileStore } from '@main/platform/json-store/settings-store';

const ROWS = 100_000;
let core: WorkbenchCore;

beforeAll(async () => {
  core = await startWorkbenchCore({
    app: {
      name: 'test',
      version: '0.0.0',
      runtime: 'browser-harness',
      platform: 'test',
      dataFolder: mkdtempSync(join(tmpdir(), 'bundle-large-')),
    },
    openSettingsStore: createJsonFileStore,
    cipher: createNodeTestCipher(),
    embeddedSimulator: false,
    log: () => {},
  });
  core.db.transaction(() => {
    for (let i = 0; i < ROWS; i++) core.requestLog.append(syntheticAttempt(i, i % 5 === 0 ? 'elsewhere' : 'local'));
  })();
}, 60_000);
afterAll(() => core.close());

it('filters 100,000 logged attempts down to the failures of two connections in a window', () => {
  const from = START + 20_000 * 250;
  const to = START + 90_000 * 250;
  const chosen = ['conn-7', 'conn-8'];
  const expected = Array.from({ length: ROWS }, (_, i) => ({ i, e: syntheticAttempt(i, i % 5 === 0 ? 'elsewhere' : 'local') })).filter(
    ({ e }) => e.environmentId === 'local' && chosen.includes(e.connectionId!) && e.time >= from && e.time <= to && isFailed(e),
  );
  expect(expected.length).toBeGreaterThan(20);

  const started = performance.now();
  const built = core.support.build({ environmentId: 'local', connectionIds: chosen, includeUnscoped: false, from, to, failedOnly: true });
  const ms = performance.now() - started;
  console.log(`filtered bundle from ${ROWS.toLocaleString()} rows: ${built.content.requests.length} attempts in ${ms.toFixed(0)} ms`);

  const files = unzipSync(built.zip);
  const csv = Buffer.from(Object.entries(files).find(([n]) => n.endsWith('/requests.csv'))![1]).toString('utf8');
  const lines = csv.trim().split('\r\n').slice(1);
  expect(lines).toHaveLength(expected.length);
  const ids = new Set(lines.map((l) => l.split(',')[5]));
  for (const { e } of expected) expect(ids.has(e.requestId!)).toBe(true);
  expect(built.content.requests.every((r) => r.outcome !== 'ok' && chosen.includes(r.connection_id!))).toBe(true);
  expect(ms).toBeLessThan(15_000); // the bench holds the 2 s goal; this only catches a runaway
});
