/**
 * Disconnect-entity on a multi-entity connection of the embedded simulator (a 300-person
 * company runs payroll through two legal entities): one entity leaves, the other stays readable;
 * the last one takes the connection with it. Development and Production need the customer's
 * name typed before anything is sent; a disarmed Production refuses it in the handler map.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WorkbenchCore } from '@main/core';
import { ConnectionLifecycle } from '@main/platform/workspace/connection-lifecycle';
import type { ConnectionService } from '@main/platform/workspace/connection-service';
import type { EnvironmentService } from '@main/platform/workspace/environment-service';
import type { FinchGateway } from '@main/platform/finch/gateway';
import type { SecretVault } from '@main/platform/secrets/secret-vault';
import { startTestCore } from '../support/test-core';

let core: WorkbenchCore;
beforeAll(async () => {
  core = await startTestCore('disconnect-entity');
});
afterAll(() => core.close());

describe('disconnect-entity on the simulator', () => {
  it('lists two entities; disconnecting one keeps the other and the connection; the last one disconnects it', async () => {
    const c = await core.connections.createSandbox('local', { providerId: 'gusto', employeeSize: 300 });
    const before = await core.lifecycle.entities('local', c.id);
    expect(before.entities).toHaveLength(2);
    expect(before.entities.every((e) => e.status === 'connected' && e.name)).toBe(true);
    const [first, second] = before.entities;

    const after = await core.lifecycle.disconnectEntity('local', c.id, [first!.id]);
    expect(after.entities.map((e) => e.status)).toEqual(['disconnected', 'connected']);
    expect(core.connections.get('local', c.id).disconnectedAt).toBeNull();
    // Reads of the other entity still work; the disconnected one is refused by Finch.
    await expect(
      core.lifecycle.read('local', c.id, (client) => client.hris.directory.list({ entity_ids: [second!.id] })),
    ).resolves.toMatchObject({ status: 200 });
    await expect(core.lifecycle.read('local', c.id, (client) => client.hris.directory.list({ entity_ids: [first!.id] }))).rejects.toThrow(
      /entity_disconnected/,
    );
    const event = core.connections.timeline('local', c.id).find((e) => e.type === 'entity_disconnected')!;
    expect(event.detail).toMatchObject({ entityIds: [first!.id], names: [first!.name] });
    expect(event.requestIds).toHaveLength(1);

    await core.lifecycle.disconnectEntity('local', c.id, [second!.id]);
    expect(core.connections.get('local', c.id).disconnectedAt).not.toBeNull();
  });

  it('refuses an id that is not an entity of the connection, naming the field, and sends nothing', async () => {
    const c = await core.connections.createSandbox('local', { providerId: 'gusto', employeeSize: 300 });
    const refused = await core.lifecycle.disconnectEntity('local', c.id, ['not-an-entity']).catch((e: unknown) => e);
    expect(refused).toMatchObject({ kind: 'validation', details: { fields: [{ path: 'entityIds' }] } });
    expect(core.connections.timeline('local', c.id).some((e) => e.type.startsWith('entity_disconnect'))).toBe(false);
    expect((await core.lifecycle.entities('local', c.id)).entities.every((e) => e.status === 'connected')).toBe(true);
  });
});

describe('typed confirmation', () => {
  for (const kind of ['development', 'production'] as const) {
    it(`${kind}: refused until the customer name is typed, before any call`, async () => {
      let calls = 0;
      const lifecycle = new ConnectionLifecycle({
        environments: { get: () => ({ id: 'env', kind, name: 'Env' }) } as unknown as EnvironmentService,
        connections: {
          get: () => ({ id: 'conn-1', customerName: 'Harbor Dental', disconnectedAt: null, status: 'connected' }),
          target: () => ({}),
        } as unknown as ConnectionService,
        gateway: { call: async () => (calls++, { data: { entities: [] }, requestId: 'r', status: 200 }) } as unknown as FinchGateway,
        vault: {} as SecretVault,
        simulator: () => null,
      });
      const refused = await lifecycle.disconnectEntity('env', 'conn-1', ['e-1']).catch((e: unknown) => e);
      expect((refused as Error).message).toContain('Type “Harbor Dental” to disconnect an entity of this connection');
      await expect(lifecycle.disconnectEntity('env', 'conn-1', ['e-1'], 'Harbor')).rejects.toThrow(/Type “Harbor Dental”/);
      expect(calls).toBe(0);
      // With the name, it goes on to Finch (here: the entity is unknown, so it stops at the check).
      await expect(lifecycle.disconnectEntity('env', 'conn-1', ['e-1'], 'Harbor Dental')).rejects.toThrow(/Not an entity/);
      expect(calls).toBe(1);
    });
  }
});
