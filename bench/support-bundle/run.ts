/**
 * bench/support-bundle: time to build a filtered support bundle (query, redaction, CSV/JSON,
 * zip, final secret scan of the archive) from a request log of 100,000 attempts, with a vault
 * holding a client secret and 60 access tokens. Goal: each shape under 2 s.
 * `--quick` runs each shape once (CI checks that it works, not the machine's speed).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startWorkbenchCore } from '@main/core';
import { createNodeTestCipher } from '@main/platform/secrets/cipher';
import { secretRefs } from '@main/platform/secrets/secret-vault';
import { createJsonFileStore } from '@main/platform/json-store/settings-store';
import type { BundleSelection } from '@shared/domain/support';
import { runMain } from '../shared/run-main';
import { CONNECTIONS, START, syntheticAttempt } from './synthetic-log';

const quick = process.argv.includes('--quick');
const ROWS = 100_000;
const RUNS = quick ? 1 : 5;
const GOAL_MS = 2000;
const ENV = 'local';

runMain(async () => {
  const dataFolder = mkdtempSync(join(tmpdir(), 'bench-bundle-'));
  const core = await startWorkbenchCore({
    app: { name: 'bench', version: '0.0.0', runtime: 'browser-harness', platform: process.platform, dataFolder },
    openSettingsStore: createJsonFileStore,
    cipher: createNodeTestCipher(),
    embeddedSimulator: false,
    log: () => {},
  });
  const fillStart = performance.now();
  const customer = core.db.prepare('INSERT INTO customers (environment_id, id, name, email, created_at) VALUES (?, ?, ?, ?, ?)');
  const connection = core.db
    .prepare(`INSERT INTO connections (environment_id, id, customer_id, company_id, provider_id, products, client_type, connection_type, status, created_at, updated_at)
    VALUES (?, ?, ?, ?, 'gusto', '["company","directory"]', 'sandbox', 'finch', 'connected', ?, ?)`);
  core.db.transaction(() => {
    for (let c = 0; c < CONNECTIONS; c++) {
      customer.run(ENV, `cust-${c}`, `Customer ${c} Inc`, `hr${c}@customer${c}.test`, START);
      connection.run(ENV, `conn-${c}`, `cust-${c}`, `company-${c}`, START, START);
    }
    for (let i = 0; i < ROWS; i++) core.requestLog.append(syntheticAttempt(i, ENV));
  })();
  for (let c = 0; c < CONNECTIONS; c++) core.vault.put(secretRefs.accessToken(ENV, `conn-${c}`), `tok_bench_${c}_${'x'.repeat(24)}`);
  const fillSeconds = (performance.now() - fillStart) / 1000;

  const end = START + ROWS * 250;
  const shapes: [string, BundleSelection][] = [
    [
      '2 connections, every attempt',
      { environmentId: ENV, connectionIds: ['conn-7', 'conn-8'], includeUnscoped: false, from: START, to: end, failedOnly: false },
    ],
    [
      'all 60 connections, failures only',
      {
        environmentId: ENV,
        connectionIds: Array.from({ length: CONNECTIONS }, (_, c) => `conn-${c}`),
        includeUnscoped: true,
        from: START,
        to: end,
        failedOnly: true,
      },
    ],
    [
      '10 connections, last quarter, every attempt',
      {
        environmentId: ENV,
        connectionIds: Array.from({ length: 10 }, (_, c) => `conn-${c * 3}`),
        includeUnscoped: false,
        from: end - (end - START) / 4,
        to: end,
        failedOnly: false,
      },
    ],
    [
      'whole environment, every attempt',
      {
        environmentId: ENV,
        connectionIds: Array.from({ length: CONNECTIONS }, (_, c) => `conn-${c}`),
        includeUnscoped: true,
        from: START,
        to: end,
        failedOnly: false,
      },
    ],
  ];
  console.log(
    `support bundle (${ROWS.toLocaleString()} logged attempts, 61 secrets in the vault${quick ? ', quick' : ''}; fill ${fillSeconds.toFixed(1)} s)`,
  );
  const figures: Record<string, number> = {};
  let worst = 0;
  for (const [name, selection] of shapes) {
    const times: number[] = [];
    let rows = 0;
    let bytes = 0;
    for (let run = 0; run < RUNS; run++) {
      const t = performance.now();
      const built = core.support.build(selection);
      times.push(performance.now() - t);
      rows = built.content.requests.length;
      bytes = built.zip.byteLength;
    }
    times.sort((a, b) => a - b);
    const median = times[times.length >> 1]!;
    worst = Math.max(worst, median);
    figures[name] = median;
    console.log(
      `  ${name.padEnd(46)} ${String(rows).padStart(6)} rows  ${(bytes / 1024).toFixed(0).padStart(5)} KiB zip  ${median.toFixed(0).padStart(5)} ms (max ${times.at(-1)!.toFixed(0)})  goal < ${GOAL_MS} ms  ratio ${(median / GOAL_MS).toFixed(2)}`,
    );
  }
  await core.close();
  rmSync(dataFolder, { recursive: true, force: true });
  console.log(JSON.stringify({ bench: 'support-bundle', rows: ROWS, worstMedianMs: worst, shapes: figures }));
});
