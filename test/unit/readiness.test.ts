/**
 * The readiness report driven by real sessions on the simulator: items start "not yet", turn
 * to pass as Connect, drills, reads and disconnects happen, and turn to fail when a fault is
 * injected, each with its evidence (dates, request IDs, drill steps).
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WorkbenchCore } from '@main/core';
import { startWorkbenchCore } from '@main/core';
import { ReadinessService } from '@main/features/readiness/readiness-service';
import { createNodeTestCipher } from '@main/platform/secrets/cipher';
import { createJsonFileStore } from '@main/platform/json-store/settings-store';
import type { ReadinessItem, ReadinessItemId, ReadinessReport } from '@shared/domain/readiness';
import { scanBytes } from '../support/secret-scan';

async function startCore(): Promise<WorkbenchCore> {
  return startWorkbenchCore({
    app: {
      name: 'Finch Workbench',
      version: '1.2.3',
      runtime: 'browser-harness',
      platform: 'linux x64',
      dataFolder: mkdtempSync(join(tmpdir(), 'readiness-')),
    },
    openSettingsStore: createJsonFileStore,
    cipher: createNodeTestCipher(),
    log: () => {},
  });
}

/** A code from the simulator's Connect page, as a browser would get it. */
async function connect(
  core: WorkbenchCore,
  env: string,
  customer: { customerName: string; customerId?: string },
  sandboxMode: 'finch' | 'provider' = 'finch',
  providerId = 'finch',
) {
  const login =
    providerId === 'bamboo_hr'
      ? { auth_method: 'api_token', api_token: 'demo-account-token' }
      : { auth_method: 'credential', username: 'hr-admin', password: 'correct horse' };
  const session = await core.connect.start(env, { ...customer, products: ['company', 'directory', 'individual'], sandboxMode });
  const response = await fetch(`${core.simulator!.baseUrl}/connect/api/sessions/${session.sessionId}/authorize`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ provider_id: providerId, ...login, state: session.state, sdk_host_url: 'http://127.0.0.1:1' }),
  });
  const { code } = (await response.json()) as { code: string };
  return core.connect.complete(env, code, session.state);
}

const item = (report: ReadinessReport, id: ReadinessItemId): ReadinessItem =>
  report.sections.flatMap((s) => s.items).find((i) => i.id === id)!;
const ids = (i: ReadinessItem) => i.evidence.flatMap((e) => e.requestIds);
const readCompany = (core: WorkbenchCore, env: string, id: string) =>
  core.lifecycle.read(env, id, (client) => client.hris.company.retrieve()).catch((e: unknown) => e);

describe('readiness report on a simulated integration', () => {
  let core: WorkbenchCore;
  let sandboxEnv: string;
  beforeAll(async () => {
    core = await startCore();
  });
  afterAll(() => core.close());

  it('starts with every evidence item “not yet”, except what holds by design', () => {
    const report = core.readiness.report();
    const auto = report.sections.flatMap((s) => s.items).filter((i) => i.kind === 'auto');
    expect(
      auto
        .filter((i) => i.status === 'pass')
        .map((i) => i.id)
        .sort(),
    ).toEqual(['backend-exchange', 'secrets-encrypted']);
    expect(auto.filter((i) => i.status === 'fail')).toEqual([]);
    expect(item(report, 'nullable-fields').summary).toMatch(/No field coverage run yet/);
    for (const i of auto.filter((x) => x.status === 'not_yet')) expect(i.next, i.id).toBeTruthy();
    expect(
      report.sections
        .flatMap((s) => s.items)
        .filter((i) => i.kind === 'manual')
        .every((i) => i.status === 'not_yet'),
    ).toBe(true);
    expect(report.formats).toEqual(['html', 'markdown']);
    expect(item(report, 'secrets-encrypted').evidence[0]!.text).toMatch(/encrypted with test-aes-gcm/);
  });

  it('Connect, a second connection for the same customer, and the code exchange turn their items to pass', async () => {
    const first = await connect(core, 'local', { customerName: 'Harbor Goods', customerId: 'cust_harbor' });
    await connect(core, 'local', { customerName: 'Harbor Goods', customerId: 'cust_harbor' }, 'finch', 'finch');
    const report = core.readiness.report();
    const flow = item(report, 'connect-flow');
    expect(flow.status).toBe('pass');
    expect(flow.evidence[0]!.text).toMatch(/^Embedded flow: 2 connections completed/);
    expect(flow.evidence[0]!.environment).toBe('Local simulator');
    expect(ids(flow).length).toBeGreaterThan(0);
    expect(item(report, 'multiple-connections')).toMatchObject({
      status: 'pass',
      evidence: [expect.objectContaining({ text: expect.stringContaining('Customer cust_harbor: 2 connections') })],
    });
    const exchange = item(report, 'backend-exchange');
    expect(exchange.summary).toBe('2 code exchanges made by main.');
    expect(exchange.evidence[1]!.text).toMatch(/POST \/auth\/token → 200/);
    expect(item(report, 'company-id')).toMatchObject({ status: 'pass' });
    expect(item(report, 'company-id').evidence.some((e) => e.text.includes(first.id))).toBe(true);
    expect(item(report, 'request-ids').status).toBe('pass');
    expect(item(report, 'rate-limiter').status).toBe('pass');
  }, 20_000);

  it('drills turn reauth, 5xx and batch items to pass, and an outage that outlasts the retries turns 5xx to fail', async () => {
    const c = await core.connections.createSandbox('local', { providerId: 'finch', products: ['company', 'directory', 'individual'] });
    await core.drills.run('local', 'reauth', c.id);
    await core.drills.run('local', 'provider-outage', c.id);
    await core.drills.run('local', 'batch-partial-failure', c.id);
    let report = core.readiness.report();
    for (const id of ['reauth-flow', 'server-errors', 'batch-errors'] as const) {
      expect(item(report, id).status, id).toBe('pass');
      expect(ids(item(report, id)).length, id).toBeGreaterThan(0);
    }
    expect(
      item(report, 'batch-errors').evidence.some((e) => /batch answer with per-item errors logged as partial failures/.test(e.text)),
    ).toBe(true);

    core.simulator!.admin.addFault({ kind: 'error', status: 503, path: '/employer/company', count: 3 });
    const failed = await core.drills.run('local', 'provider-outage', c.id);
    core.simulator!.admin.clearFaults();
    expect(failed.passed).toBe(false);
    report = core.readiness.report();
    const outage = item(report, 'server-errors');
    expect(outage.status).toBe('fail');
    expect(outage.evidence[0]!.text).toMatch(/: failed\. ✗ /);
    expect(outage.evidence[1]!.text).toMatch(/^Failed step: /);
    const during = core.requestLog.search({
      environmentId: 'local',
      statusClass: '5xx',
      from: failed.startedAt,
      to: failed.finishedAt,
      limit: 50,
    });
    expect(during.length).toBe(3);
    expect(outage.evidence[2]!.text).toBe(
      'Failed attempts during the run: 503 service_unavailable → 503 service_unavailable → 503 service_unavailable (/employer/company)',
    );
    expect(ids(outage)).toEqual(expect.arrayContaining(during.map((d) => d.requestId)));
    expect(outage.next).toMatch(/run the drill again/);
  }, 30_000);

  it('429s absorbed by a retry pass; a call that ends on a 429 fails, with its request ID', async () => {
    const c = await core.connections.createSandbox('local', { providerId: 'finch' });
    core.simulator!.admin.addFault({ kind: 'rate_limit', path: '/employer/company', count: 1, retry_after_seconds: 0 });
    await readCompany(core, 'local', c.id);
    let limiter = item(core.readiness.report(), 'rate-limiter');
    expect(limiter.status).toBe('pass');
    expect(limiter.summary).toMatch(/^1 429 absorbed/);

    core.simulator!.admin.addFault({ kind: 'rate_limit', path: '/employer/company', count: 3, retry_after_seconds: 0 });
    await readCompany(core, 'local', c.id);
    limiter = item(core.readiness.report(), 'rate-limiter');
    const last = core.requestLog.search({ environmentId: 'local', outcome: 'rate_limited', limit: 1 })[0]!;
    expect(limiter).toMatchObject({ status: 'fail', summary: '1 call ended on a 429 after the retries.' });
    expect(ids(limiter)).toContain(last.requestId);
  }, 20_000);

  it('Finch Sandbox, provider sandbox and clean-up: not yet → fail on a fault → pass', async () => {
    let report = core.readiness.report();
    expect(item(report, 'finch-sandbox').status).toBe('not_yet');
    expect(item(report, 'finch-sandbox').evidence[0]!.text).toMatch(/Local simulator was exercised/);

    const state = core.environments.create({
      name: 'Sandbox',
      kind: 'sandbox',
      clientId: 'sandbox-client-0001',
      clientSecret: 'sandbox-secret-0001',
      apiBaseUrl: core.simulator!.baseUrl,
      connectUrl: core.simulator!.connectUrl,
    });
    sandboxEnv = state.environments.find((e) => e.kind === 'sandbox')!.id;
    const c = await core.connections.createSandbox(sandboxEnv, { providerId: 'gusto' });
    core.simulator!.admin.addFault({ kind: 'error', status: 500, path: '/employer/company', count: 3 });
    await readCompany(core, sandboxEnv, c.id);
    report = core.readiness.report();
    expect(item(report, 'finch-sandbox')).toMatchObject({
      status: 'fail',
      evidence: [expect.objectContaining({ environment: 'Sandbox', text: expect.stringMatching(/→ 500/) })],
    });

    await readCompany(core, sandboxEnv, c.id);
    await connect(core, sandboxEnv, { customerName: 'Demo Co' }, 'provider', 'bamboo_hr').then((p) => readCompany(core, sandboxEnv, p.id));
    report = core.readiness.report();
    expect(item(report, 'finch-sandbox')).toMatchObject({
      status: 'pass',
      evidence: [expect.objectContaining({ environment: 'Sandbox', text: expect.stringMatching(/Last good read: \/employer\/company/) })],
    });
    expect(ids(item(report, 'finch-sandbox'))).toHaveLength(1);
    expect(item(report, 'provider-sandbox').status).toBe('pass');
    expect(item(report, 'disconnect-test')).toMatchObject({ status: 'not_yet', summary: '2 test connections still connected.' });

    const reviewed = core.lifecycle.describeDisconnectAll(sandboxEnv).map((c) => c.id);
    const result = await core.lifecycle.disconnectAllSandbox(sandboxEnv, reviewed, String(reviewed.length));
    expect(result.failed).toEqual([]);
    const done = item(core.readiness.report(), 'disconnect-test');
    expect(done).toMatchObject({ status: 'pass', summary: 'All 2 test connections disconnected.' });
    expect(ids(done).length).toBe(1);
  }, 30_000);

  it('manual items are ticked, kept, and unticked; automatic ones cannot be', () => {
    expect(item(core.readiness.setCheck('email-forwarding', true, 'No custom address needed'), 'email-forwarding')).toMatchObject({
      status: 'pass',
      manual: { checkedAt: expect.any(Number), note: 'No custom address needed' },
    });
    // A fresh service over the same database (as after a restart) still has the tick.
    const again = new ReadinessService({
      db: core.db,
      environments: core.environments,
      drillResults: (id) => core.drills.results(id),
      vault: core.vault,
      meter: () => [],
      app: () => ({ name: 'x', version: '1', runtime: 'r', platform: 'p' }),
      fileSaver: null,
      pdfPrinter: null,
    });
    expect(item(again.report(), 'email-forwarding').status).toBe('pass');
    expect(item(core.readiness.setCheck('email-forwarding', false), 'email-forwarding')).toMatchObject({
      status: 'not_yet',
      manual: { checkedAt: null },
    });
    expect(() => core.readiness.setCheck('rate-limiter', true)).toThrow(/Only manual items/);
  });

  it('nullable fields pass once a field-coverage run has seen nulls, citing the connection', async () => {
    const c = await core.connections.createSandbox('local', {
      providerId: 'adp_run',
      employeeSize: 5,
      products: ['company', 'directory', 'individual', 'employment'],
    });
    await core.coverage.run('local', { connectionId: c.id, operationId: 'cov-readiness', startDate: '2026-01-01', endDate: '2026-11-23' });
    const nullable = item(core.readiness.report(), 'nullable-fields');
    expect(nullable).toMatchObject({
      status: 'pass',
      evidence: expect.arrayContaining([expect.objectContaining({ text: `Coverage of connection ${c.id}` })]),
    });
  });

  it('exports Markdown and HTML with the evidence, PDF only where a printer exists, never a secret', async () => {
    const token = core.vault.allSecretsForRedaction().find((s) => s.length > 20)!;
    // A drill step that quoted a token (a careless message) must not reach the report.
    core.db
      .prepare(
        `INSERT INTO drill_results (environment_id, connection_id, drill, passed, started_at, finished_at, steps, request_ids)
      VALUES ('local', NULL, 'reauth', 0, ?, ?, ?, '[]')`,
      )
      .run(Date.now(), Date.now() + 1, JSON.stringify([{ name: 'Read', ok: false, detail: `401 with Bearer ${token}`, requestIds: [] }]));
    // Names and notes are the user's: one may even hold a secret, which must not leave either.
    const envWithSecretName = core.environments
      .create({ name: 'dev-secret-value-77', kind: 'development', clientId: 'dev-client-0077', clientSecret: 'dev-secret-value-77' })
      .environments.find((e) => e.name === 'dev-secret-value-77')!;
    core.db
      .prepare(
        `INSERT INTO connections (environment_id, id, company_id, provider_id, products, connection_type, status, created_at, updated_at)
      VALUES (?, 'conn-dev', 'co-dev', 'gusto', '[]', 'provider', 'connected', ?, ?)`,
      )
      .run(envWithSecretName.id, Date.now(), Date.now());
    core.readiness.setCheck('write-operations', true, `asked, token ${token}`);
    const md = await core.readiness.export('markdown');
    const html = await core.readiness.export('html');
    if (md.kind !== 'download' || html.kind !== 'download') throw new Error('expected downloads in the harness');
    const mdText = Buffer.from(md.base64, 'base64').toString('utf8');
    const htmlText = Buffer.from(html.base64, 'base64').toString('utf8');
    expect(md.fileName).toMatch(/^finch-readiness-\d{8}-\d{4}\.md$/);
    expect(mdText).toContain('# Go-live readiness: Finch Successful Integration Checklist');
    expect(mdText).toMatch(/### ✗ Fail: Reauthentication drill/);
    expect(htmlText).toContain('<span class="badge fail">Fail</span>Reauthentication drill');
    expect(htmlText).toContain("default-src 'none'");
    const secrets = [...core.vault.allSecretsForRedaction()];
    expect(secrets).toContain('dev-secret-value-77');
    expect(mdText).toMatch(/secret-\d+/);
    expect(htmlText).toMatch(/\[secret-\d+\]/);
    expect(scanBytes('md', mdText, secrets)).toEqual([]);
    expect(scanBytes('html', htmlText, secrets)).toEqual([]);
    await expect(core.readiness.export('pdf')).rejects.toThrow(/PDF export needs the desktop app/);

    let printed = '';
    const withPrinter = new ReadinessService({
      db: core.db,
      environments: core.environments,
      drillResults: (id) => core.drills.results(id),
      vault: core.vault,
      meter: () => [],
      app: () => ({ name: 'x', version: '1', runtime: 'r', platform: 'p' }),
      fileSaver: { save: async (request) => `/saved/${request.suggestedName}` },
      pdfPrinter: { print: async (page) => ((printed = page), new TextEncoder().encode('%PDF-1.7 fake')) },
    });
    expect(withPrinter.report().formats).toContain('pdf');
    expect(await withPrinter.export('pdf')).toMatchObject({
      kind: 'saved',
      path: expect.stringMatching(/^\/saved\/finch-readiness-.*\.pdf$/),
      bytes: 13,
    });
    expect(printed).toContain('<!doctype html>');
  });
});

describe('connect-flow fails when every Connect attempt failed', () => {
  let core: WorkbenchCore;
  beforeAll(async () => {
    core = await startCore();
  });
  afterAll(() => core.close());

  it('a rejected code exchange is a fail with its request ID and the way forward', async () => {
    const session = await core.connect.start('local', { customerName: 'Failing Co', products: ['company'], sandboxMode: 'finch' });
    await expect(core.connect.complete('local', 'not-a-real-code', session.state)).rejects.toThrow();
    const flow = item(core.readiness.report(), 'connect-flow');
    expect(flow.status).toBe('fail');
    expect(flow.evidence[0]!.text).toMatch(/at exchange/);
    expect(flow.evidence[0]!.requestIds).toHaveLength(1);
    expect(flow.next).toMatch(/Connect traces/);
  });

  it('request IDs fail when a response arrives without one', () => {
    core.requestLog.append({
      callId: 'c1',
      time: Date.now(),
      environmentId: 'local',
      connectionId: null,
      method: 'GET',
      path: '/employer/company',
      product: 'company',
      status: 200,
      durationMs: 3,
      attempt: 1,
      requestId: null,
      outcome: 'ok',
      errorName: null,
      finchCode: null,
      message: null,
      retryAfterMs: null,
      dataRetrieved: null,
      lastUpdateDate: null,
      lastUpdateResult: null,
    });
    expect(item(core.readiness.report(), 'request-ids')).toMatchObject({
      status: 'fail',
      summary: '1 response arrived without a Finch-Request-ID.',
    });
  });
});
