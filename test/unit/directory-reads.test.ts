/**
 * The explorer's directory read as the renderer sees it, through the handler map on the
 * embedded simulator: the first page's people arrive as events before the later pages are
 * read, every event is bounded, a picker reads one page, and a read that is cancelled — by
 * the user, or because its environment stopped being active — sends no further Finch call.
 *
 * The tests run in order on one core: the last two spend the application's directory budget
 * (20 calls a minute) on purpose, so that a call has to wait for a slot.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WorkbenchCore } from '@main/core';
import { splitRows } from '@main/features/explorer/directory-stream';
import type { DirectoryRowsView } from '@shared/domain/directory';
import { startTestCore } from '../support/test-core';

let core: WorkbenchCore;
const ENV = 'local';
const rowsEvents: DirectoryRowsView[] = [];
beforeAll(async () => {
  core = await startTestCore('directory-reads');
  core.events.addSink((channel, payload) => {
    if (channel === 'explorer:directoryRows') rowsEvents.push(payload as DirectoryRowsView);
  });
});
afterAll(() => core.close());

const directoryCalls = (connectionId: string) =>
  core.requestLog.search({ environmentId: ENV, connectionId, limit: 500 }).filter((e) => e.path.startsWith('/employer/directory')).length;
const directoryBucket = () => core.limiter.readings().find((r) => r.product === 'directory');
const outcome = (promise: Promise<unknown>) =>
  promise.then(
    () => null,
    (e: unknown) => e as Error & { kind?: string },
  );

async function waitFor(what: string, check: () => boolean, ms = 10_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** Spends directory calls until `used` of the application's 20 a minute are taken. */
async function spendDirectoryBudget(connectionId: string, used: number): Promise<void> {
  const target = core.connections.target(ENV, connectionId);
  while ((directoryBucket()?.used ?? 0) < used) await core.gateway.call(target, (client) => client.hris.directory.list({ limit: 1 }));
}

describe('the directory, streamed', () => {
  it('sends the first page’s people before the later pages are read, then sums up in a small reply', async () => {
    const c = await core.connections.createSandbox(ENV, { providerId: 'finch', employeeSize: 2_600 });
    let settled = false;
    const read = Promise.resolve(core.handlers.explorer.directory({ connectionId: c.id, operationId: 'stream-1' })).finally(
      () => (settled = true),
    );
    await waitFor('the first rows', () => rowsEvents.some((e) => e.operationId === 'stream-1'));
    const first = rowsEvents.find((e) => e.operationId === 'stream-1')!;
    // The first page is small and is handed on while the read is still going.
    expect(settled).toBe(false);
    expect(first).toMatchObject({ offset: 0, page: 1, total: 2_600, connectionId: c.id });
    expect(first.people).toHaveLength(100);

    const done = await read;
    expect(done).toEqual({ count: 2_600, total: 2_600, accepted: null, requestIds: expect.any(Array), pages: 2 });
    expect(done).not.toHaveProperty('people');
    const mine = rowsEvents.filter((e) => e.operationId === 'stream-1');
    const people = mine.flatMap((e) => e.people);
    expect(people).toHaveLength(2_600);
    expect(new Set(people.map((p) => p['id'])).size).toBe(2_600);
    // Offsets follow each other: the renderer can append in order.
    mine.reduce((next, e) => (expect(e.offset).toBe(next), next + e.people.length), 0);
    for (const e of mine) expect(JSON.stringify(e).length).toBeLessThan(300 * 1024);
    expect(directoryCalls(c.id)).toBe(2);
  });

  it('cuts a large page into bounded events, a single oversized person alone', () => {
    const people = Array.from({ length: 2_500 }, (_, i) => ({ id: `p${i}`, note: i === 7 ? 'x'.repeat(5_000) : '' }));
    const parts = splitRows({ offset: 100, people, total: 2_600, page: 2 }, { people: 1_000, chars: 4_000 });
    expect(parts.flatMap((p) => p.people)).toEqual(people);
    expect(parts.find((p) => p.people.some((x) => x.id === 'p7'))!.people).toHaveLength(1);
    for (const p of parts) expect(p.people.length).toBeLessThanOrEqual(1_000);
    expect(parts[0]!.offset).toBe(100);
    expect(parts.at(-1)!.offset + parts.at(-1)!.people.length).toBe(2_600);
  });

  it('a picker reads one page at an offset, in one call; more than 500 people a page is refused', async () => {
    const c = await core.connections.createSandbox(ENV, { providerId: 'gusto', employeeSize: 250 });
    const page = await core.handlers.explorer.directoryPage({ connectionId: c.id, offset: 100, limit: 100 });
    expect(page.total).toBe(250);
    expect(page.people).toHaveLength(100);
    expect(page.requestIds).toHaveLength(1);
    const all = await core.explorer.directory(ENV, c.id);
    expect(page.people.map((p) => p['id'])).toEqual(all.people.slice(100, 200).map((p) => p['id']));
    await expect(core.explorer.directoryPage(ENV, c.id, 0, 501)).rejects.toThrow(/At most 500/);
  });
});

describe('a directory read nobody waits for spends no more budget', () => {
  it('cancelled while its next page waits for a rate-limit slot: that call is never sent', async () => {
    const c = await core.connections.createSandbox(ENV, { providerId: 'finch', employeeSize: 6_000 });
    await spendDirectoryBudget(c.id, 19);
    const before = directoryCalls(c.id);
    const read = outcome(Promise.resolve(core.handlers.explorer.directory({ connectionId: c.id, operationId: 'cancel-1' })));
    await waitFor('the first rows', () => rowsEvents.some((e) => e.operationId === 'cancel-1'));
    await waitFor('the next page to queue for a slot', () => (directoryBucket()?.queued ?? 0) > 0);
    expect(core.operations.cancel('cancel-1')).toBe(true);
    expect((await read)?.kind).toBe('cancelled');
    expect(directoryBucket()?.queued).toBe(0);
    await new Promise((r) => setTimeout(r, 200));
    expect(directoryCalls(c.id) - before).toBe(1);
  });

  it('switching to another environment cancels a read of the old one; nothing more is sent for it', async () => {
    const c = await core.connections.createSandbox(ENV, { providerId: 'finch', employeeSize: 300 });
    await spendDirectoryBudget(c.id, 20);
    const before = directoryCalls(c.id);
    const read = outcome(Promise.resolve(core.handlers.explorer.directory({ connectionId: c.id, operationId: 'switch-1' })));
    await waitFor('the read to queue for a slot', () => (directoryBucket()?.queued ?? 0) > 0);

    const state = core.environments.create({
      name: 'Other sandbox',
      kind: 'sandbox',
      clientId: 'other-client-0001',
      clientSecret: 'other-secret-0001',
    });
    core.environments.setActive(state.environments.find((e) => e.name === 'Other sandbox')!.id);
    try {
      const error = await Promise.race([read, new Promise<'still running'>((r) => setTimeout(() => r('still running'), 2_000))]);
      expect(error).not.toBe('still running');
      expect((error as Error & { kind?: string }).kind).toBe('cancelled');
      expect(directoryBucket()?.queued).toBe(0);
      expect(directoryCalls(c.id)).toBe(before);
    } finally {
      core.environments.setActive(ENV);
    }
    // Coming back does not resume it.
    await new Promise((r) => setTimeout(r, 200));
    expect(directoryCalls(c.id)).toBe(before);
  });
});
