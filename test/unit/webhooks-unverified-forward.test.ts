/**
 * Events that fail verification are never re-signed: a forward (automatic or manual) or a
 * replay sends them byte for byte with the headers they arrived with, so the dev server
 * rejects them as it would in production, or does not send them at all, by the user's
 * choice. Each forward record says which happened.
 */
import Finch from '@tryfinch/finch-api';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WorkbenchCore } from '@main/core';
import { startWorkbenchCore } from '@main/core';
import { createNodeTestCipher } from '@main/platform/secrets/cipher';
import { secretRefs } from '@main/platform/secrets/secret-vault';
import { createJsonFileStore } from '@main/platform/json-store/settings-store';
import type { TamperKind } from '@simulator';
import type { WebhookEventSummary } from '@shared/domain/webhooks';
import type { CaptureServer } from '../support/capture-server';
import { startCaptureServer } from '../support/capture-server';

let core: WorkbenchCore;
let devServer: CaptureServer;
let connectionId: string;
const arrivals: WebhookEventSummary[] = [];
const sdk = new Finch({ accessToken: 'unused', maxRetries: 0 });

beforeAll(async () => {
  devServer = await startCaptureServer();
  core = await startWorkbenchCore({
    app: {
      name: 'test',
      version: '0.0.0',
      runtime: 'browser-harness',
      platform: 'test',
      dataFolder: mkdtempSync(join(tmpdir(), 'webhooks-unverified-')),
    },
    openSettingsStore: createJsonFileStore,
    cipher: createNodeTestCipher(),
    log: () => {},
  });
  core.events.addSink((channel, payload) => {
    if (channel.endsWith('received')) arrivals.push(payload as WebhookEventSummary);
  });
  await core.handlers.webhooks.startReceiver({});
  connectionId = (await core.connections.createSandbox('local', { providerId: 'finch', employeeSize: 2 })).id;
});
afterAll(async () => {
  await core.close();
  await devServer.close();
});

const localSecret = () => core.vault.reveal(secretRefs.webhookSecret('local'));
const waitForArrival = async (match: (s: WebhookEventSummary) => boolean, timeoutMs = 3_000): Promise<WebhookEventSummary> => {
  const started = Date.now();
  for (;;) {
    const hit = arrivals.find(match);
    if (hit) return hit;
    if (Date.now() - started > timeoutMs) throw new Error(`no matching webhook event within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 10));
  }
};
/** Sends one event from the simulator, deliberately broken, and waits for its first arrival. */
const sendBroken = async (tamper: TamperKind) => {
  const sent = await core.handlers.webhooks.trigger({ connectionId, eventType: 'employment.updated', tamper });
  return waitForArrival((s) => s.eventId === sent.eventId);
};
const headersOf = async (id: number) =>
  Object.fromEntries((await core.handlers.webhooks.get({ id })).headers.map(([n, v]) => [n.toLowerCase(), v]));

describe('events that fail verification are never re-signed', () => {
  it('auto-forward in re-signed mode relays a tampered or stale event byte for byte, with its original headers; the SDK still rejects it', async () => {
    await core.handlers.webhooks.setForwarding({
      url: `${devServer.url}/auto`,
      mode: 'resigned',
      auto: true,
      unverified: 'forward_unchanged',
    });
    for (const [tamper, verdict] of [
      ['tampered_body', 'invalid_signature'],
      ['stale_timestamp', 'stale_timestamp'],
    ] as const) {
      const event = await sendBroken(tamper);
      expect(event.verdict, tamper).toBe(verdict);
      const relayed = await devServer.waitFor((r) => r.path === '/auto' && r.headers['finch-event-id'] === event.eventId);
      const original = await headersOf(event.id);
      const stored = await core.handlers.webhooks.get({ id: event.id });
      expect(relayed.body.equals(Buffer.from(stored.body, 'utf8')), tamper).toBe(true);
      for (const name of ['finch-timestamp', 'finch-signature']) expect(relayed.headers[name], `${tamper} ${name}`).toBe(original[name]);
      // What the dev server got does not verify with the secret it shares with us.
      expect(
        () => sdk.webhooks.unwrap(relayed.body.toString('utf8'), relayed.headers as Record<string, string>, localSecret()),
        tamper,
      ).toThrow();
      const forwarded = await waitForArrival((s) => s.id === event.id && s.lastForward !== null);
      expect(forwarded.lastForward, tamper).toMatchObject({ mode: 'exact', status: 200, failedVerification: 'forwarded_unchanged' });
    }
  });

  it('with “don’t forward”, a failed event is not sent at all and its forward log says why', async () => {
    await core.handlers.webhooks.setForwarding({
      url: `${devServer.url}/withheld`,
      mode: 'resigned',
      auto: true,
      unverified: 'dont_forward',
    });
    expect((await core.handlers.webhooks.state({})).forwarding).toMatchObject({ mode: 'resigned', auto: true, unverified: 'dont_forward' });
    const event = await sendBroken('tampered_body');
    const logged = await waitForArrival((s) => s.id === event.id && s.lastForward !== null);
    expect(logged.lastForward).toMatchObject({
      status: null,
      failedVerification: 'not_forwarded',
      error: expect.stringMatching(/Not forwarded: it failed verification \(Invalid signature\)/),
    });
    expect(devServer.requests.filter((r) => r.path === '/withheld')).toHaveLength(0);

    // A manual forward follows the same choice, in either mode.
    for (const mode of ['resigned', 'exact'] as const) {
      expect(await core.handlers.webhooks.forward({ id: event.id, mode })).toMatchObject({
        status: null,
        failedVerification: 'not_forwarded',
      });
    }
    expect(devServer.requests.filter((r) => r.path === '/withheld')).toHaveLength(0);
    await expect(core.handlers.webhooks.replay({ id: event.id, mode: 'resigned' })).rejects.toThrow(/Not replayed: it failed verification/);

    // A verified event still goes, re-signed.
    const good = await core.handlers.webhooks.trigger({ connectionId, eventType: 'company.updated' });
    const relayed = await devServer.waitFor((r) => r.path === '/withheld' && r.headers['finch-event-id'] === good.eventId);
    expect(sdk.webhooks.unwrap(relayed.body.toString('utf8'), relayed.headers as Record<string, string>, localSecret())).toMatchObject({
      event_type: 'company.updated',
    });
    const goodRow = await waitForArrival((s) => s.eventId === good.eventId && s.lastForward !== null);
    expect(goodRow.lastForward).toMatchObject({ mode: 'resigned', failedVerification: null });
  });

  it('a manual re-signed forward or replay of a failed event goes unchanged, and the replay fails verification again', async () => {
    await core.handlers.webhooks.setForwarding({
      url: `${devServer.url}/manual`,
      mode: 'resigned',
      auto: false,
      unverified: 'forward_unchanged',
    });
    const event = await sendBroken('tampered_body');
    const original = await headersOf(event.id);
    const record = await core.handlers.webhooks.forward({ id: event.id, mode: 'resigned' });
    expect(record).toMatchObject({ mode: 'exact', failedVerification: 'forwarded_unchanged', status: 200 });
    const relayed = devServer.requests.filter((r) => r.path === '/manual').at(-1)!;
    expect(relayed.headers['finch-signature']).toBe(original['finch-signature']);

    const replayed = await core.handlers.webhooks.replay({ id: event.id, mode: 'resigned' });
    expect(replayed).toMatchObject({ eventId: event.eventId, verdict: 'invalid_signature' });
    expect((await core.handlers.webhooks.get({ id: event.id })).forwards[0]).toMatchObject({
      mode: 'exact',
      failedVerification: 'forwarded_unchanged',
    });
  });
});
