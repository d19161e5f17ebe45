/**
 * A full snapshot of a 2,000-person company through the app's services (gateway, limiter,
 * lifecycle, operation, compression, SQLite) on the embedded simulator: wall time, calls, records.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startWorkbenchCore } from '@main/core';
import { createNodeTestCipher } from '@main/platform/secrets/cipher';
import { createJsonFileStore } from '@main/platform/json-store/settings-store';
import type { SnapshotSummary } from '@shared/domain/snapshots';

export interface SnapshotRun {
  wallMs: number;
  summary: SnapshotSummary;
}

export async function measureSnapshots(people: number, runs: number): Promise<SnapshotRun[]> {
  const dataFolder = mkdtempSync(join(tmpdir(), 'bench-snapshot-'));
  const core = await startWorkbenchCore({
    app: { name: 'bench', version: '0.0.0', runtime: 'browser-harness', platform: process.platform, dataFolder },
    openSettingsStore: createJsonFileStore,
    cipher: createNodeTestCipher(),
    log: () => {},
  });
  try {
    const c = await core.connections.createSandbox('local', { providerId: 'gusto', employeeSize: people, customerName: 'Snapshot Co' });
    const now = core.simulator!.clock.now();
    const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
    const range = { startDate: day(now - 365 * 86_400_000), endDate: day(now) };
    const results: SnapshotRun[] = [];
    for (let i = 0; i < runs; i++) {
      // 6 calls a run (one per product): three runs stay inside every per-minute limit.
      const started = performance.now();
      const summary = await core.snapshots.take('local', { connectionId: c.id, operationId: `bench-${i}`, ...range });
      results.push({ wallMs: performance.now() - started, summary });
    }
    return results;
  } finally {
    await core.close();
    rmSync(dataFolder, { recursive: true, force: true });
  }
}
