/**
 * Snapshots on the simulator: a diff after editing two people and adding one through the
 * sandbox endpoints (called through the app's lifecycle/gateway) reports exactly those
 * changes; a cancelled snapshot keeps what it had read; deleting one or all of a connection.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WorkbenchCore } from '@main/core';
import { startTestCore } from '../support/test-core';
import { WorkbenchError } from '@main/platform/errors';
import type { PartEncoding } from '@main/features/snapshots/part-codec';
import { decodePart } from '@main/features/snapshots/part-codec';
import { gzipSync } from 'node:zlib';

let core: WorkbenchCore;
beforeAll(async () => {
  core = await startTestCore('snapshots');
});
afterAll(() => core.close());

const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
function range() {
  const now = core.simulator!.clock.now();
  return { startDate: day(now - 40 * 86_400_000), endDate: day(now) };
}

describe('snapshots', () => {
  it('a diff after editing two people and adding one reports exactly those changes', async () => {
    const c = await core.connections.createSandbox('local', { providerId: 'finch', employeeSize: 30, customerName: 'Diff Co' });
    const window = range();
    const before = await core.snapshots.take('local', { connectionId: c.id, operationId: 'snap-a', ...window, label: 'before' });
    expect(before.counts).toMatchObject({ people: 30, individuals: 30, employments: 30, itemErrors: 0 });
    expect(before.counts.payments).toBeGreaterThan(0);
    expect(before.counts.payStatements).toBeGreaterThan(0);
    expect(Object.values(before.products).every((s) => s === 'ok')).toBe(true);
    expect(before.requestIds.length).toBe(before.calls);

    const directory = await core.lifecycle.read('local', c.id, (client) => client.hris.directory.list({ limit: 100 }));
    const [first, second] = directory.data.individuals;
    const oldIndividual = (
      await core.lifecycle.read('local', c.id, (client) =>
        client.hris.individuals.retrieveMany({ requests: [{ individual_id: first!.id! }] }),
      )
    ).data.responses[0]!.body as { preferred_name: unknown };
    const oldEmployment = (
      await core.lifecycle.read('local', c.id, (client) =>
        client.hris.employments.retrieveMany({ requests: [{ individual_id: second!.id! }] }),
      )
    ).data.responses[0]!.body as { title: unknown };
    await core.lifecycle.read('local', c.id, (client) =>
      client.sandbox.individual.update(first!.id!, { preferred_name: 'Zed the Tester' }),
    );
    await core.lifecycle.read('local', c.id, (client) => client.sandbox.employment.update(second!.id!, { title: 'Chief Diff Officer' }));
    const added = await core.lifecycle.read('local', c.id, (client) =>
      client.sandbox.directory.create({ body: [{ first_name: 'Ada', last_name: 'Lovelace', dob: '1990-12-10', title: 'Analyst' }] }),
    );
    // Sandbox edits reach /employer reads after a sync job completes (simulated clock).
    await core.lifecycle.read('local', c.id, (client) => client.sandbox.jobs.create({ type: 'data_sync_all' }));
    core.simulator!.clock.advance(10_000);

    const after = await core.snapshots.take('local', { connectionId: c.id, operationId: 'snap-b', ...window });
    expect(after.counts.people).toBe(31);
    const diff = await core.snapshots.diff('local', before.id, after.id);
    expect(diff.sameConnection).toBe(true);
    expect(diff.peopleAdded).toEqual([{ fromId: null, toId: (added.data as { id: string }[])[0]!.id, name: 'Ada Lovelace' }]);
    expect(diff.peopleRemoved).toEqual([]);
    expect(diff.peopleChanged).toHaveLength(2);
    const byId = new Map(diff.peopleChanged.map((p) => [p.fromId, p]));
    expect(byId.get(first!.id!)!.changes).toEqual([
      {
        path: 'individual.preferred_name',
        before: oldIndividual.preferred_name,
        after: 'Zed the Tester',
        beforeAbsent: false,
        afterAbsent: false,
      },
    ]);
    expect(byId.get(second!.id!)!.changes).toEqual([
      { path: 'employment.title', before: oldEmployment.title, after: 'Chief Diff Officer', beforeAbsent: false, afterAbsent: false },
    ]);
    expect(diff.peopleUnchanged).toBe(28);
    expect(diff.matching).toEqual({ id: 30, name_dob: 0, source_id: 0 });
    expect(diff.companyChanges).toEqual([]);
    expect(diff.paymentsAdded).toEqual([]);
    expect(diff.paymentsRemoved).toEqual([]);
    expect(diff.paymentsChanged).toEqual([]);
  }, 30_000);

  it('keeps the content compressed, without SSNs, and lists newest first', async () => {
    // Finch Sandbox's default products include `ssn`: the simulator sends SSNs.
    const c = await core.connections.createSandbox('local', { providerId: 'finch', employeeSize: 8 });
    expect(c.products).toContain('ssn');
    const raw = await core.lifecycle.read('local', c.id, (client) => client.hris.directory.list());
    const one = await core.lifecycle.read('local', c.id, (client) =>
      client.hris.individuals.retrieveMany({ requests: [{ individual_id: raw.data.individuals[0]!.id! }] }),
    );
    expect((one.data.responses[0]!.body as { ssn?: unknown }).ssn).toEqual(expect.any(String));
    const snap = await core.snapshots.take('local', { connectionId: c.id, operationId: 'snap-ssn', ...range() });
    expect(snap.products).toMatchObject({ individual: 'ok', payment: 'ok' });
    // Stored page by page: every part brotli-compressed (smaller than the JSON); no individual keeps an SSN.
    const parts = core.db.prepare('SELECT kind, data, encoding FROM snapshot_parts WHERE snapshot_id = ? ORDER BY seq').all(snap.id) as {
      kind: string;
      data: Buffer;
      encoding: PartEncoding;
    }[];
    expect(parts.length).toBeGreaterThan(0);
    for (const part of parts) {
      expect(part.encoding).toBe('br');
      expect(part.data.length).toBeLessThan(decodePart(part).length);
    }
    const individuals = parts
      .filter((p) => p.kind === 'individuals')
      .flatMap((p) => JSON.parse(decodePart(p).toString('utf8')) as { body: Record<string, unknown> }[]);
    expect(individuals).toHaveLength(8);
    for (const item of individuals) {
      expect(item.body).not.toHaveProperty('ssn');
      expect(item.body).not.toHaveProperty('encrypted_ssn');
    }
    expect(snap.state).toBe('complete');
    expect(core.snapshots.list('local')[0]!.id).toBe(snap.id);
  });

  it('still reads parts stored gzip-compressed (before migration 014) and refuses an encoding it does not know', async () => {
    const c = await core.connections.createSandbox('local', { providerId: 'finch', employeeSize: 12, customerName: 'Old Parts Co' });
    const window = range();
    const old = await core.snapshots.take('local', { connectionId: c.id, operationId: 'snap-old', ...window });
    const fresh = await core.snapshots.take('local', { connectionId: c.id, operationId: 'snap-new', ...window });
    // The older snapshot's parts rewritten the way the app stored them before: gzip.
    const parts = core.db.prepare('SELECT seq, data, encoding FROM snapshot_parts WHERE snapshot_id = ?').all(old.id) as {
      seq: number;
      data: Buffer;
      encoding: PartEncoding;
    }[];
    const rewrite = core.db.prepare('UPDATE snapshot_parts SET data = ?, encoding = ? WHERE snapshot_id = ? AND seq = ?');
    for (const part of parts) rewrite.run(gzipSync(decodePart(part)), 'gzip', old.id, part.seq);
    const diff = await core.snapshots.diff('local', old.id, fresh.id);
    expect(diff.peopleUnchanged).toBe(12);
    expect([diff.peopleAdded, diff.peopleRemoved, diff.peopleChanged, diff.paymentsChanged]).toEqual([[], [], [], []]);

    core.db.prepare("UPDATE snapshot_parts SET encoding = 'zstd' WHERE snapshot_id = ?").run(old.id);
    await expect(core.snapshots.diff('local', old.id, fresh.id)).rejects.toThrow(/stored as "zstd", which this version cannot read/);
  }, 30_000);

  it('a cancelled snapshot keeps what it had read, marked cancelled, and can be compared', async () => {
    const c = await core.connections.createSandbox('local', { providerId: 'finch', employeeSize: 10 });
    const stored = core.snapshots.list('local').length;
    core.simulator!.admin.addFault({ kind: 'latency', path: '/employer/payment', latency_ms: 3_000, count: null });
    let error: unknown = null;
    try {
      const run = core.snapshots.take('local', { connectionId: c.id, operationId: 'snap-cancel', ...range() });
      // Cancel while the payments call waits, once company and people are written.
      const kinds = () =>
        (
          core.db
            .prepare(
              "SELECT DISTINCT kind FROM snapshot_parts JOIN snapshots ON snapshots.id = snapshot_id WHERE connection_id = ? AND state = 'pulling'",
            )
            .all(c.id) as { kind: string }[]
        ).map((r) => r.kind);
      const deadline = Date.now() + 20_000;
      while (!['company', 'individuals', 'employments'].every((k) => kinds().includes(k))) {
        if (Date.now() > deadline) throw new Error('company and people never arrived');
        await new Promise((r) => setTimeout(r, 20));
      }
      expect(core.operations.cancel('snap-cancel')).toBe(true);
      error = await run.then(
        () => null,
        (e: unknown) => e,
      );
    } finally {
      core.simulator!.admin.clearFaults();
    }
    expect(error).toBeInstanceOf(WorkbenchError);
    expect((error as WorkbenchError).kind).toBe('cancelled');
    const list = core.snapshots.list('local');
    expect(list).toHaveLength(stored + 1);
    const partial = list.find((s) => s.connectionId === c.id)!;
    expect(partial.state).toBe('cancelled');
    expect(partial.counts).toMatchObject({ people: 10, individuals: 10, employments: 10, payments: 0, payStatements: 0 });

    const complete = await core.snapshots.take('local', { connectionId: c.id, operationId: 'snap-after-cancel', ...range() });
    const diff = await core.snapshots.diff('local', partial.id, complete.id);
    expect(diff.peopleAdded).toEqual([]);
    expect(diff.peopleChanged).toEqual([]);
    expect(diff.caveats.some((c) => c.includes('cancelled'))).toBe(true);
  });

  it('deletes one snapshot, or every snapshot of a connection', async () => {
    const c = await core.connections.createSandbox('local', { providerId: 'finch', employeeSize: 3, products: ['company', 'directory'] });
    // Products not granted are not asked for.
    const a = await core.snapshots.take('local', { connectionId: c.id, operationId: 'snap-d1', ...range() });
    expect(a.products).toMatchObject({ company: 'ok', directory: 'ok', individual: 'not_granted', payment: 'not_granted' });
    await core.snapshots.take('local', { connectionId: c.id, operationId: 'snap-d2', ...range() });
    await core.snapshots.take('local', { connectionId: c.id, operationId: 'snap-d3', ...range() });
    const mine = () => core.snapshots.list('local').filter((s) => s.connectionId === c.id).length;
    expect(mine()).toBe(3);
    expect(core.snapshots.remove('local', a.id)).toEqual({ removed: 1 });
    expect(mine()).toBe(2);
    await expect(core.snapshots.diff('local', a.id, a.id + 1)).rejects.toMatchObject({ kind: 'not_found' });
    expect(core.snapshots.removeAll('local', c.id)).toEqual({ removed: 2 });
    expect(mine()).toBe(0);
  });
});
