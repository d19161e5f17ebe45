/**
 * A cancelled 100,000-person pull keeps what it had: cancelled the moment its second directory
 * page (people 5,001–10,000) is handed on, the snapshot holds exactly those 10,000 people, is
 * marked `cancelled`, and every stored part reads back whole — the batches that were in flight
 * are either stored entirely or not at all, and only for people of those pages.
 *
 * The cancel comes from the operation's own progress report (synchronous here), not from a
 * timer, so where the pull stops does not depend on how fast the machine is.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WorkbenchCore } from '@main/core';
import { SnapshotService } from '@main/features/snapshots/snapshot-service';
import { OperationRegistry } from '@main/platform/operations/operations';
import type { OperationProgress } from '@main/platform/operations/operations';
import { startTestCore } from '../support/test-core';
import type { PartEncoding } from '@main/features/snapshots/part-codec';
import { decodePart } from '@main/features/snapshots/part-codec';

let core: WorkbenchCore;
beforeAll(async () => {
  core = await startTestCore('snapshot-cancel-big');
});
afterAll(() => core.close());

describe('a cancelled 100,000-person snapshot', () => {
  it('keeps exactly the pages it had, marked cancelled, nothing half-written', async () => {
    const c = await core.connections.createSandbox('local', {
      providerId: 'finch',
      employeeSize: 100_000,
      products: ['company', 'directory', 'individual', 'employment'],
    });
    let cancelledAt: string | null = null;
    const operations: OperationRegistry = new OperationRegistry((progress: OperationProgress) => {
      if (cancelledAt === null && progress.detail?.startsWith('directory: 10,000 of 100,000')) {
        cancelledAt = progress.detail;
        operations.cancel(progress.operationId);
      }
    });
    const snapshots = new SnapshotService({ db: core.db, lifecycle: core.lifecycle, connections: core.connections, operations });
    const now = core.simulator!.clock.now();
    const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
    const error = await snapshots
      .take('local', { connectionId: c.id, operationId: 'big-cancel', startDate: day(now - 30 * 86_400_000), endDate: day(now) })
      .then(
        () => null,
        (e: unknown) => e as { kind?: string },
      );
    expect(cancelledAt).not.toBeNull();
    expect(error?.kind).toBe('cancelled');

    const summary = snapshots.list('local').find((s) => s.connectionId === c.id)!;
    expect(summary.state).toBe('cancelled');
    expect(summary.counts.people).toBe(10_000);

    // Every part decodes; the counts are what the parts hold.
    const parts = core.db
      .prepare('SELECT kind, records, data, encoding FROM snapshot_parts WHERE snapshot_id = ? ORDER BY seq')
      .all(summary.id) as { kind: string; records: number; data: Buffer; encoding: PartEncoding }[];
    const read = (kind: string) =>
      parts.filter((p) => p.kind === kind).flatMap((p) => JSON.parse(decodePart(p).toString('utf8')) as Record<string, unknown>[]);
    const directory = read('directory');
    expect(directory).toHaveLength(10_000);
    const ids = new Set(directory.map((p) => p['id']));
    expect(ids.size).toBe(10_000);
    for (const kind of ['individuals', 'employments'] as const) {
      const items = read(kind);
      // Whole batches only (5,000 people each), and only of the pages that were stored.
      expect(items.length % 5_000).toBe(0);
      expect(items.every((i) => ids.has(i['id']))).toBe(true);
      expect(items.filter((i) => i['code'] === 200)).toHaveLength(summary.counts[kind]);
    }
    expect(parts.reduce((n, p) => n + (p.kind === 'directory' ? p.records : 0), 0)).toBe(10_000);

    // It reads back as a (partial) snapshot: compared with itself nothing changed.
    const again = await snapshots.diff('local', summary.id, summary.id).catch((e: { kind?: string }) => e);
    expect((again as { kind?: string }).kind).toBe('validation');
  }, 180_000);
});
