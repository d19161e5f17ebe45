/**
 * How many employees a new sandbox company may have: the Local simulator goes to 100,000;
 * a real Finch environment keeps Finch's 10,000, refused in main beside the field (before any
 * call leaves) with the reason, whatever the renderer sent.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WorkbenchCore } from '@main/core';
import { SandboxConnectionInputSchema, employeeSizeLimit } from '@shared/domain/connection';
import { startTestCore } from '../support/test-core';

let core: WorkbenchCore;
beforeAll(async () => {
  core = await startTestCore('sandbox-size-limit');
});
afterAll(() => core.close());

describe('sandbox company size', () => {
  it('the Local simulator creates a 100,000-person company', async () => {
    expect(SandboxConnectionInputSchema.safeParse({ providerId: 'finch', employeeSize: 100_000 }).success).toBe(true);
    expect(SandboxConnectionInputSchema.safeParse({ providerId: 'finch', employeeSize: 100_001 }).success).toBe(false);
    const c = await core.connections.createSandbox('local', { providerId: 'finch', employeeSize: 100_000 });
    const page = await core.lifecycle.read('local', c.id, (client) => client.hris.directory.list({ limit: 1, offset: 99_999 }));
    expect(page.data.paging.count).toBe(100_000);
  }, 60_000);

  it('a Finch Sandbox environment keeps 10,000 and says why, beside the field, before calling Finch', async () => {
    const state = core.environments.create({
      name: 'Finch sandbox',
      kind: 'sandbox',
      clientId: 'size-client-0001',
      clientSecret: 'size-secret-0001',
    });
    const env = state.environments.find((e) => e.name === 'Finch sandbox')!.id;
    const calls = core.requestLog.count();
    const error = await core.connections.createSandbox(env, { providerId: 'finch', employeeSize: 10_001 }).then(
      () => null,
      (e: unknown) => e as Error & { kind?: string; details?: { fields?: { path: string; message: string }[] } },
    );
    expect(error?.kind).toBe('validation');
    expect(error?.details?.fields).toEqual([{ path: 'employeeSize', message: expect.stringContaining('at most 10,000') }]);
    expect(error?.message).toContain(employeeSizeLimit('sandbox').why);
    expect(core.requestLog.count()).toBe(calls);
  });
});
