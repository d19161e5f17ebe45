/**
 * The explorer's directory at 100,000 people (Local simulator, its clock ×60 so the rate-limit
 * window the 21st page waits for passes in a second): every person reaches the renderer as
 * `explorer.directoryRows` events of at most 1,000 rows, in order and once each, the reply sums
 * up, and main keeps no array of the people once their event is sent.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WorkbenchCore } from '@main/core';
import type { DirectoryRowsView } from '@shared/domain/directory';
import { startTestCore } from '../support/test-core';

let core: WorkbenchCore;
const rows: DirectoryRowsView[] = [];
beforeAll(async () => {
  core = await startTestCore('directory-big', { simulatorClockSpeed: 60 });
  core.events.addSink((channel, payload) => {
    if (channel === 'explorer:directoryRows') rows.push(payload as DirectoryRowsView);
  });
});
afterAll(() => core.close());

describe('a 100,000-person directory', () => {
  it('streams everyone to the renderer in bounded events and keeps nobody in main', async () => {
    const c = await core.connections.createSandbox('local', { providerId: 'finch', employeeSize: 100_000 });
    const reply = await core.handlers.explorer.directory({ connectionId: c.id, operationId: 'big-directory' });
    expect(reply).toMatchObject({ count: 100_000, total: 100_000, accepted: null });
    const mine = rows.filter((r) => r.operationId === 'big-directory');
    expect(Math.max(...mine.map((r) => r.people.length))).toBeLessThanOrEqual(1_000);
    let next = 0;
    const ids = new Set<unknown>();
    for (const event of mine) {
      expect(event.offset).toBe(next);
      next += event.people.length;
      for (const p of event.people) ids.add(p['id']);
    }
    expect(next).toBe(100_000);
    expect(ids.size).toBe(100_000);

    // The service's own answer when asked not to keep the pages: a count, no array.
    const read = await core.explorer.directory('local', c.id, undefined, { keep: false, onRows: () => {} });
    expect(read.count).toBe(100_000);
    expect(read.people).toEqual([]);
  }, 180_000);
});
