/**
 * The secret scan, for the Integration lab's proxy: a backend sends a client secret, an
 * authorization code and access tokens through it (Basic auth, /auth/token bodies JSON and
 * form-encoded, Bearer headers, a token in a query string, an issued token in an answer), and
 * none of them reaches the data folder (SQLite included), the IPC replies or events, the app
 * log, or a support bundle's files, in any encoding the scanner knows. What the scorecard needs
 * is there instead: the client_id, "a secret was sent", and keyed fingerprints that link the
 * token an exchange issued to the calls made with it.
 */
import Finch from '@tryfinch/finch-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WorkbenchCore } from '@main/core';
import { scanBytes, scanFolder } from '../support/secret-scan';
import { startTestCore } from '../support/test-core';

const SECRET = `sk_proxy_MARKER_${Math.random().toString(36).slice(2, 12)}`;
const CLIENT_ID = 'proxy-scan-client-0001';

let core: WorkbenchCore;
let dataFolder: string;
const logLines: string[] = [];
const events: string[] = [];

beforeAll(async () => {
  core = await startTestCore('proxy-secrets', { log: (line) => logLines.push(line) });
  dataFolder = core.app.dataFolder;
  core.events.addSink((channel, payload) => events.push(`${channel} ${JSON.stringify(payload)}`));
  core.simulator!.admin.setRateLimitsEnabled(false);
});
afterAll(() => core.close());

describe('secrets sent through the proxy', () => {
  it('never reach disk, IPC replies, events, logs or a support bundle; fingerprints stand in for them', async () => {
    const status = await core.integrationLab.start({ upstream: 'local' });
    const proxy = status.url!;
    const app = new Finch({ clientID: CLIENT_ID, clientSecret: SECRET, baseURL: proxy, maxRetries: 0, logLevel: 'off' });

    // A sandbox connection made through the proxy: its access token comes back in the answer.
    const sandbox = await app.sandbox.connections.create({ provider_id: 'finch', products: ['company', 'directory'] } as never);
    const sandboxToken = (sandbox as unknown as { access_token: string }).access_token;

    // A Connect session through the proxy, completed on the simulator's Connect page, its code exchanged through the proxy.
    const session = await app.connect.sessions.new({
      customer_id: 'c-scan',
      customer_name: 'Scan Co',
      products: ['company', 'directory'],
    } as never);
    const authorize = await fetch(`${core.simulator!.baseUrl}/connect/api/sessions/${session.session_id}/authorize`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        provider_id: 'finch',
        auth_method: 'credential',
        username: 'hr-admin',
        password: 'correct horse',
        sdk_host_url: 'http://127.0.0.1:5999',
      }),
    });
    const code = ((await authorize.json()) as { code: string }).code;
    expect(code.length).toBeGreaterThan(8);
    const exchanged = await app.accessTokens.create({ code });
    const issuedToken = exchanged.access_token;
    // Exchanged again (Finch refuses a used code), form-encoded this time.
    const again = await fetch(`${proxy}/auth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ client_id: CLIENT_ID, client_secret: SECRET, code }).toString(),
    });
    expect(again.status).toBe(400);

    for (const token of [sandboxToken, issuedToken]) {
      const reader = new Finch({ accessToken: token, baseURL: proxy, maxRetries: 0, logLevel: 'off' });
      await reader.hris.company.retrieve();
      await reader.hris.directory.list();
    }
    // A token in a query string, and a browser sending one.
    await fetch(`${proxy}/employer/company?access_token=${sandboxToken}&limit=1`, { headers: { authorization: `Bearer ${sandboxToken}` } });
    await fetch(`${proxy}/employer/directory`, { headers: { authorization: `Bearer ${issuedToken}`, origin: 'http://localhost:3000' } });

    const calls = core.integrationLab.calls({});
    const exchange = calls.find((c) => c.path === '/auth/token' && c.status === 200)!;
    expect(exchange).toMatchObject({ clientId: CLIENT_ID, sentClientSecret: true, fromBrowser: false });
    expect(exchange.codeKey).toMatch(/^code_[0-9a-f]{16}$/);
    expect(calls.find((c) => c.path === '/auth/token' && c.status === 400)!.codeKey).toBe(exchange.codeKey);
    // The token the exchange issued is the connection of the calls made with it.
    expect(exchange.issuedTokenKey).toMatch(/^tok_[0-9a-f]{16}$/);
    expect(calls.filter((c) => c.connectionKey === exchange.issuedTokenKey).length).toBe(3);
    expect(calls.find((c) => c.path === '/sandbox/connections')).toMatchObject({ clientId: CLIENT_ID, sentClientSecret: true });
    const queryRow = core.requestLog.search({ source: 'your_app', text: 'company' }).find((r) => r.path.includes('limit=1'))!;
    expect(queryRow.path).toBe('/employer/company?access_token=%5Bsecret-removed%5D&limit=1');

    const markers = [SECRET, sandboxToken, issuedToken, code];
    // Events are batched (200 ms): let the last batch out before scanning them.
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(events.some((e) => e.startsWith('integrationLab:callsArrived'))).toBe(true);
    const h = core.handlers;
    const replies = JSON.stringify([
      await h.integrationLab.calls({}),
      await h.integrationLab.status({}),
      await h.integrationLab.scenario({}),
      await h.requestLog.search({ limit: 5000 }),
      await h.requestLog.search({ source: 'your_app', limit: 5000 }),
    ]);
    const bundle = core.support.build({
      environmentId: 'local',
      connectionIds: [],
      includeUnscoped: true,
      from: 0,
      to: Date.now() + 60_000,
      failedOnly: false,
    });
    expect(bundle.content.requests.some((r) => r.path.startsWith('/auth/token'))).toBe(true);

    const hits = [
      ...scanBytes('IPC replies', replies, markers),
      ...scanBytes('events', events.join('\n'), markers),
      ...scanBytes('app log', logLines.join('\n'), markers),
      ...bundle.content.files.flatMap((f) => scanBytes(`bundle ${f.name}`, Buffer.from(f.bytes), markers)),
      ...scanBytes('bundle zip', Buffer.from(bundle.zip), markers),
    ];
    core.db.pragma('wal_checkpoint(TRUNCATE)');
    await core.simulator!.flush();
    // The simulator's own state file keeps only hashes of what it issued; the whole folder is scanned.
    hits.push(...scanFolder(dataFolder, markers));
    expect(hits).toEqual([]);
    // The scan can see: the markers are in what the proxy's caller received.
    expect(scanBytes('answer', JSON.stringify(exchanged), [issuedToken]).length).toBeGreaterThan(0);
  });
});
