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
import type { WorkbenchCore } from '../../src/main/core';
import { startWorkbenchCore } from '../../src/main/core';
import { SecretScanner } from '../../src/main/redaction';
import { createNodeTestCipher } from '../../src/main/secrets/cipher';
import { secretRefs } from '../../src/main/secrets/secret-vault';
import { createJsonFileStore } from '../../src/main/settings/settings-store';
import { assertNoKnownSecrets, zipFiles } from '../../src/main/support/zip';
import type { BundleSelection } from '../../src/shared/domain/support';
import { scanBytes } from '../support/secret-scan';

const CLIENT_SECRET = 'sk_sandbox_PLANTED_7f3e91c2d4';
let core: WorkbenchCore;
let env: string;
let connectionId: string;
let token: string;
const person = { name: '', first: '', last: '', ssn: '', dob: '', salary: '', email: '', street: '' };

beforeAll(async () => {
  core = await startWorkbenchCore({
    app: { name: 'Finch Workbench', version: '9.9.9', runtime: 'browser-harness', platform: 'linux x64', dataFolder: mkdtempSync(join(tmpdir(), 'bundle-')) },
    openSettingsStore: createJsonFileStore,
    cipher: createNodeTestCipher(),
    log: () => {},
  });
  // A Sandbox environment whose Finch is the embedded simulator: the secret is real to the app.
  const state = core.environments.create({
    name: 'Sandbox (simulated)', kind: 'sandbox', clientId: 'sandbox-client-4f2a', clientSecret: CLIENT_SECRET,
    apiBaseUrl: core.simulator!.baseUrl, connectUrl: core.simulator!.connectUrl,
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
    first: individual['first_name'], last: individual['last_name'], name: `${individual['first_name']} ${individual['last_name']}`,
    ssn: individual['ssn'], dob: individual['dob'], salary: String(employment.income.amount),
    email: (individual['emails'] as { data: string }[])[0]!.data, street: (individual['residence'] as { line1: string }).line1,
  });
}, 30_000);
afterAll(() => core.close());

const read = (path: '/employer/company' | '/employer/directory') =>
  (path === '/employer/company'
    ? core.lifecycle.read(env, connectionId, (client) => client.hris.company.retrieve())
    : core.lifecycle.read(env, connectionId, (client) => client.hris.directory.list())
  ).catch((e: unknown) => e);

function selection(overrides: Partial<BundleSelection> = {}): BundleSelection {
  return { environmentId: env, connectionIds: [connectionId], includeUnscoped: true, from: 0, to: Date.now() + 60_000, failedOnly: false, ...overrides };
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
    const base = { callId: 'planted-call', environmentId: env, connectionId, product: 'individual', durationMs: 12, attempt: 1, retryAfterMs: null, dataRetrieved: null, lastUpdateDate: null, lastUpdateResult: null };
    core.requestLog.append({
      ...base, time: Date.now(), method: 'POST', path: `/employer/individual?access_token=${token}&email=${person.email}`, status: 422, requestId: 'req-planted-422',
      outcome: 'client_error', errorName: 'unprocessable_entity', finchCode: 'invalid_request',
      message: `Employee ${person.name} (SSN ${person.ssn}, born ${person.dob}, ${person.street}, ${person.email}) salary: ${person.salary}; Authorization: Bearer ${token}; client_secret=${CLIENT_SECRET}`,
    });
    core.connections.recordEvent(env, connectionId, null, 'connect_failed', {
      stage: 'connect', message: `Invalid credentials for ${person.first} ${person.last}`,
      individual: { first_name: person.first, last_name: person.last, ssn: person.ssn, dob: person.dob, residence: { line1: person.street } },
      income: { amount: Number(person.salary) }, note: `Basic ${Buffer.from(`sandbox-client-4f2a:${CLIENT_SECRET}`).toString('base64')}`,
      token: token, secretAsHex: Buffer.from(CLIENT_SECRET).toString('hex'),
    }, []);

    const failures = core.requestLog.search({ environmentId: env, connectionId, limit: 1000 }).filter((r) => r.outcome !== 'ok' && r.outcome !== 'accepted');
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
    const text = Object.values(files).map((b) => Buffer.from(b).toString('utf8')).join('\n');
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
    expect(manifest['redaction'].removed).toMatchObject({ secret: expect.any(Number), ssn: expect.any(Number), name: expect.any(Number), amount: expect.any(Number) });

    const connections = JSON.parse(file('connections.json')) as Record<string, unknown>[];
    expect(connections[0]).toMatchObject({ connection_id: connectionId, provider: 'gusto', client_type: 'sandbox', connection_type: 'finch', status: 'reauth' });
    expect(connections[0]!['company_id']).toEqual(expect.any(String));
    expect(connections[0]!['status_history']).toEqual(expect.arrayContaining([expect.objectContaining({ event: 'reauth_required', status: 'reauth' })]));
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
    for (const encoded of [CLIENT_SECRET, Buffer.from(`x${CLIENT_SECRET}`).toString('base64'), Buffer.from(CLIENT_SECRET).toString('hex'), encodeURIComponent(CLIENT_SECRET)]) {
      expect(() => assertNoKnownSecrets(leak(`a ${encoded} b`), scanner)).toThrow(/Nothing was written/);
    }
  });
});
