/**
 * The simulator's webhooks: every event it sends passes the SDK's own `webhooks.unwrap` with
 * the endpoint's secret and matches the spec's `WebhookEvent` variant; state changes send the
 * events Finch would; tampered, wrongly keyed and stale deliveries fail with the SDK's reason;
 * failed deliveries are retried and logged.
 */
import Finch from '@tryfinch/finch-api';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { WEBHOOK_EVENT_TYPES } from '@simulator/index';
import type { Captured, CaptureServer } from '../support/capture-server';
import { startCaptureServer } from '../support/capture-server';
import { validateComponent } from './helpers/spec-validator';
import type { TestSimulator } from './helpers/test-simulator';
import { startTestSimulator } from './helpers/test-simulator';

const SECRET = Buffer.from('simulator-webhook-test-secret-32b').toString('base64');
const sdk = new Finch({ accessToken: 'unused', maxRetries: 0 });

const VARIANT: Record<string, string> = {
  account: 'AccountUpdateEvent',
  job: 'JobCompletionEvent',
  company: 'CompanyEvent',
  directory: 'DirectoryEvent',
  employment: 'EmploymentEvent',
  individual: 'IndividualEvent',
  payment: 'PaymentEvent',
  pay_statement: 'PayStatementEvent',
};

let t: TestSimulator;
let hook: CaptureServer;

function unwrap(r: Captured, secret = SECRET): Record<string, any> {
  return sdk.webhooks.unwrap(r.body.toString('utf8'), r.headers as Record<string, string>, secret) as Record<string, any>;
}

function ofType(type: string) {
  return (r: Captured) => (JSON.parse(r.body.toString('utf8')) as { event_type?: string }).event_type === type;
}

function expectSpecShaped(event: Record<string, any>): void {
  const variant = VARIANT[String(event['event_type']).split('.')[0] ?? ''] ?? '';
  for (const schema of ['WebhookEvent', variant]) {
    const outcome = validateComponent(schema, event);
    expect(outcome.errors, `${String(event['event_type'])} vs ${schema}`).toBe('');
  }
}

beforeAll(async () => {
  hook = await startCaptureServer();
  t = await startTestSimulator({ webhooks: { retryScheduleMs: [30, 30], timeoutMs: 2_000 } });
  const registered = await t.admin('POST', '/_simulator/webhooks/endpoints', { url: `${hook.url}/finch`, secret: SECRET });
  expect(registered.status).toBe(201);
  expect(registered.body.secret).toBe(SECRET);
});

afterEach(() => {
  hook.respond = () => 200;
});

afterAll(async () => {
  await t.close();
  await hook.close();
});

describe('signed events', () => {
  it('sends every event type on demand; each passes the SDK’s unwrap and matches the spec', async () => {
    const c = await t.sandboxConnection({
      employee_size: 4,
      products: ['company', 'directory', 'individual', 'employment', 'payment', 'pay_statement', 'benefits'],
    });
    for (const type of WEBHOOK_EVENT_TYPES) {
      const sent = await t.admin('POST', '/_simulator/webhooks/trigger', { connection_id: c.connection_id, event_type: type });
      expect(sent.status, type).toBe(201);
      const received = await hook.waitFor((r) => r.headers['finch-event-id'] === sent.body.event_id);
      expect(received.body.toString('utf8')).toBe(sent.body.body);
      const event = unwrap(received);
      expect(event).toMatchObject({ event_type: type, connection_id: c.connection_id, company_id: c.company_id });
      expectSpecShaped(event);
      expect(received.headers['finch-timestamp']).toMatch(/^\d{10}$/);
      expect(received.headers['finch-signature']).toMatch(/^v1,[A-Za-z0-9+/]+=*$/);
    }
  });

  it('tampered body, wrong secret, stale and future timestamps fail the SDK’s check with its reason', async () => {
    const c = await t.sandboxConnection({ employee_size: 2 });
    const reasons: Record<string, RegExp> = {
      tampered_body: /None of the given webhook signatures match/,
      wrong_secret: /None of the given webhook signatures match/,
      stale_timestamp: /Webhook timestamp is too old/,
      future_timestamp: /Webhook timestamp is too new/,
      missing_signature: /finch-signature/,
    };
    for (const [tamper, reason] of Object.entries(reasons)) {
      const sent = await t.admin('POST', '/_simulator/webhooks/trigger', {
        connection_id: c.connection_id,
        event_type: 'individual.updated',
        tamper,
      });
      expect(sent.status).toBe(201);
      const received = await hook.waitFor((r) => r.headers['finch-event-id'] === sent.body.event_id);
      expect(() => unwrap(received), tamper).toThrow(reason);
    }
    // The same delivery with the right secret and untouched: accepted (the check is not vacuous).
    const good = await t.admin('POST', '/_simulator/webhooks/trigger', {
      connection_id: c.connection_id,
      event_type: 'individual.updated',
    });
    expect(unwrap(await hook.waitFor((r) => r.headers['finch-event-id'] === good.body.event_id))['event_type']).toBe('individual.updated');
    // The stale delivery's timestamp is 6 minutes old: one minute past the SDK's 5-minute tolerance.
    const staleId = hook.requests.find(
      (r) => r.body.includes('"individual.updated"') && Math.abs(Number(r.headers['finch-timestamp']) - (Date.now() / 1000 - 360)) < 5,
    );
    expect(staleId).toBeDefined();
  });

  it('a triggered body is sent byte for byte, and bad trigger input is refused', async () => {
    const c = await t.sandboxConnection({ employee_size: 2 });
    const preview = await t.admin('POST', '/_simulator/webhooks/preview', {
      connection_id: c.connection_id,
      event_type: 'employment.deleted',
    });
    expect(preview.body.payload).toMatchObject({ event_type: 'employment.deleted', data: { individual_id: expect.any(String) } });
    const body = `{ "event_type": "employment.deleted",\n  "connection_id": "${c.connection_id}", "company_id": "${c.company_id}", "account_id": "x", "data": {"individual_id": "edited"} }`;
    const sent = await t.admin('POST', '/_simulator/webhooks/trigger', {
      connection_id: c.connection_id,
      event_type: 'employment.deleted',
      body,
    });
    const received = await hook.waitFor((r) => r.headers['finch-event-id'] === sent.body.event_id);
    expect(received.body.toString('utf8')).toBe(body);
    expect(unwrap(received)['data']).toEqual({ individual_id: 'edited' });

    expect(
      (await t.admin('POST', '/_simulator/webhooks/trigger', { connection_id: c.connection_id, event_type: 'nope.happened' })).status,
    ).toBe(400);
    expect(
      (await t.admin('POST', '/_simulator/webhooks/trigger', { connection_id: 'missing', event_type: 'company.updated' })).status,
    ).toBe(404);
    expect(
      (
        await t.admin('POST', '/_simulator/webhooks/trigger', {
          connection_id: c.connection_id,
          event_type: 'company.updated',
          body: '{oops',
        })
      ).status,
    ).toBe(400);
    expect(
      (
        await t.admin('POST', '/_simulator/webhooks/trigger', {
          connection_id: c.connection_id,
          event_type: 'company.updated',
          body: '[1]',
        })
      ).status,
    ).toBe(400);
    expect(
      (
        await t.admin('POST', '/_simulator/webhooks/trigger', {
          connection_id: c.connection_id,
          event_type: 'company.updated',
          tamper: 'x',
        })
      ).status,
    ).toBe(400);
    expect((await t.admin('POST', '/_simulator/webhooks/endpoints', { url: 'ftp://x' })).status).toBe(400);
    expect(
      (await t.admin('POST', '/_simulator/webhooks/endpoints', { url: 'http://127.0.0.1:1/x', secret: 'whsec_notbase64!' })).status,
    ).toBe(400);
    const listed = await t.admin('GET', '/_simulator/webhooks/endpoints');
    expect(JSON.stringify(listed.body)).not.toContain(SECRET);
  });
});

describe('events on state changes', () => {
  it('a new connection announces its initial sync; sandbox edits announce themselves when the sync job completes', async () => {
    const since = hook.requests.length;
    const c = await t.sandboxConnection({
      employee_size: 3,
      products: ['company', 'directory', 'individual', 'employment', 'payment', 'pay_statement'],
    });
    const fresh = (r: Captured) =>
      hook.requests.indexOf(r) >= since && JSON.parse(r.body.toString('utf8')).connection_id === c.connection_id;
    const org = unwrap(await hook.waitFor((r) => fresh(r) && ofType('job.initial_data_sync_org.succeeded')(r)));
    await hook.waitFor((r) => fresh(r) && ofType('job.initial_data_sync_payroll.succeeded')(r));
    // The initial sync is a listed job: the event's job_url answers with it.
    const { job_id: initialJobId, job_url: initialJobUrl } = org['data'] as { job_id: string; job_url: string };
    const initialJob = await t.call('GET', new URL(initialJobUrl).pathname, { token: c.access_token });
    expect(initialJob.status).toBe(200);
    expect(initialJob.body).toMatchObject({ job_id: initialJobId, type: 'data_sync_all', status: 'complete' });

    const directory = await t.call('GET', '/employer/directory', { token: c.access_token });
    const personId: string = directory.body.individuals[0].id;
    await t.call('PUT', `/sandbox/individual/${personId}`, { token: c.access_token, body: { preferred_name: 'Webhook' } });
    await t.call('PUT', `/sandbox/employment/${personId}`, { token: c.access_token, body: { title: 'Hook tester' } });
    await t.call('PUT', '/sandbox/company', { token: c.access_token, body: { legal_name: 'Hooked Inc.' } });
    const added = await t.call('POST', '/sandbox/directory', { token: c.access_token, body: [{ first_name: 'New', last_name: 'Person' }] });
    const payment = await t.call('POST', '/sandbox/payment', {
      token: c.access_token,
      body: { pay_statements: [{ individual_id: personId, gross_pay: 100_000 }] },
    });
    expect(payment.status).toBe(200);
    // Nothing is announced before a sync makes the edits visible.
    await new Promise((r) => setTimeout(r, 250));
    expect(hook.requests.filter(fresh).some(ofType('individual.updated'))).toBe(false);

    const job = await t.call('POST', '/sandbox/jobs', { token: c.access_token, body: { type: 'data_sync_all' } });
    t.sim.clock.advance(5_000); // the job completes; the ticker settles it without any read
    const individual = unwrap(await hook.waitFor((r) => fresh(r) && ofType('individual.updated')(r)));
    expect(individual['data']).toEqual({ individual_id: personId });
    expect(unwrap(await hook.waitFor((r) => fresh(r) && ofType('employment.updated')(r)))['data']).toEqual({ individual_id: personId });
    await hook.waitFor((r) => fresh(r) && ofType('company.updated')(r));
    const newId: string = added.body[0].id;
    for (const type of ['directory.created', 'individual.created', 'employment.created']) {
      expect(unwrap(await hook.waitFor((r) => fresh(r) && ofType(type)(r)))['data']).toEqual({ individual_id: newId });
    }
    expect(unwrap(await hook.waitFor((r) => fresh(r) && ofType('payment.created')(r)))['data']).toMatchObject({
      payment_id: payment.body.payment_id,
    });
    expect(unwrap(await hook.waitFor((r) => fresh(r) && ofType('pay_statement.created')(r)))['data']).toEqual({
      payment_id: payment.body.payment_id,
      individual_id: personId,
    });
    const completed = unwrap(await hook.waitFor((r) => fresh(r) && ofType('job.data_sync_all.completed')(r)));
    expect(completed['data']).toEqual({ job_id: job.body.job_id, job_url: job.body.job_url });
    for (const r of hook.requests.filter(fresh)) expectSpecShaped(unwrap(r));
  });

  it('status changes are account.updated: forced through the sandbox, and by a failing sync job', async () => {
    const c = await t.sandboxConnection({ employee_size: 2 });
    const fresh = (type: string) => (r: Captured) =>
      JSON.parse(r.body.toString('utf8')).connection_id === c.connection_id && ofType(type)(r);
    await t.call('PUT', '/sandbox/connections/accounts', { token: c.access_token, body: { connection_status: 'error_permissions' } });
    const forced = unwrap(await hook.waitFor(fresh('account.updated')));
    expect(forced['data']).toMatchObject({ status: 'error_permissions', authentication_method: { type: expect.any(String) } });
    expectSpecShaped(forced);

    const other = await t.sandboxConnection({ employee_size: 2 });
    await t.call('PUT', '/sandbox/jobs/configuration', {
      token: other.access_token,
      body: { type: 'data_sync_all', completion_status: 'reauth_error' },
    });
    await t.call('POST', '/sandbox/jobs', { token: other.access_token, body: { type: 'data_sync_all' } });
    t.sim.clock.advance(5_000);
    const byJob = unwrap(
      await hook.waitFor((r) => JSON.parse(r.body.toString('utf8')).connection_id === other.connection_id && ofType('account.updated')(r)),
    );
    expect(byJob['data']).toMatchObject({ status: 'reauth' });
  });

  it('an assisted connection announces account.updated and its initial sync when its setup completes', async () => {
    const c = await t.sandboxConnection({ provider_id: 'finch', authentication_type: 'assisted', employee_size: 2 });
    const mine = (type: string) => (r: Captured) =>
      JSON.parse(r.body.toString('utf8')).connection_id === c.connection_id && ofType(type)(r);
    await new Promise((r) => setTimeout(r, 250));
    expect(hook.requests.some(mine('job.initial_data_sync_org.succeeded'))).toBe(false);
    t.sim.clock.advance(130_000);
    expect(unwrap(await hook.waitFor(mine('account.updated')))['data']).toMatchObject({ status: 'connected' });
    const org = unwrap(await hook.waitFor(mine('job.initial_data_sync_org.succeeded')));
    const initialJob = await t.call('GET', new URL((org['data'] as { job_url: string }).job_url).pathname, { token: c.access_token });
    expect(initialJob.body).toMatchObject({ type: 'data_sync_all', status: 'complete' });
  });
});

describe('delivery', () => {
  it('retries a failing endpoint with backoff and logs every attempt', async () => {
    const c = await t.sandboxConnection({ employee_size: 2 });
    const answers = [500, 503];
    hook.respond = (r) =>
      r.body.includes('"company.updated"') && JSON.parse(r.body.toString('utf8')).connection_id === c.connection_id
        ? (answers.shift() ?? 200)
        : 200;
    const sent = await t.admin('POST', '/_simulator/webhooks/trigger', { connection_id: c.connection_id, event_type: 'company.updated' });
    await expect
      .poll(async () => (await t.admin('GET', `/_simulator/webhooks/deliveries?event_id=${sent.body.event_id}`)).body.deliveries[0].state, {
        timeout: 3_000,
      })
      .toBe('succeeded');
    const [delivery] = (await t.admin('GET', `/_simulator/webhooks/deliveries?event_id=${sent.body.event_id}`)).body.deliveries;
    expect(delivery.attempts.map((a: { status_code: number }) => a.status_code)).toEqual([500, 503, 200]);
    const attempts = hook.requests.filter((r) => r.headers['finch-event-id'] === sent.body.event_id);
    expect(attempts).toHaveLength(3);
    // Each attempt is signed on its own and verifies.
    for (const a of attempts) expect(unwrap(a)['event_type']).toBe('company.updated');
  });

  it('gives up after the last scheduled attempt, and says why', async () => {
    const c = await t.sandboxConnection({ employee_size: 2 });
    const dead = t.sim.webhooks.register({ url: 'http://127.0.0.1:9/unreachable', client_id: 'someone-else' });
    const sent = t.sim.webhooks.trigger(c.connection_id, 'company.updated');
    expect(sent.deliveries.map((d) => d.url)).not.toContain('http://127.0.0.1:9/unreachable'); // other application
    t.sim.webhooks.unregister(dead.id);

    const dead2 = t.sim.webhooks.register({ url: 'http://127.0.0.1:9/unreachable' });
    const second = t.sim.webhooks.trigger(c.connection_id, 'company.updated');
    const delivery = second.deliveries.find((d) => d.endpoint_id === dead2.id)!;
    await expect.poll(() => delivery.state, { timeout: 3_000 }).toBe('failed');
    expect(delivery.attempts).toHaveLength(3);
    expect(delivery.attempts.every((a) => a.status_code === null && a.error !== null)).toBe(true);
    t.sim.webhooks.unregister(dead2.id);
  });

  it('every API response in this file matched the spec', () => {
    expect(t.recorder.failures).toEqual([]);
  });
});

describe('CLI', () => {
  it('registers --webhook-url endpoints, with --webhook-secret or a new one', async () => {
    const { parseArgs } = await import('@simulator/cli');
    expect(parseArgs(['--webhook-url', 'http://127.0.0.1:3000/hooks', '--webhook-secret', SECRET])).toMatchObject({
      webhooks: { endpoints: [{ url: 'http://127.0.0.1:3000/hooks', secret: SECRET }] },
    });
    expect(() => parseArgs(['--webhook-secret', SECRET])).toThrow(/needs --webhook-url/);
  });
});
