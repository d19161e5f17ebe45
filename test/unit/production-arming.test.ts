/** Armed Production through the handler map the IPC guard serves: refusals, typed arming, expiry on the clock. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contract } from '@shared/contract';
import type { WorkbenchCore } from '@main/core';
import { startWorkbenchCore } from '@main/core';
import { createIpcGuard } from '@main/platform/ipc/guard';
import { createNodeTestCipher } from '@main/platform/secrets/cipher';
import { createJsonFileStore } from '@main/platform/json-store/settings-store';
import { FakeClock } from './fake-clock';

const clock = new FakeClock(Date.parse('2026-11-23T10:00:00Z'));
let core: WorkbenchCore;
let call: (channel: string, payload: unknown) => Promise<{ ok: boolean; value?: unknown; error?: { kind: string; message: string } }>;
let prodId: string;

beforeAll(async () => {
  core = await startWorkbenchCore({
    app: {
      name: 'test',
      version: '0.0.0',
      runtime: 'browser-harness',
      platform: 'test',
      dataFolder: mkdtempSync(join(tmpdir(), 'arming-')),
    },
    openSettingsStore: createJsonFileStore,
    cipher: createNodeTestCipher(),
    clock,
    embeddedSimulator: false,
    log: () => {},
  });
  core.environments.create({ name: 'Acme Production', kind: 'production', clientId: 'prod-client-0001', clientSecret: 'prod-secret-0001' });
  prodId = core.environments.state().environments.find((e) => e.kind === 'production')!.id;
  core.environments.setActive(prodId);
  const guard = createIpcGuard({ contract, handlers: core.handlers, isTrustedSender: () => true });
  call = (channel, payload) =>
    guard.dispatch(channel, payload, { origin: 'app://workbench', isMainFrame: true, id: 'webContents:1' }) as never;
});
afterAll(() => core.close());

describe('armed Production', () => {
  it('opens disarmed and refuses each destructive act through the IPC layer, with the reason', async () => {
    expect(await call('safety:armingState', {})).toMatchObject({ ok: true, value: { applies: true, armed: false } });
    for (const [channel, payload] of [
      ['connections:disconnect', { connectionId: 'c1', confirmName: 'Globex' }],
      ['connect:start', { customerName: 'Globex', products: ['company'] }],
      ['connect:startRedirect', { customerName: 'Globex', products: ['company'] }],
      ['explorer:startSync', { connectionId: 'c1' }],
      ['explorer:forward', { connectionId: 'c1', method: 'POST', route: '/v1/employees' }],
      // Bulk acts obey the same arming as single ones.
      ['connections:disconnectAllSandbox', { connectionIds: ['c1', 'c2'], confirm: '2' }],
      ['connections:archiveDisconnected', {}],
      // Rule changes and an entity disconnect change the employer's data like a disconnect.
      ['connections:disconnectEntity', { connectionId: 'c1', entityIds: ['e1'], confirmName: 'Globex' }],
      [
        'explorer:createPayItemRule',
        { connectionId: 'c1', conditions: [{ field: 'name', operator: 'equals', value: 'Salary' }], metadata: {} },
      ],
      [
        'explorer:updatePayItemRule',
        { connectionId: 'c1', ruleId: 'r1', conditions: [{ field: 'name', operator: 'equals', value: 'Salary' }], metadata: {} },
      ],
      ['explorer:deletePayItemRule', { connectionId: 'c1', ruleId: 'r1' }],
    ] as const) {
      const reply = await call(channel, payload);
      expect(reply.error?.kind, channel).toBe('forbidden');
      expect(reply.error?.message).toMatch(/“Acme Production” is Production and disarmed: .* is refused\. Arm it first/);
    }
  });

  it('arms only with the name typed exactly, then lets acts through until the time runs out', async () => {
    expect((await call('safety:arm', { confirmName: 'acme production', minutes: 15 })).error?.kind).toBe('validation');
    expect((await call('safety:arm', { confirmName: 'Acme Production', minutes: 7 })).error?.kind).toBe('validation');
    const armed = await call('safety:arm', { confirmName: 'Acme Production', minutes: 15 });
    expect(armed.value).toMatchObject({ armed: true, armedUntil: clock.now() + 15 * 60_000 });
    // Past the arming check: the connection does not exist, so the service itself answers.
    expect((await call('connections:disconnect', { connectionId: 'c1', confirmName: 'Globex' })).error?.kind).toBe('not_found');
    await clock.advance(15 * 60_000 - 1);
    expect((await call('safety:armingState', {})).value).toMatchObject({ armed: true });
    await clock.advance(1);
    expect((await call('safety:armingState', {})).value).toMatchObject({ armed: false, armedUntil: null });
    expect((await call('connections:disconnect', { connectionId: 'c1', confirmName: 'Globex' })).error?.kind).toBe('forbidden');
  });

  it('never disarms a non-Production environment', async () => {
    core.environments.setActive('local');
    expect((await call('safety:armingState', {})).value).toMatchObject({ applies: false, armed: true });
    expect((await call('safety:arm', { confirmName: 'Local simulator', minutes: 15 })).error?.kind).toBe('validation');
    core.environments.setActive(prodId);
  });
});
