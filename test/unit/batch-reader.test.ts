/** Chunked batch reads as operations: per-item codes, progress events, cancellation. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WorkbenchCore } from '@main/core';
import { startTestCore } from '../support/test-core';
import { readBatch } from '@main/platform/reads/batch-reader';
import type { OperationProgress } from '@main/platform/operations/operations';
import { WorkbenchError } from '@main/platform/errors';

let core: WorkbenchCore;
const progress: OperationProgress[] = [];
beforeAll(async () => {
  core = await startTestCore('batch');
  core.events.addSink((channel, payload) => channel === 'explorer:progress' && progress.push(payload as OperationProgress));
});
afterAll(() => core.close());

async function ids(connectionId: string): Promise<string[]> {
  const page = await core.lifecycle.read('local', connectionId, (client) => client.hris.directory.list({ limit: 10_000 }));
  return page.data.individuals.map((p) => p.id!);
}

describe('batch reader', () => {
  it('reads 2,500 individuals in three chunks, keeps a per-item 404, and reports progress to the end', async () => {
    const c = await core.connections.createSandbox('local', { providerId: 'finch', employeeSize: 2_500 });
    const people = await ids(c.id);
    expect(people).toHaveLength(2_500);
    const result = await core.operations.start(
      'Individuals',
      (operation) => readBatch(core.lifecycle, 'local', c.id, 'individual', [...people, 'no-such-person'], { chunkSize: 1_000, operation }),
      'op-individuals',
    );
    expect(result.calls).toBe(3);
    expect(result.requestIds).toHaveLength(3);
    expect(result.items).toHaveLength(2_501);
    expect(result.items.filter((i) => i.code === 200)).toHaveLength(2_500);
    expect(result.items.at(-1)).toMatchObject({ id: 'no-such-person', code: 404 });
    await new Promise((r) => setTimeout(r, 150)); // progress events are batched
    const last = progress.filter((p) => p.operationId === 'op-individuals').at(-1)!;
    expect(last).toMatchObject({ state: 'done', records: 2_501, pages: 3 });
  }, 30_000);

  it('stops between chunks when cancelled, and says how far it got', async () => {
    const c = await core.connections.createSandbox('local', { providerId: 'finch', employeeSize: 300 });
    const people = await ids(c.id);
    const run = core.operations.start(
      'Employments',
      async (operation) => {
        const first = await readBatch(core.lifecycle, 'local', c.id, 'employment', people.slice(0, 100), { chunkSize: 100, operation });
        expect(core.operations.cancel('op-cancel')).toBe(true);
        return readBatch(core.lifecycle, 'local', c.id, 'employment', people.slice(100), { chunkSize: 100, operation }).then(() => first);
      },
      'op-cancel',
    );
    const error = await run.catch((e: unknown) => e as WorkbenchError);
    expect(error).toBeInstanceOf(WorkbenchError);
    expect((error as WorkbenchError).kind).toBe('cancelled');
    expect((error as WorkbenchError).message).toContain('after 100 records');
    expect(core.operations.cancel('op-cancel')).toBe(false);
  });
});
