/**
 * The Webhooks area end to end in Node: the embedded simulator posts signed events to the
 * local receiver, which verifies and stores them; forwarding, replay, triggers with
 * tampering, pasted payloads, and bad input at the receiver.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Finch from '@tryfinch/finch-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WebhookEventSummary } from '@shared/domain/webhooks';
import { WEBHOOK_EVENT_TYPES } from '@shared/domain/webhooks';
import { WEBHOOK_EVENT_TYPES as SIMULATOR_EVENT_TYPES } from '@simulator/index';
import type { WorkbenchCore } from '@main/core';
import { startWorkbenchCore } from '@main/core';
import { createNodeTestCipher } from '@main/platform/secrets/cipher';
import { secretRefs } from '@main/platform/secrets/secret-vault';
import { createJsonFileStore } from '@main/platform/json-store/settings-store';
import { signHeaders } from '@main/features/webhooks/signature';
import type { CaptureServer } from '../support/capture-server';
import { startCaptureServer } from '../support/capture-server';

let core: WorkbenchCore;
let devServer: CaptureServer;
const logLines: string[] = [];
const arrivals: { at: number; summary: WebhookEventSummary }[] = [];
const sdk = new Finch({ accessToken: 'unused', maxRetries: 0 });

beforeAll(async () => {
  devServer = await startCaptureServer();
  core = await startWorkbenchCore({
    app: {
      name: 'test',
      version: '0.0.0',
      runtime: 'browser-harness',
      platform: 'test',
      dataFolder: mkdtempSync(join(tmpdir(), 'webhooks-')),
    },
    openSettingsStore: createJsonFileStore,
    cipher: createNodeTestCipher(),
    // Finch's 3.5 s sync job takes 350 ms here.
    simulatorClockSpeed: 10,
    log: (line) => logLines.push(line),
  });
  core.events.addSink((channel, payload) => {
    if (channel === 'webhooks:received' || channel.endsWith('received'))
      arrivals.push({ at: Date.now(), summary: payload as WebhookEventSummary });
  });
  await core.handlers.webhooks.startReceiver({});
});
afterAll(async () => {
  await core.close();
  await devServer.close();
});

/** Runs a handler that may throw synchronously, as a promise. */
const later = <T>(fn: () => T | Promise<T>): Promise<T> => Promise.resolve().then(fn);
const localSecret = () => core.vault.reveal(secretRefs.webhookSecret('local'));
const waitForArrival = async (match: (s: WebhookEventSummary) => boolean, timeoutMs = 3_000) => {
  const started = Date.now();
  for (;;) {
    const hit = arrivals.find((a) => match(a.summary));
    if (hit) return hit;
    if (Date.now() - started > timeoutMs)
      throw new Error(`no matching webhook within ${timeoutMs} ms; got ${arrivals.map((a) => a.summary.eventType).join(', ')}`);
    await new Promise((r) => setTimeout(r, 10));
  }
};
const post = (path: string, body: string | Buffer, headers: Record<string, string> = {}) =>
  fetch(`http://127.0.0.1:${core.webhooks.state('local').receiver.port}${path}`, {
    method: 'POST',
    body,
    headers: { 'content-type': 'application/json', ...headers },
  });

describe('receiver and simulator', () => {
  it('lists the same event types as the simulator sends, and exactly the spec’s event_type enums', () => {
    expect([...WEBHOOK_EVENT_TYPES].sort()).toEqual([...SIMULATOR_EVENT_TYPES].sort());
    // The app and the simulator keep their own lists (the simulator imports nothing from the app); the spec decides.
    const spec = JSON.parse(readFileSync(resolve(__dirname, '../spec/finch-openapi.json'), 'utf8')) as {
      components: { schemas: Record<string, unknown> };
    };
    const fromSpec = new Set<string>();
    const walk = (node: unknown): void => {
      if (!node || typeof node !== 'object') return;
      if (Array.isArray(node)) return node.forEach(walk);
      const eventType = (node as { properties?: { event_type?: { enum?: string[] } } }).properties?.event_type?.enum;
      eventType?.forEach((v) => fromSpec.add(v));
      Object.values(node).forEach(walk);
    };
    for (const [name, schema] of Object.entries(spec.components.schemas)) if (/Webhook|Event/i.test(name)) walk(schema);
    expect([...WEBHOOK_EVENT_TYPES].sort()).toEqual([...fromSpec].sort());
  });

  it('shows where it listens and that the Local simulator posts there; the secret stays in the vault', async () => {
    const state = await core.handlers.webhooks.state({});
    expect(state.receiver).toMatchObject({ listening: true, url: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+\/webhooks\/local$/) });
    expect(state).toMatchObject({ simulator: true, hasSecret: true, simulatorRegistered: true });
    expect(JSON.stringify(state)).not.toContain(localSecret());
  });

  it('an individual edited through the sandbox endpoints arrives as individual.updated, verified, within a second; forwarding delivers the same bytes', async () => {
    const c = await core.connections.createSandbox('local', { providerId: 'finch', employeeSize: 5, customerName: 'Hook Co' });
    const person = (await core.lifecycle.read('local', c.id, (client) => client.hris.directory.list())).data.individuals[0]!;
    const started = Date.now();
    await core.lifecycle.read('local', c.id, (client) => client.sandbox.individual.update(person.id!, { preferred_name: 'Hooked' }));
    await core.lifecycle.read('local', c.id, (client) => client.sandbox.jobs.create({ type: 'data_sync_all' }));
    const arrival = await waitForArrival((s) => s.eventType === 'individual.updated' && s.connectionId === c.id);
    const latency = arrival.at - started;
    console.log(`individual.updated arrived ${latency} ms after the edit`);
    expect(latency).toBeLessThan(1_000);
    expect(arrival.summary).toMatchObject({ verdict: 'verified', connectionLabel: 'Hook Co', source: 'receiver' });

    const detail = await core.handlers.webhooks.get({ id: arrival.summary.id });
    expect(JSON.parse(detail.body)).toMatchObject({ event_type: 'individual.updated', data: { individual_id: person.id } });
    expect(detail.checks.every((check) => check.ok === true)).toBe(true);
    // What was stored is exactly what the SDK accepts.
    expect(sdk.webhooks.unwrap(detail.body, Object.fromEntries(detail.headers), localSecret())).toMatchObject({
      event_type: 'individual.updated',
    });

    devServer.respond = () => 202;
    await core.handlers.webhooks.setForwarding({ url: `${devServer.url}/webhooks`, mode: 'exact', auto: false });
    const exact = await core.handlers.webhooks.forward({ id: detail.id, mode: 'exact' });
    expect(exact).toMatchObject({ status: 202, mode: 'exact', error: null });
    expect(exact.durationMs).toBeGreaterThan(0);
    const relayed = devServer.requests.at(-1)!;
    expect(relayed.body.equals(Buffer.from(detail.body, 'utf8'))).toBe(true);
    for (const name of ['finch-event-id', 'finch-timestamp', 'finch-signature'])
      expect(relayed.headers[name]).toBe(Object.fromEntries(detail.headers.map(([n, v]) => [n.toLowerCase(), v]))[name]);

    devServer.respond = () => 500;
    const resigned = await core.handlers.webhooks.forward({ id: detail.id, mode: 'resigned' });
    expect(resigned.status).toBe(500);
    const again = devServer.requests.at(-1)!;
    expect(again.body.equals(relayed.body)).toBe(true);
    expect(sdk.webhooks.unwrap(again.body.toString('utf8'), again.headers as Record<string, string>, localSecret())).toBeTruthy();
    expect((await core.handlers.webhooks.get({ id: detail.id })).forwards.map((f) => f.status)).toEqual([500, 202]);
    devServer.respond = () => 200;
  });

  it('auto-forwards every received event to the dev server', async () => {
    await core.handlers.webhooks.setForwarding({ url: `${devServer.url}/auto`, mode: 'resigned', auto: true });
    const c = await core.connections.createSandbox('local', { providerId: 'finch', employeeSize: 2 });
    const sent = await core.handlers.webhooks.trigger({ connectionId: c.id, eventType: 'payment.created' });
    const relayed = await devServer.waitFor((r) => r.path === '/auto' && r.headers['finch-event-id'] === sent.eventId);
    expect(JSON.parse(relayed.body.toString('utf8'))).toMatchObject({ event_type: 'payment.created', connection_id: c.id });
    await waitForArrival((s) => s.eventId === sent.eventId && s.lastForward?.status === 200);
    await core.handlers.webhooks.setForwarding({ url: `${devServer.url}/auto`, mode: 'resigned', auto: false });
  });

  it('a trigger sends the edited payload; tampered, wrongly keyed, stale and unsigned deliveries are flagged with the reason', async () => {
    const c = await core.connections.createSandbox('local', { providerId: 'finch', employeeSize: 2 });
    const preview = await core.handlers.webhooks.preview({ connectionId: c.id, eventType: 'employment.updated' });
    const edited = preview.body.replace(/"individual_id": "[^"]+"/, '"individual_id": "edited-id"');
    const good = await core.handlers.webhooks.trigger({ connectionId: c.id, eventType: 'employment.updated', body: edited });
    const goodRow = await waitForArrival((s) => s.eventId === good.eventId);
    expect(goodRow.summary.verdict).toBe('verified');
    expect((await core.handlers.webhooks.get({ id: goodRow.summary.id })).body).toBe(edited);

    const expected = {
      tampered_body: ['invalid_signature', /None of the 1 signature match.*another secret/],
      wrong_secret: ['invalid_signature', /None of the 1 signature match/],
      stale_timestamp: ['stale_timestamp', /6 minutes old; the SDK accepts 5 minutes/],
      future_timestamp: ['future_timestamp', /6 minutes in the future/],
      missing_signature: ['missing_headers', /Missing finch-signature/],
    } as const;
    for (const [tamper, [verdict, message]] of Object.entries(expected)) {
      const sent = await core.handlers.webhooks.trigger({
        connectionId: c.id,
        eventType: 'employment.updated',
        tamper: tamper as keyof typeof expected,
      });
      const row = await waitForArrival((s) => s.eventId === sent.eventId);
      expect(row.summary.verdict, tamper).toBe(verdict);
      expect(row.summary.verdictMessage, tamper).toMatch(message);
    }
    // The simulator logged each refused delivery (401/400) and retries it, as Finch would.
    const log = await core.handlers.webhooks.deliveries({});
    expect(log.find((d) => d.tamper === 'wrong_secret')!.attempts[0]!.statusCode).toBe(401);
    expect(log.find((d) => d.tamper === 'missing_signature')!.attempts[0]!.statusCode).toBe(400);
    expect(log.find((d) => d.eventId === good.eventId)).toMatchObject({ state: 'succeeded' });

    await expect(core.handlers.webhooks.trigger({ connectionId: c.id, eventType: 'company.updated', body: '{not json' })).rejects.toThrow(
      /not valid JSON/,
    );
  });

  it('replays a stored event to the receiver: re-signed it verifies again', async () => {
    const c = await core.connections.createSandbox('local', { providerId: 'finch', employeeSize: 2 });
    const sent = await core.handlers.webhooks.trigger({ connectionId: c.id, eventType: 'directory.deleted' });
    const original = await waitForArrival((s) => s.eventId === sent.eventId);
    const replayed = await core.handlers.webhooks.replay({ id: original.summary.id, mode: 'resigned' });
    expect(replayed.id).not.toBe(original.summary.id);
    expect(replayed).toMatchObject({ verdict: 'verified', eventId: sent.eventId, eventType: 'directory.deleted' });
    const exact = await core.handlers.webhooks.replay({ id: original.summary.id, mode: 'exact' });
    expect(exact.verdict).toBe('verified'); // still within 5 minutes of the original signature
  });
});

describe('bad input at the receiver', () => {
  const signedFor = (body: string, ts = Math.floor(Date.now() / 1000)) => signHeaders(localSecret(), `evt_${Math.random()}`, ts, body);

  it('non-JSON, a 10 MB body, missing headers, unknown event types: clear verdicts, and the receiver keeps working', async () => {
    const notJson = await post('/webhooks/local', 'hello, not json', signedFor('hello, not json'));
    expect(notJson.status).toBe(400);
    expect(await notJson.json()).toMatchObject({
      verdict: 'not_json',
      message: expect.stringMatching(/not JSON.*It starts: “hello, not json”/),
    });

    const huge = Buffer.alloc(10 * 1024 * 1024, 0x61);
    const big = await post('/webhooks/local', huge, signedFor('x'));
    expect(big.status).toBe(413);
    expect(await big.json()).toMatchObject({
      verdict: 'too_large',
      message: expect.stringMatching(/10\.0 MB; the receiver reads at most 1\.0 MB/),
    });

    const bare = await post('/webhooks/local', '{"event_type":"company.updated"}');
    expect(bare.status).toBe(400);
    expect(await bare.json()).toMatchObject({
      verdict: 'missing_headers',
      message: expect.stringMatching(/Missing finch-event-id, finch-timestamp, finch-signature/),
    });

    const legacy = await post('/webhooks/local', '{}', { 'webhook-id': 'x', 'webhook-timestamp': '1', 'webhook-signature': 'v1,x' });
    expect(((await legacy.json()) as { message: string }).message).toMatch(/older Finch docs/);

    const unknownBody = JSON.stringify({ event_type: 'employee.hired', company_id: 'c', account_id: 'a' });
    const unknown = await post('/webhooks/local', unknownBody, signedFor(unknownBody));
    expect(unknown.status).toBe(200); // acknowledged, but flagged
    expect(await unknown.json()).toMatchObject({ verdict: 'unknown_event_type' });

    const badTs = await post('/webhooks/local', '{}', { ...signedFor('{}'), 'finch-timestamp': 'yesterday' });
    expect(await badTs.json()).toMatchObject({ verdict: 'invalid_timestamp' });
    const msTs = Date.now();
    const millis = await post('/webhooks/local', '{}', signHeaders(localSecret(), 'evt_ms', msTs, '{}'));
    expect(((await millis.json()) as { message: string }).message).toMatch(/looks like milliseconds/);

    expect((await post('/elsewhere', '{}')).status).toBe(404);
    expect((await post('/webhooks/no-such-env', '{}')).status).toBe(404);
    expect((await post('/webhooks/local', '{}', { origin: 'https://evil.example' })).status).toBe(403);
    expect((await fetch(`http://127.0.0.1:${core.webhooks.state('local').receiver.port}/`)).status).toBe(200);

    // Still alive: a good event after all that verifies.
    const goodBody = JSON.stringify({ event_type: 'company.updated', company_id: 'c', account_id: 'a', data: null });
    const good = await post('/webhooks/local', goodBody, signedFor(goodBody));
    expect(await good.json()).toMatchObject({ verdict: 'verified' });

    // The stored body is capped; the size recorded is the real one.
    const rows = await core.handlers.webhooks.list({ limit: 20 });
    const stored = rows.find((r) => r.verdict === 'too_large')!;
    expect(stored.bodyBytes).toBe(10 * 1024 * 1024);
    const detail = await core.handlers.webhooks.get({ id: stored.id });
    expect(detail.bodyTruncated).toBe(true);
    expect(detail.body.length).toBeLessThanOrEqual(4096);
    await expect(core.handlers.webhooks.forward({ id: stored.id, mode: 'exact' })).rejects.toThrow(/only the start of this body was kept/i);
  });
});

describe('real environments: pasted payloads', () => {
  it('explains each failure with the stored secret, and verifies a good one', async () => {
    core.environments.create({ name: 'Acme Sandbox', kind: 'sandbox', clientId: 'sandbox-client-01', clientSecret: 'sandbox-secret-01' });
    const env = core.environments.state().environments.find((e) => e.name === 'Acme Sandbox')!;
    core.environments.setActive(env.id);
    const body = JSON.stringify({
      event_type: 'account.updated',
      company_id: 'c',
      account_id: 'a',
      connection_id: 'x',
      data: { status: 'reauth', authentication_method: { type: 'credential' } },
    });
    const now = Math.floor(Date.now() / 1000);
    const secret = Buffer.from('a real finch webhook secret, 32b').toString('base64');
    const lines = (h: Record<string, string>) =>
      Object.entries(h)
        .map(([k, v]) => `${k}: ${v}`)
        .join('\n');

    const noSecret = await core.handlers.webhooks.verifyPasted({ headers: lines(signHeaders(secret, 'evt_1', now, body)), body });
    expect(noSecret).toMatchObject({ verdict: 'no_secret', source: 'pasted' });
    expect(noSecret.verdictMessage).toMatch(/No webhook secret is stored for “Acme Sandbox”/);
    await expect(core.handlers.webhooks.trigger({ connectionId: 'x', eventType: 'company.updated' })).rejects.toThrow(
      /Only the Local simulator/,
    );
    await expect(later(() => core.handlers.webhooks.generateSecret({}))).rejects.toThrow(/Finch issues the webhook secret/);

    const state = await core.handlers.webhooks.setSecret({ secret });
    expect(state.hasSecret).toBe(true);
    expect(JSON.stringify(state)).not.toContain(secret);

    const good = await core.handlers.webhooks.verifyPasted({ headers: lines(signHeaders(secret, 'evt_2', now, body)), body });
    expect(good.verdict).toBe('verified');
    const asJson = await core.handlers.webhooks.verifyPasted({ headers: JSON.stringify(signHeaders(secret, 'evt_2', now, body)), body });
    expect(asJson.verdict).toBe('verified');

    const pretty = JSON.stringify(JSON.parse(body), null, 2);
    const reserialized = await core.handlers.webhooks.verifyPasted({
      headers: lines(signHeaders(secret, 'evt_3', now, body)),
      body: pretty,
    });
    expect(reserialized.verdictMessage).toMatch(/re-formatted after signing \(the compact form of what arrived matches\)/);

    const trailing = await core.handlers.webhooks.verifyPasted({
      headers: lines(signHeaders(secret, 'evt_4', now, body)),
      body: `${body}\n`,
    });
    expect(trailing.verdictMessage).toMatch(/whitespace at the start or end/);

    const stale = await core.handlers.webhooks.verifyPasted({ headers: lines(signHeaders(secret, 'evt_5', now - 360, body)), body });
    expect(stale).toMatchObject({ verdict: 'stale_timestamp' });
    expect(stale.verdictMessage).toMatch(/6 minutes old.*replayed later/);

    const other = Buffer.from('some other application secret!!').toString('base64');
    const wrong = await core.handlers.webhooks.verifyPasted({ headers: lines(signHeaders(other, 'evt_6', now, body)), body });
    expect(wrong.verdictMessage).toMatch(/another secret than the one stored for “Acme Sandbox”/);

    await expect(later(() => core.handlers.webhooks.verifyPasted({ headers: 'not a header line', body }))).rejects.toThrow(
      /no “name: value”/,
    );
    expect(JSON.stringify(await core.handlers.webhooks.list({}))).not.toContain(secret);

    // Deleting the environment takes its events and its secret with it.
    core.environments.setActive('local');
    core.environments.remove(env.id, 'Acme Sandbox');
    expect((core.db.prepare('SELECT COUNT(*) AS n FROM webhook_events WHERE environment_id = ?').get(env.id) as { n: number }).n).toBe(0);
    expect(core.vault.has(secretRefs.webhookSecret(env.id))).toBe(false);
  });

  it('never wrote a webhook secret to the log', () => {
    expect(logLines.join('\n')).not.toContain(localSecret());
  });
});

describe('across a restart', () => {
  it('the receiver listens again (same port when free) and the Local simulator posts to it with the stored secret', async () => {
    const dataFolder = mkdtempSync(join(tmpdir(), 'webhooks-restart-'));
    const key = randomBytes(32); // the same "OS keyring" across the restart
    const start = () =>
      startWorkbenchCore({
        app: { name: 'test', version: '0.0.0', runtime: 'browser-harness', platform: 'test', dataFolder },
        openSettingsStore: createJsonFileStore,
        cipher: createNodeTestCipher(key),
        log: () => {},
      });
    const first = await start();
    const before = await first.handlers.webhooks.startReceiver({});
    const secret = first.vault.reveal(secretRefs.webhookSecret('local'));
    await first.close();

    const second = await start();
    try {
      const after = await second.handlers.webhooks.state({});
      expect(after.receiver).toMatchObject({ listening: true, port: before.receiver.port });
      expect(after.simulatorRegistered).toBe(true);
      expect(second.vault.reveal(secretRefs.webhookSecret('local'))).toBe(secret);
      const c = await second.connections.createSandbox('local', { providerId: 'finch', employeeSize: 2 });
      const sent = await second.handlers.webhooks.trigger({ connectionId: c.id, eventType: 'company.updated' });
      await second.simulator!.webhooks.idle();
      const rows = await second.handlers.webhooks.list({});
      expect(rows.find((r) => r.eventId === sent.eventId)).toMatchObject({ verdict: 'verified' });
      await second.handlers.webhooks.stopReceiver({});
      expect((await second.handlers.webhooks.state({})).simulatorRegistered).toBe(false);
      await expect(fetch(`http://127.0.0.1:${before.receiver.port}/`)).rejects.toThrow();
    } finally {
      await second.close();
    }
  });
});
