/**
 * Cleaning up connections: a bulk disconnect goes through a reviewed list and the typed count,
 * disconnected connections are archived out of the lists (and stay so after a restart), and a
 * connection's timeline holds its own Connect attempt, not the customer's other ones.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WorkbenchCore } from '@main/core';
import { openWorkbenchDatabase } from '@main/platform/storage/database';
import { MIGRATIONS } from '@main/platform/storage/migrations';
import { startTestCore } from '../support/test-core';

async function connect(core: WorkbenchCore, env: string, customer: { customerName: string; customerId?: string }, providerId: string) {
  const login =
    providerId === 'bamboo_hr'
      ? { auth_method: 'api_token', api_token: 'demo-account-token' }
      : { auth_method: 'oauth', username: 'hr-admin', password: 'correct horse' };
  const session = await core.connect.start(env, { ...customer, products: ['company', 'directory'], sandboxMode: 'finch' });
  const response = await fetch(`${core.simulator!.baseUrl}/connect/api/sessions/${session.sessionId}/authorize`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ provider_id: providerId, ...login, state: session.state, sdk_host_url: 'http://127.0.0.1:1' }),
  });
  const { code } = (await response.json()) as { code: string };
  return { session, connection: await core.connect.complete(env, code, session.state) };
}

const dataFolder = mkdtempSync(join(tmpdir(), 'connection-cleanup-'));
let core: WorkbenchCore;
beforeAll(async () => {
  core = await startTestCore('connection-cleanup', {
    app: { name: 'test', version: '0.0.0', runtime: 'browser-harness', platform: 'test', dataFolder },
  });
});
afterAll(() => core.close());

describe('bulk disconnect', () => {
  it('lists what would go (with people when known), and disconnects only the reviewed list after the typed count', async () => {
    const big = await core.connections.createSandbox('local', { providerId: 'gusto', employeeSize: 2000, customerName: 'Big Co' });
    const small = await core.connections.createSandbox('local', { providerId: 'bamboo_hr', customerName: 'Small Co' });
    const review = core.lifecycle.describeDisconnectAll('local');
    expect(review).toEqual(
      expect.arrayContaining([
        { id: big.id, providerId: 'gusto', companyId: big.companyId, customerName: 'Big Co', people: 2000 },
        { id: small.id, providerId: 'bamboo_hr', companyId: small.companyId, customerName: 'Small Co', people: null },
      ]),
    );
    const ids = review.map((r) => r.id);

    // No confirmation, or the wrong one: nothing happens.
    await expect(core.lifecycle.disconnectAllSandbox('local', ids, '')).rejects.toMatchObject({
      kind: 'validation',
      details: { fields: [{ path: 'confirm' }] },
    });
    await expect(core.lifecycle.disconnectAllSandbox('local', ids, '3')).rejects.toMatchObject({ kind: 'validation' });
    expect(core.connections.list('local').every((c) => c.disconnectedAt === null)).toBe(true);

    // A connection made after the review is not swept along.
    const later = await core.connections.createSandbox('local', { providerId: 'gusto', customerName: 'Later Co' });
    const result = await core.lifecycle.disconnectAllSandbox('local', ids, String(ids.length));
    expect(result).toEqual({ disconnected: ids, failed: [] });
    expect(core.connections.get('local', later.id).disconnectedAt).toBeNull();

    // A reviewed list that no longer matches what is live is refused whole.
    await expect(core.lifecycle.disconnectAllSandbox('local', [later.id, big.id], '2')).rejects.toMatchObject({ kind: 'conflict' });
    expect(core.connections.get('local', later.id).disconnectedAt).toBeNull();
    await core.lifecycle.disconnect('local', later.id);
  });
});

describe('archive', () => {
  it('archives only disconnected connections, one or all, and unarchives', async () => {
    const live = await core.connections.createSandbox('local', { providerId: 'gusto', customerName: 'Live Co' });
    expect(() => core.connections.archive('local', live.id)).toThrow(/still connected; disconnect it before archiving/);
    const disconnected = core.connections.list('local').filter((c) => c.disconnectedAt !== null);
    expect(disconnected.length).toBe(3);

    const one = core.connections.archive('local', disconnected[0]!.id);
    expect(one.archivedAt).toEqual(expect.any(Number));
    expect(core.connections.archiveDisconnected('local')).toEqual({ archived: 2 });
    expect(core.connections.archiveDisconnected('local')).toEqual({ archived: 0 });
    expect(core.connections.get('local', live.id).archivedAt).toBeNull();
    expect(core.connections.timeline('local', disconnected[0]!.id).map((e) => e.type)).toContain('archived');

    expect(core.connections.unarchive('local', disconnected[0]!.id).archivedAt).toBeNull();
    core.connections.archive('local', disconnected[0]!.id);
  });

  it('is still archived after a restart', async () => {
    const archivedIds = () =>
      core.connections
        .list('local')
        .filter((c) => typeof c.archivedAt === 'number')
        .map((c) => c.id)
        .sort();
    const before = archivedIds();
    expect(before).toHaveLength(3);
    core.close();
    core = await startTestCore('connection-cleanup', {
      app: { name: 'test', version: '0.0.0', runtime: 'browser-harness', platform: 'test', dataFolder },
    });
    expect(archivedIds()).toEqual(before);
    expect(core.connections.list('local')).toHaveLength(4);
  });
});

describe('timeline', () => {
  it('shows a connection its own Connect attempt, not the same customer’s other attempts', async () => {
    const first = await connect(core, 'local', { customerName: 'Acme Corp', customerId: 'cust-acme' }, 'gusto');
    // A second attempt for the same customer that is closed, then one that connects bamboo_hr.
    const closed = await core.connect.start('local', {
      customerName: 'Acme Corp',
      customerId: 'cust-acme',
      products: ['company'],
      sandboxMode: 'finch',
    });
    core.connect.report('local', closed.state, 'closed');
    const second = await connect(core, 'local', { customerName: 'Acme Corp', customerId: 'cust-acme' }, 'bamboo_hr');

    const sessionsOf = (id: string) =>
      core.connections
        .timeline('local', id)
        .filter((e) => e.type.startsWith('connect_'))
        .map((e) => [e.type, e.detail['sessionId']]);
    expect(sessionsOf(first.connection.id)).toEqual([
      ['connect_succeeded', undefined],
      ['connect_started', first.session.sessionId],
    ]);
    expect(sessionsOf(second.connection.id)).toEqual([
      ['connect_succeeded', undefined],
      ['connect_started', second.session.sessionId],
    ]);
  });
});

describe('migration 8', () => {
  it('gives each recorded Connect start the connection it produced, and no other', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'm008-')), 'db.sqlite');
    const old = openWorkbenchDatabase(path, { migrations: MIGRATIONS.filter((m) => m.version < 8) });
    const event = old.prepare("INSERT INTO events (time, environment_id, connection_id, customer_id, type) VALUES (1, 'local', ?, ?, ?)");
    event.run(null, 'cust-acme', 'connect_started'); // 1: gusto's start
    event.run('conn-gusto', 'cust-acme', 'connect_succeeded'); // 2
    event.run(null, 'cust-acme', 'connect_started'); // 3: closed, never connected
    event.run(null, 'cust-acme', 'connect_closed'); // 4
    event.run(null, 'cust-acme', 'connect_started'); // 5: bamboo's start
    event.run('conn-bamboo', 'cust-acme', 'connect_succeeded'); // 6
    event.run(null, 'cust-other', 'connect_started'); // 7: another customer, never connected
    old.close();
    const db = openWorkbenchDatabase(path, { migrations: MIGRATIONS });
    const rows = db.prepare('SELECT id, connection_id AS connectionId FROM events ORDER BY id').all();
    db.close();
    expect(rows).toEqual([
      { id: 1, connectionId: 'conn-gusto' },
      { id: 2, connectionId: 'conn-gusto' },
      { id: 3, connectionId: null },
      { id: 4, connectionId: null },
      { id: 5, connectionId: 'conn-bamboo' },
      { id: 6, connectionId: 'conn-bamboo' },
      { id: 7, connectionId: null },
    ]);
  });
});
