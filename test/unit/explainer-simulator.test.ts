/**
 * Each pitfall of FINCH.md, reproduced on the simulator (with its fault controls where
 * needed), gets the right explanation through the app's own diagnostics; an outcome no rule
 * covers says so plainly.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WorkbenchCore } from '@main/core';
import { startWorkbenchCore } from '@main/core';
import { explain } from '@main/platform/explainer/explainer';
import { applicationTarget } from '@main/platform/workspace/targets';
import { createNodeTestCipher } from '@main/platform/secrets/cipher';
import { createJsonFileStore } from '@main/platform/json-store/settings-store';

let core: WorkbenchCore;
const ENV = 'local';

beforeAll(async () => {
  core = await startWorkbenchCore({
    app: {
      name: 'test',
      version: '0.0.0',
      runtime: 'browser-harness',
      platform: 'test',
      dataFolder: mkdtempSync(join(tmpdir(), 'explain-')),
    },
    openSettingsStore: createJsonFileStore,
    cipher: createNodeTestCipher(),
    log: () => {},
  });
});
afterAll(() => core.close());

const app = () => applicationTarget(core.environments.get(ENV), core.simulator, core.vault);
const fault = (rule: Record<string, unknown>) => core.simulator!.admin.addFault(rule);

/** The explanation of the newest logged attempt matching a path. */
function explainLatest(path: string) {
  const entry = core.requestLog.search({ limit: 500 }).find((e) => e.path.startsWith(path));
  if (!entry) throw new Error(`nothing logged for ${path}`);
  return core.diagnostics.explainRequest(ENV, entry.id);
}

/** A code from the simulator's Connect page, as a browser would get it. */
async function codeFor(sessionId: string, state: string, embedded: boolean): Promise<string> {
  const response = await fetch(`${core.simulator!.baseUrl}/connect/api/sessions/${sessionId}/authorize`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      provider_id: 'finch',
      auth_method: 'credential',
      username: 'hr-admin',
      password: 'correct horse',
      state,
      ...(embedded ? { sdk_host_url: 'http://127.0.0.1:1' } : {}),
    }),
  });
  const body = (await response.json()) as { code: string };
  return body.code;
}

async function readCompany(connectionId: string) {
  return core.lifecycle.read(ENV, connectionId, (client) => client.hris.company.retrieve()).catch((e: unknown) => e);
}

describe('the explainer on reproduced pitfalls', () => {
  it('401 reauthenticate_user → reconnect', async () => {
    const c = await core.connections.createSandbox(ENV, { providerId: 'finch' });
    await core.gateway.call(core.connections.target(ENV, c.id), (client) =>
      client.sandbox.connections.accounts.update({ connection_status: 'reauth' }),
    );
    await readCompany(c.id);
    expect(explainLatest('/employer/company')).toMatchObject({ ruleId: 'reauthenticate-user', requestIds: [expect.any(String)] });
    // 500 after revoked access: the same connection now answers 500 instead of 401.
    fault({ kind: 'error', status: 500, path: '/employer/company', count: 3, finch_code: 'server_error' });
    await readCompany(c.id);
    expect(explainLatest('/employer/company')?.ruleId).toBe('server-error-after-revocation');
  }, 20_000);

  it('400 invalid_grant: code reused (callbacks fired twice) → explained from the Connect trace', async () => {
    const session = await core.connect.start(ENV, { customerName: 'Twice Inc', products: ['company'], sandboxMode: 'finch' });
    const code = await codeFor(session.sessionId, session.state, true);
    await core.connect.complete(ENV, code, session.state);
    await expect(core.connect.complete(ENV, code, session.state)).rejects.toMatchObject({ details: { finchCode: 'invalid_grant' } });
    const trace = core.diagnostics.connectTraces(ENV).find((t) => t.customerName === 'Twice Inc')!;
    expect(trace.outcome).toBe('failed');
    expect(trace.explanation).toMatchObject({ ruleId: 'invalid-grant-reused-or-expired' });
    expect(trace.explanation!.meaning).toMatch(/ran twice/);
    expect(trace.items.map((i) => i.kind)).toEqual(['session', 'exchange', 'stored', 'exchange', 'exchange']);
  });

  it('400 invalid_grant with and without redirect_uri → the redirect_uri rules', async () => {
    const embedded = await core.connect.start(ENV, { customerName: 'Embedded Co', products: ['company'], sandboxMode: 'finch' });
    const embeddedCode = await codeFor(embedded.sessionId, embedded.state, true);
    await core.gateway
      .call(app(), (client) => client.accessTokens.create({ code: embeddedCode, redirect_uri: 'https://app.example.com/cb' }))
      .catch(() => null);
    const sent = core.requestLog.search({ text: 'auth token', limit: 1 })[0]!;
    expect(
      explain({
        status: sent.status,
        finchCode: sent.finchCode,
        requestIds: [sent.requestId],
        exchange: { redirectUriSent: true, flow: 'embedded' },
      }).ruleId,
    ).toBe('invalid-grant-redirect-uri-sent-embedded');

    const redirect = await core.connect.startRedirect(
      ENV,
      { customerName: 'Redirect Co', products: ['company'], sandboxMode: 'finch' },
      'https://app.example.com/cb',
    );
    const redirectCode = await codeFor(redirect.sessionId, redirect.state, false);
    await core.gateway.call(app(), (client) => client.accessTokens.create({ code: redirectCode })).catch(() => null);
    const missing = core.requestLog.search({ text: 'auth token', limit: 1 })[0]!;
    expect(missing.status).toBe(400);
    expect(
      explain({
        status: missing.status,
        finchCode: missing.finchCode,
        requestIds: [missing.requestId],
        exchange: { redirectUriSent: false, flow: 'redirect' },
      }).ruleId,
    ).toBe('invalid-grant-redirect-uri-missing');
  });

  it('403 product not granted → permissions', async () => {
    const c = await core.connections.createSandbox(ENV, { providerId: 'bamboo_hr', products: ['company'] });
    await core.lifecycle.read(ENV, c.id, (client) => client.hris.directory.list()).catch(() => null);
    expect(explainLatest('/employer/directory')).toMatchObject({ ruleId: 'permissions' });
  });

  it('429 by code → application, IP and upstream limits', async () => {
    const c = await core.connections.createSandbox(ENV, { providerId: 'gusto' });
    for (const [finchCode, ruleId] of [
      ['finch_application_rl', 'rate-limit-application'],
      ['finch_api_ip_rl', 'rate-limit-ip'],
      ['upstream_rate_limit_exceeded', 'rate-limit-upstream'],
    ] as const) {
      fault({ kind: 'rate_limit', path: '/employer/company', count: 1, finch_code: finchCode, retry_after_seconds: 0 });
      await readCompany(c.id);
      const limited = core.requestLog.search({ statusClass: '4xx', limit: 1 })[0]!;
      expect(limited.finchCode).toBe(finchCode);
      expect(core.diagnostics.explainRequest(ENV, limited.id)?.ruleId).toBe(ruleId);
    }
  });

  it('501, 502 upstream and 202 pending', async () => {
    const c = await core.connections.createSandbox(ENV, { providerId: 'gusto' });
    fault({ kind: 'error', status: 501, path: '/employer/company', count: 3, finch_code: 'not_implemented_error' });
    const before = core.requestLog.count();
    await readCompany(c.id);
    expect(core.requestLog.count() - before).toBe(1); // a 501 is not retried: the provider lacks the endpoint
    expect(explainLatest('/employer/company')?.ruleId).toBe('not-implemented');
    core.simulator!.admin.clearFaults();
    fault({ kind: 'error', status: 502, path: '/employer/company', count: 3, finch_code: 'upstream_provider_error' });
    await readCompany(c.id);
    expect(explainLatest('/employer/company')?.ruleId).toBe('upstream-provider-error');
    const assisted = await core.connections.createSandbox(ENV, { providerId: 'finch', authenticationType: 'assisted' });
    const pending = await core.lifecycle.read(ENV, assisted.id, (client) => client.hris.directory.list());
    expect(pending.status).toBe(202);
    expect(explainLatest('/employer/directory')?.ruleId).toBe('accepted-pending');
  }, 20_000);

  it('a second forced data_sync_all within the hour → the refresh quota, not the per-product limit', async () => {
    const c = await core.connections.createSandbox(ENV, { providerId: 'finch' });
    expect((await core.explorer.startSync(ENV, c.id)).jobId).toEqual(expect.any(String));
    await expect(core.explorer.startSync(ENV, c.id)).rejects.toMatchObject({ kind: 'rate_limited' });
    expect(explainLatest('/jobs/automated')).toMatchObject({ ruleId: 'refresh-quota', requestIds: [expect.any(String)] });
  });

  it('batch per-item errors → partial failure', async () => {
    const c = await core.connections.createSandbox(ENV, { providerId: 'bamboo_hr', products: ['directory', 'individual'] });
    await core.lifecycle.read(ENV, c.id, (client) => client.hris.individuals.retrieveMany({ requests: [{ individual_id: 'nobody' }] }));
    expect(explainLatest('/employer/individual')?.ruleId).toBe('batch-partial-failure');
  });

  it('an ordinary success needs no explanation', async () => {
    const c = await core.connections.createSandbox(ENV, { providerId: 'gusto' });
    await readCompany(c.id);
    expect(explainLatest('/employer/company')).toBeNull();
  });
});

/** What the simulator's Connect page answers for a sign-in (an error body when it refuses). */
async function signIn(sessionId: string, state: string, login: Record<string, string>) {
  const response = await fetch(`${core.simulator!.baseUrl}/connect/api/sessions/${sessionId}/authorize`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      provider_id: 'finch',
      auth_method: 'credential',
      password: 'correct horse',
      ...login,
      state,
      sdk_host_url: 'http://127.0.0.1:1',
    }),
  });
  return {
    status: response.status,
    body: (await response.json()) as { code?: string; error?: { message: string; type: string; shouldClose: boolean } },
  };
}

describe('Connect-side outcomes, each with a rule', () => {
  const trace = (name: string) => core.diagnostics.connectTraces(ENV).find((t) => t.customerName === name)!;

  it('a provider failure inside Connect (username provider-error) → a Connect provider error, on the trace and explained', async () => {
    const session = await core.connect.start(ENV, { customerName: 'Provider Down Co', products: ['company'], sandboxMode: 'finch' });
    const answer = await signIn(session.sessionId, session.state, { username: 'provider-error' });
    expect(answer.body.error).toMatchObject({ type: 'employer_connection_error', shouldClose: false });
    core.connect.report(ENV, session.state, 'error', answer.body.error!.message, answer.body.error!.type);
    const t = trace('Provider Down Co');
    expect(t.outcome).toBe('failed');
    expect(t.items.at(-1)!.summary).toMatch(
      /^Connect reported a provider error \(employer_connection_error\): .*returned an error while Finch was signing in/,
    );
    expect(t.explanation).toMatchObject({
      ruleId: 'connect-provider-error',
      title: 'The payroll provider failed during Connect',
      requestIds: [session.requestId],
    });
    expect(t.explanation!.meaning).toMatch(/No code was issued/);
    expect(t.explanation!.nextStep).toMatch(/try again/);
    // The employer gives up and closes Connect: the failure stays the explanation.
    core.connect.report(ENV, session.state, 'closed');
    expect(trace('Provider Down Co')).toMatchObject({ outcome: 'failed', explanation: { ruleId: 'connect-provider-error' } });
  });

  it('a Connect error without a type, a closed Connect and a refused session are explained too', async () => {
    const untyped = await core.connect.start(ENV, { customerName: 'Untyped Co', products: ['company'], sandboxMode: 'finch' });
    core.connect.report(ENV, untyped.state, 'error', 'Something failed in Connect.');
    expect(trace('Untyped Co').explanation).toMatchObject({ ruleId: 'connect-error' });
    expect(trace('Untyped Co').explanation!.meaning).not.toMatch(/no rule/);

    const closed = await core.connect.start(ENV, { customerName: 'Closed Co', products: ['company'], sandboxMode: 'finch' });
    core.connect.report(ENV, closed.state, 'closed');
    expect(trace('Closed Co')).toMatchObject({
      outcome: 'closed',
      explanation: { ruleId: 'connect-closed', title: 'The employer closed Connect' },
    });

    const used = await core.connect.start(ENV, { customerName: 'Used Co', products: ['company'], sandboxMode: 'finch' });
    await signIn(used.sessionId, used.state, { username: 'hr-admin' });
    const again = await signIn(used.sessionId, used.state, { username: 'hr-admin' });
    expect(again.body.error).toMatchObject({ type: 'validation_error' });
    core.connect.report(ENV, used.state, 'error', again.body.error!.message, again.body.error!.type);
    expect(trace('Used Co').explanation).toMatchObject({ ruleId: 'connect-session-refused' });
  });

  it('the Provider Sandbox limit inside Connect and an error sent back to the redirect URI', async () => {
    expect(
      explain({
        status: null,
        path: 'Finch Connect',
        finchCode: 'employer_connection_error',
        message: 'Provider Sandbox allows at most 5 active connections per application. Disconnect one first.',
      }).ruleId,
    ).toBe('connect-provider-sandbox-limit');
    const redirect = await core.connect.startRedirect(
      ENV,
      { customerName: 'Denied Co', products: ['company'], sandboxMode: 'finch' },
      'https://app.example.com/cb',
    );
    await expect(
      core.connect.completeRedirect(ENV, {
        kind: 'error',
        state: redirect.state,
        error: 'access_denied',
        description: 'The employer declined',
      }),
    ).rejects.toThrow(/access_denied/);
    const t = trace('Denied Co');
    expect(t.outcome).toBe('failed');
    expect(t.items.at(-1)!.summary).toMatch(/access_denied/);
    expect(t.explanation).toMatchObject({ ruleId: 'connect-error' });
  });
});

describe('explainer rules without a simulator path', () => {
  it('empty directory on assisted, null-heavy fields, batch limit, timeouts', () => {
    expect(explain({ status: 200, directoryCount: 0, connection: { authMethod: 'assisted' } }).ruleId).toBe('empty-directory-assisted');
    expect(explain({ status: 200, nullShare: 0.8 }).ruleId).toBe('null-heavy');
    expect(explain({ status: 422, finchCode: 'batch_limit_exceeded' }).ruleId).toBe('batch-limit');
    expect(explain({ status: 422, finchCode: 'invalid_request', path: '/employer/individual?x=1' })).toMatchObject({
      ruleId: 'invalid-request',
      meaning: expect.stringContaining('/employer/individual accepts'),
    });
    expect(explain({ status: 400, finchCode: 'invalid_grant_error' }).ruleId).toBe('invalid-grant-reused-or-expired');
    expect(explain({ status: 408, finchCode: 'client_connection_closed' }).ruleId).toBe('client-closed');
    expect(explain({ status: 401, finchCode: 'invalid_token_error' }).ruleId).toBe('invalid-token');
    expect(explain({ status: null, path: 'Finch Connect', message: 'This Connect session has expired.' }).ruleId).toBe(
      'connect-session-expired',
    );
  });

  it('says plainly when no rule applies instead of guessing', () => {
    const e = explain({ status: 418, finchCode: 'teapot', path: '/employer/tea', requestIds: ['req-1'] });
    expect(e.ruleId).toBeNull();
    expect(e.title).toBe('No explanation on file');
    expect(e.meaning).toContain('no rule for 418 teapot on /employer/tea');
    expect(e.nextStep).toContain('req-1');
  });
});
