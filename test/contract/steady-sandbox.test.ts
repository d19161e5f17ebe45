/**
 * Contract: the app's sandbox calls, made through the real gateway, against Steady (the mock
 * server Finch's SDK is tested with) serving Finch's own OpenAPI spec. Steady answers 400 to
 * any request that does not match the spec, so a 2xx here means our request shapes are Finch's.
 */
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WorkbenchCore } from '@main/core';
import { startWorkbenchCore } from '@main/core';
import { applicationTarget } from '@main/platform/workspace/targets';
import { createNodeTestCipher } from '@main/platform/secrets/cipher';
import { createJsonFileStore } from '@main/platform/json-store/settings-store';

const ROOT = resolve(__dirname, '../..');
let steady: ChildProcess;
let baseUrl: string;
let core: WorkbenchCore;
let envId: string;

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => done(port));
    });
  });
}

async function waitUntilUp(url: string): Promise<void> {
  for (let i = 0; i < 100; i++) {
    try {
      await fetch(url);
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  throw new Error(`Steady did not start at ${url}`);
}

/**
 * Steady answers /introspect with the spec's example, whose client_type is "production"; the
 * app (rightly) refuses to store a production token in a sandbox environment. This test is
 * about request shapes, so only that one field of Steady's answer is set to "sandbox".
 */
const sandboxIntrospect: typeof fetch = async (input, init) => {
  const response = await fetch(input, init);
  if (!String(input instanceof Request ? input.url : input).includes('/introspect') || !response.ok) return response;
  const body = (await response.json()) as Record<string, unknown>;
  const headers = new Headers(response.headers);
  headers.delete('content-length');
  return new Response(JSON.stringify({ ...body, client_type: 'sandbox' }), { status: response.status, headers });
};

beforeAll(async () => {
  const port = await freePort();
  baseUrl = `http://127.0.0.1:${port}`;
  steady = spawn(
    join(ROOT, 'node_modules', '.bin', 'steady'),
    ['--host', '127.0.0.1', '--port', String(port), '--quiet', '--no-color', 'test/spec/finch-openapi.json'],
    {
      cwd: ROOT,
      stdio: 'ignore',
    },
  );
  await waitUntilUp(baseUrl);
  core = await startWorkbenchCore({
    app: {
      name: 'contract',
      version: '0.0.0',
      runtime: 'browser-harness',
      platform: 'test',
      dataFolder: mkdtempSync(join(tmpdir(), 'steady-')),
    },
    openSettingsStore: createJsonFileStore,
    cipher: createNodeTestCipher(),
    embeddedSimulator: false,
    fetch: sandboxIntrospect,
    log: () => {},
  });
  core.environments.create({
    name: 'Steady Sandbox',
    kind: 'sandbox',
    clientId: 'steady-client-0001',
    clientSecret: 'steady-secret-0001',
    apiBaseUrl: baseUrl,
  });
  envId = core.environments.state().environments.find((e) => e.name === 'Steady Sandbox')!.id;
}, 30_000);

afterAll(async () => {
  await core?.close();
  steady?.kill();
});

describe('sandbox calls against Finch’s spec (Steady)', () => {
  it('creates a sandbox connection the way the app does (POST /sandbox/connections, then introspect)', async () => {
    const connection = await core.connections.createSandbox(envId, {
      providerId: 'gusto',
      authenticationType: 'oauth',
      employeeSize: 25,
      products: ['company', 'directory'],
    });
    expect(connection.id).toBeTruthy();
    const calls = core.requestLog.search({ environmentId: envId, limit: 10 });
    expect(calls.map((c) => [c.method, c.path, c.status])).toEqual([
      ['GET', '/introspect', 200],
      ['POST', '/sandbox/connections', 200],
    ]);
  });

  it('the sandbox writes and jobs match the spec', async () => {
    const connection = core.connections.list(envId)[0]!;
    const bearer = core.connections.target(envId, connection.id);
    const basic = applicationTarget(core.environments.get(envId), null, core.vault);
    const answers = [
      await core.gateway.call(bearer, (c) => c.sandbox.connections.accounts.update({ connection_status: 'reauth' })),
      await core.gateway.call(basic, (c) =>
        c.sandbox.connections.accounts.create({ company_id: '00000000-0000-0000-0000-000000000001', provider_id: 'gusto' }),
      ),
      await core.gateway.call(bearer, (c) => c.sandbox.directory.create({ body: [{ first_name: 'Ada', last_name: 'Lovelace' }] })),
      await core.gateway.call(bearer, (c) =>
        c.sandbox.individual.update('00000000-0000-0000-0000-000000000002', { preferred_name: 'Ada' }),
      ),
      await core.gateway.call(bearer, (c) => c.sandbox.employment.update('00000000-0000-0000-0000-000000000002', { title: 'Engineer' })),
      await core.gateway.call(bearer, (c) => c.sandbox.jobs.configuration.retrieve()),
      await core.gateway.call(bearer, (c) =>
        c.sandbox.jobs.configuration.update({ type: 'data_sync_all', completion_status: 'reauth_error' }),
      ),
      await core.gateway.call(bearer, (c) => c.sandbox.jobs.create({ type: 'data_sync_all' })),
    ];
    // The Sandbox screen's writes go through MockData, which checks each body against the spec first.
    const company = {
      legal_name: 'Steady Co',
      entity: { type: 'llc', subtype: null },
      primary_email: 'ops@example.com',
      primary_phone_number: '+15555550100',
      departments: [{ name: 'Engineering', parent: null }],
      ein: '12-3456789',
      locations: [],
      accounts: [],
    };
    // Steady answers 4xx to a request outside the spec: the check below covers these writes too.
    for (const write of [
      await core.mockData.write(envId, { connectionId: connection.id, write: 'company', body: company, sync: false }),
      await core.mockData.write(envId, {
        connectionId: connection.id,
        write: 'directory',
        body: [{ first_name: 'Grace', last_name: 'Hopper' }],
        sync: false,
      }),
      await core.mockData.write(envId, {
        connectionId: connection.id,
        write: 'payment',
        sync: false,
        body: {
          start_date: '2026-10-01',
          end_date: '2026-10-15',
          pay_statements: [{ individual_id: '00000000-0000-0000-0000-000000000002', gross_pay: 100_000 }],
        },
      }),
    ])
      expect(write.job).toBeNull();
    for (const answer of answers) expect(answer.status).toBeLessThan(300);
    expect(core.requestLog.search({ environmentId: envId, statusClass: '4xx' })).toEqual([]);
  });

  it('Steady does refuse a request that breaks the spec (so the passes above mean something)', async () => {
    const connection = core.connections.list(envId)[0]!;
    const bearer = core.connections.target(envId, connection.id);
    const wrong = await core.gateway
      .call(bearer, (c) => c.sandbox.connections.accounts.update({ connection_status: 'not-a-status' as 'reauth' }))
      .catch((e: unknown) => e);
    expect(wrong).toMatchObject({ kind: 'finch_error' });
    expect(core.requestLog.search({ environmentId: envId, statusClass: '4xx' })[0]?.status).toBe(400);
  });
});
