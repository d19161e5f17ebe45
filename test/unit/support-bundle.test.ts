/**
 * Support bundles from a real session on the simulator: failures injected with its fault
 * controls, and markers planted where a careless export would leak them (a client secret,
 * an access token, one simulated employee's name, SSN, date of birth, address and salary).
 * The zip's bytes and every file in it are scanned in every encoding of the secret scan:
 * 0 hits, while every failure's Finch-Request-ID is there.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WorkbenchCore } from '@main/core';
import { startWorkbenchCore } from '@main/core';
import { SecretScanner } from '@main/platform/redaction';
import { createNodeTestCipher } from '@main/platform/secrets/cipher';
import { secretRefs } from '@main/platform/secrets/secret-vault';
import { createJsonFileStore } from '@main/platform/json-store/settings-store';
import { buildTicket } from '@main/features/support/ticket';
import { assertNoKnownSecrets, zipFiles } from '@main/features/support/zip';
import type { BundleRequest, BundleSelection } from '@shared/domain/support';
import { defaultConnectionIds } from '@shared/domain/support';
import { scanBytes } from '../support/secret-scan';

const CLIENT_SECRET = 'sk_sandbox_PLANTED_7f3e91c2d4';
let core: WorkbenchCore;
let env: string;
let connectionId: string;
let token: string;
const person = { name: '', first: '', last: '', ssn: '', dob: '', salary: '', email: '', street: '' };

beforeAll(async () => {
  core = await startWorkbenchCore({
    app: {
      name: 'Finch Workbench',
      version: '9.9.9',
      runtime: 'browser-harness',
      platform: 'linux x64',
      dataFolder: mkdtempSync(join(tmpdir(), 'bundle-')),
    },
    openSettingsStore: createJsonFileStore,
    cipher: createNodeTestCipher(),
    log: () => {},
  });
  // A Sandbox environment whose Finch is the embedded simulator: the secret is real to the app.
  const state = core.environments.create({
    name: 'Sandbox (simulated)',
    kind: 'sandbox',
    clientId: 'sandbox-client-4f2a',
    clientSecret: CLIENT_SECRET,
    apiBaseUrl: core.simulator!.baseUrl,
    connectUrl: core.simulator!.connectUrl,
  });
  env = state.environments.find((e) => e.kind === 'sandbox')!.id;
  const connection = await core.connections.createSandbox(env, { providerId: 'gusto', employeeSize: 4, customerName: 'Davis Foods' });
  connectionId = connection.id;
  token = core.vault.reveal(secretRefs.accessToken(env, connectionId));

  const directory = await core.explorer.directory(env, connectionId);
  const record = await core.explorer.person(env, connectionId, String(directory.people[0]!['id']));
  const individual = record.individual!.body as Record<string, unknown>;
  const employment = record.employment!.body as { income: { amount: number } };
  Object.assign(person, {
    first: individual['first_name'],
    last: individual['last_name'],
    name: `${individual['first_name']} ${individual['last_name']}`,
    ssn: individual['ssn'],
    dob: individual['dob'],
    salary: String(employment.income.amount),
    email: (individual['emails'] as { data: string }[])[0]!.data,
    street: (individual['residence'] as { line1: string }).line1,
  });
}, 30_000);
afterAll(() => core.close());

const read = (path: '/employer/company' | '/employer/directory') =>
  (path === '/employer/company'
    ? core.lifecycle.read(env, connectionId, (client) => client.hris.company.retrieve())
    : core.lifecycle.read(env, connectionId, (client) => client.hris.directory.list())
  ).catch((e: unknown) => e);

function selection(overrides: Partial<BundleSelection> = {}): BundleSelection {
  return {
    environmentId: env,
    connectionIds: [connectionId],
    includeUnscoped: true,
    from: 0,
    to: Date.now() + 60_000,
    failedOnly: false,
    ...overrides,
  };
}

describe('support bundle', () => {
  it('holds every failure’s request ID and none of the planted secrets or personal data, in any encoding', async () => {
    // Real failures: an outage that outlasts the retries, a 429 absorbed by a retry, a reauth.
    core.simulator!.admin.addFault({ kind: 'error', status: 503, path: '/employer/company', count: 3, finch_code: 'server_error' });
    await read('/employer/company');
    core.simulator!.admin.addFault({ kind: 'rate_limit', path: '/employer/directory', count: 1, retry_after_seconds: 0 });
    await read('/employer/directory');
    core.simulator!.admin.addFault({ kind: 'reauth', path: '/employer/company', count: 1 });
    await read('/employer/company');

    // Planted: what a provider's error message or a careless event detail might carry.
    const base = {
      callId: 'planted-call',
      environmentId: env,
      connectionId,
      product: 'individual',
      durationMs: 12,
      attempt: 1,
      retryAfterMs: null,
      dataRetrieved: null,
      lastUpdateDate: null,
      lastUpdateResult: null,
    };
    core.requestLog.append({
      ...base,
      time: Date.now(),
      method: 'POST',
      path: `/employer/individual?access_token=${token}&email=${person.email}`,
      status: 422,
      requestId: 'req-planted-422',
      outcome: 'client_error',
      errorName: 'unprocessable_entity',
      finchCode: 'invalid_request',
      message: `Employee ${person.name} (SSN ${person.ssn}, born ${person.dob}, ${person.street}, ${person.email}) salary: ${person.salary}; Authorization: Bearer ${token}; client_secret=${CLIENT_SECRET}`,
    });
    core.connections.recordEvent(
      env,
      connectionId,
      null,
      'connect_failed',
      {
        stage: 'connect',
        message: `Invalid credentials for ${person.first} ${person.last}`,
        individual: {
          first_name: person.first,
          last_name: person.last,
          ssn: person.ssn,
          dob: person.dob,
          residence: { line1: person.street },
        },
        income: { amount: Number(person.salary) },
        note: `Basic ${Buffer.from(`sandbox-client-4f2a:${CLIENT_SECRET}`).toString('base64')}`,
        token: token,
        secretAsHex: Buffer.from(CLIENT_SECRET).toString('hex'),
      },
      [],
    );

    const failures = core.requestLog
      .search({ environmentId: env, connectionId, limit: 1000 })
      .filter((r) => r.outcome !== 'ok' && r.outcome !== 'accepted');
    expect(failures.length).toBeGreaterThanOrEqual(6); // 3 × 503, 1 × 429, 1 × 401, the planted 422
    const focus = failures.find((f) => f.status === 503)!;

    const built = core.support.build(selection({ focusId: focus.id }));
    const files = unzipSync(built.zip);
    const names = Object.keys(files).map((n) => n.split('/').pop());
    expect(names.sort()).toEqual(['connections.json', 'events.json', 'manifest.json', 'requests.csv', 'requests.json', 'ticket.md']);

    const markers = [CLIENT_SECRET, token, person.name, person.ssn, person.dob, person.salary, person.email, person.street];
    const hits = [
      ...scanBytes('zip', Buffer.from(built.zip), markers),
      ...Object.entries(files).flatMap(([name, bytes]) => scanBytes(name, Buffer.from(bytes), markers)),
    ];
    expect(hits).toEqual([]);
    // Last names alone too (they are long enough not to occur by chance).
    const text = Object.values(files)
      .map((b) => Buffer.from(b).toString('utf8'))
      .join('\n');
    expect(text).not.toContain(person.last);
    expect(text).not.toContain('Davis Foods');

    const file = (name: string) => Buffer.from(Object.entries(files).find(([n]) => n.endsWith(`/${name}`))![1]).toString('utf8');
    for (const f of failures) {
      expect(file('requests.csv')).toContain(f.requestId!);
      expect(file('requests.json')).toContain(f.requestId!);
    }
    const ticket = file('ticket.md');
    expect(ticket).toContain(`Finch-Request-ID \`${focus.requestId}\``);
    expect(ticket).toMatch(/# Finch support request: 503 server_error on GET \/employer\/company/);
    for (const f of failures.filter((x) => x.status === 503)) expect(ticket).toContain(f.requestId!);

    const manifest = JSON.parse(file('manifest.json')) as Record<string, any>;
    expect(manifest['app']).toMatchObject({ version: '9.9.9' });
    expect(manifest['os']).toBe('linux x64');
    expect(manifest['environment']).toEqual({ kind: 'sandbox', client_id_hint: '…4f2a' });
    expect(JSON.stringify(manifest)).not.toContain('sandbox-client-4f2a');
    expect(manifest['redaction'].removed).toMatchObject({
      secret: expect.any(Number),
      ssn: expect.any(Number),
      name: expect.any(Number),
      amount: expect.any(Number),
    });

    const connections = JSON.parse(file('connections.json')) as Record<string, unknown>[];
    expect(connections[0]).toMatchObject({
      connection_id: connectionId,
      provider: 'gusto',
      client_type: 'sandbox',
      connection_type: 'finch',
      status: 'reauth',
    });
    expect(connections[0]!['company_id']).toEqual(expect.any(String));
    expect(connections[0]!['status_history']).toEqual(
      expect.arrayContaining([expect.objectContaining({ event: 'reauth_required', status: 'reauth' })]),
    );
    // The useful parts survive redaction: codes, paths, event stages.
    expect(file('requests.csv')).toContain('/employer/individual?access_token=[query-1]&email=[query-2]');
    expect(file('events.json')).toContain('"stage": "connect"');
  }, 30_000);

  it('previews exactly what the zip holds, and only failures when asked', () => {
    const all = core.support.preview(selection());
    const failed = core.support.preview(selection({ failedOnly: true }));
    expect(failed.counts.requests).toBe(failed.counts.failed);
    expect(failed.counts.requests).toBeLessThan(all.counts.requests);
    expect(failed.sampleRequests.every((r) => r.outcome !== 'ok')).toBe(true);
    const built = core.support.build(selection({ failedOnly: true }));
    const files = unzipSync(built.zip);
    for (const f of failed.files) {
      const bytes = Object.entries(files).find(([n]) => n.endsWith(`/${f.name}`))![1];
      if (f.name !== 'manifest.json') expect(bytes.byteLength, f.name).toBe(f.bytes); // the manifest carries its own timestamp
    }
    expect(failed.secretsChecked).toBeGreaterThanOrEqual(3); // client secret, access token, the local one
    expect(failed.redactions['secret']).toBeGreaterThan(0);
  });

  it('a failed row opens a bundle around that failure', () => {
    const failure = core.requestLog.search({ environmentId: env, statusClass: '5xx', limit: 1 })[0]!;
    const chosen = core.support.selectionForFailure(failure.id);
    expect(chosen).toMatchObject({ environmentId: env, connectionIds: [connectionId], failedOnly: true, focusId: failure.id });
    expect(chosen.from).toBeLessThan(failure.time);
    expect(chosen.to).toBeGreaterThan(failure.time);
    expect(core.support.preview(chosen).ticket).toContain(failure.requestId!);
    expect(() => core.support.selectionForFailure(9_999_999)).toThrow(/no longer in the log/);
    expect(() => core.support.preview({ ...chosen, environmentId: 'local' })).toThrow(/another environment/);
  });

  it('the final pass refuses a zip holding a known secret in any encoding', () => {
    const scanner = new SecretScanner([CLIENT_SECRET]);
    const leak = (text: string) => zipFiles('b', [{ name: 'x.txt', description: '', bytes: new TextEncoder().encode(text) }], Date.now());
    expect(() => assertNoKnownSecrets(leak('nothing here'), scanner)).not.toThrow();
    for (const encoded of [
      CLIENT_SECRET,
      Buffer.from(`x${CLIENT_SECRET}`).toString('base64'),
      Buffer.from(CLIENT_SECRET).toString('hex'),
      encodeURIComponent(CLIENT_SECRET),
    ]) {
      expect(() => assertNoKnownSecrets(leak(`a ${encoded} b`), scanner)).toThrow(/Nothing was written/);
    }
  });
});

describe('what a bundle picks and how its ticket is titled', () => {
  it('defaults to the connections that failed in the window, disconnected ones too, and not the clean live ones', async () => {
    const clean = await core.connections.createSandbox(env, { providerId: 'gusto', employeeSize: 3, customerName: 'Clean Co' });
    const drilled = await core.connections.createSandbox(env, { providerId: 'gusto', employeeSize: 3, customerName: 'Drilled Co' });
    await core.lifecycle.read(env, clean.id, (client) => client.hris.company.retrieve());
    core.simulator!.admin.addFault({ kind: 'error', status: 503, path: '/employer/company', count: 3, finch_code: 'server_error' });
    await core.lifecycle.read(env, drilled.id, (client) => client.hris.company.retrieve()).catch(() => null);
    await core.lifecycle.disconnect(env, drilled.id);

    const scope = core.support.scope(env);
    const from = Date.now() - 24 * 60 * 60_000;
    const chosen = defaultConnectionIds(scope, from);
    expect(chosen).toContain(drilled.id);
    expect(chosen).not.toContain(clean.id);
    expect(scope.connections.find((c) => c.id === drilled.id)).toMatchObject({ disconnected: true, lastFailureAt: expect.any(Number) });
    expect(scope.connections.find((c) => c.id === clean.id)).toMatchObject({ disconnected: false, lastFailureAt: null });
    // A window that starts after the failures leaves the connection out; with no failures at all, the live ones.
    expect(defaultConnectionIds(scope, Date.now() + 1)).toEqual(scope.connections.filter((c) => !c.disconnected).map((c) => c.id));

    // The default selection with failures only now holds the disconnected connection's 503s.
    const bundle = core.support.preview({
      environmentId: env,
      connectionIds: chosen,
      includeUnscoped: true,
      from,
      to: Date.now() + 60_000,
      failedOnly: true,
    });
    const outage = core.requestLog.search({ environmentId: env, connectionId: drilled.id, limit: 10 }).filter((r) => r.status === 503);
    expect(outage).toHaveLength(3);
    for (const r of outage) expect(bundle.ticket).toContain(r.requestId!);
  }, 30_000);

  it('a batch with per-item errors is titled by its item error, never “200”', async () => {
    const c = await core.connections.createSandbox(env, {
      providerId: 'bamboo_hr',
      products: ['directory', 'individual'],
      employeeSize: 3,
      customerName: 'Batch Co',
    });
    const directory = await core.lifecycle.read(env, c.id, (client) => client.hris.directory.list({ limit: 3 }));
    const known = directory.data.individuals.map((p) => ({ individual_id: p.id! }));
    await core.lifecycle.read(env, c.id, (client) =>
      client.hris.individuals.retrieveMany({ requests: [...known.slice(0, 2), { individual_id: 'no-such-person' }] }),
    );
    const preview = core.support.preview({
      environmentId: env,
      connectionIds: [c.id],
      includeUnscoped: false,
      from: 0,
      to: Date.now() + 60_000,
      failedOnly: true,
    });
    expect(preview.counts.failed).toBe(1);
    expect(preview.ticket.split('\n')[0]).toBe('# Finch support request: 404 for 1 of 3 individuals on POST /employer/individual');
    expect(preview.ticket).not.toMatch(/# Finch support request: 200/);
  });

  it('ranks failures 5xx > no response > 401 > 429 > other 4xx > per-item batch errors, whatever their counts', () => {
    let n = 0;
    const attempt = (status: number | null, outcome: string, extra: Partial<BundleRequest> = {}): BundleRequest => ({
      time: new Date(Date.UTC(2025, 0, 1, 0, n)).toISOString(),
      method: 'GET',
      path: '/employer/company',
      status,
      attempt: 1,
      request_id: `req-${++n}`,
      finch_code: null,
      duration_ms: 5,
      connection_id: 'conn-1',
      outcome,
      error_name: null,
      message: null,
      call_id: `call-${n}`,
      ...extra,
    });
    const batch = () =>
      attempt(200, 'batch_partial_failure', { method: 'POST', path: '/employer/individual', message: '404 for 1 of 3 individuals' });
    const headline = (failures: BundleRequest[]) =>
      buildTicket({
        environmentKind: 'sandbox',
        clientIdHint: null,
        appLine: 'test',
        from: 0,
        to: 1,
        requests: failures,
        failures,
        focus: null,
        connections: [],
        omittedRequests: 0,
      }).split('\n')[0];
    // The batch errors are the most numerous: they still come last.
    const failures = [
      ...Array.from({ length: 9 }, batch),
      ...Array.from({ length: 5 }, () => attempt(422, 'client_error', { finch_code: 'invalid_request' })),
      ...Array.from({ length: 4 }, () => attempt(429, 'rate_limited', { finch_code: 'finch_application_rl' })),
      ...Array.from({ length: 3 }, () => attempt(401, 'reauth_required', { finch_code: 'reauthenticate_user' })),
      attempt(null, 'network', { error_name: 'TypeError' }),
      attempt(503, 'server_error', { finch_code: 'server_error' }),
    ];
    const expected = [
      '503 server_error on GET /employer/company',
      'no response TypeError on GET /employer/company',
      '401 reauthenticate_user on GET /employer/company',
      '429 finch_application_rl on GET /employer/company',
      '422 invalid_request on GET /employer/company',
      '404 for 1 of 3 individuals on POST /employer/individual',
    ];
    let remaining = failures;
    for (const title of expected) {
      expect(headline(remaining)).toBe(`# Finch support request: ${title}`);
      const worst = remaining.find((f) => title.startsWith(f.status === 200 ? '404 for' : String(f.status ?? 'no response')))!;
      remaining = remaining.filter((f) => f.status !== worst.status);
    }
    expect(remaining).toEqual([]);
  });
});
