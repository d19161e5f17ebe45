/**
 * The browser harness speaks the same contract as ipcMain and guards itself like the app:
 * loopback only, its own origin only, its own Host only.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { Harness } from '@harness/server';
import { startHarness } from '@harness/server';
import { DEFAULT_LOG_RETENTION } from '@shared/domain/log-retention';

let harness: Harness;
const rendererDir = mkdtempSync(join(tmpdir(), 'renderer-'));
// The shape of the built index.html: the harness adds the bridge and the first screen's answers.
writeFileSync(
  join(rendererDir, 'index.html'),
  '<!doctype html>\n<html>\n  <head>\n    <title>Finch Workbench</title>\n  </head>\n  <body><div id="root"></div><script type="module" src="/assets/index.js"></script></body>\n</html>\n',
);

beforeAll(async () => {
  harness = await startHarness({ dataFolder: mkdtempSync(join(tmpdir(), 'harness-')), rendererDir, logError: () => {} });
});
afterAll(() => harness.close());

function connect(origin: string): Promise<WebSocket> {
  const url = harness.url.replace('http', 'ws') + '/__workbench/ipc';
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { origin });
    ws.once('open', () => resolve(ws));
    ws.once('error', reject);
    ws.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
  });
}

function call(ws: WebSocket, id: number, channel: string, payload: unknown): Promise<unknown> {
  return new Promise((resolve) => {
    const onMessage = (raw: WebSocket.RawData): void => {
      const message = JSON.parse(String(raw)) as { type: string; id?: number; result?: unknown };
      if (message.type === 'result' && message.id === id) {
        ws.off('message', onMessage);
        resolve(message.result);
      }
    };
    ws.on('message', onMessage);
    ws.send(JSON.stringify({ id, channel, payload }));
  });
}

function httpGet(path: string, host: string): Promise<number> {
  const { port } = new URL(harness.url);
  return new Promise((resolve, reject) => {
    request({ host: '127.0.0.1', port, path, headers: { host } }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    })
      .on('error', reject)
      .end();
  });
}

function httpGetText(path: string, headers: Record<string, string>): Promise<string> {
  const { port, host } = new URL(harness.url);
  return new Promise((resolve, reject) => {
    request({ host: '127.0.0.1', port, path, headers: { host, ...headers } }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve(body));
    })
      .on('error', reject)
      .end();
  });
}

/** The page's first-reads data block, parsed the way the renderer does (null: none). */
function firstReadsOf(html: string): unknown {
  const block = /<script type="application\/json" id="workbench-first-reads">([^<]*)<\/script>/.exec(html);
  return block ? (JSON.parse(block[1]!) as unknown) : null;
}

describe('browser harness', () => {
  it('binds to 127.0.0.1 only', () => {
    expect(new URL(harness.url).hostname).toBe('127.0.0.1');
  });

  it('answers contract calls and pushes events to its own page', async () => {
    const ws = await connect(harness.url);
    const events: unknown[] = [];
    ws.on('message', (raw) => {
      const message = JSON.parse(String(raw)) as { type: string };
      if (message.type === 'event') events.push(message);
    });
    const saved = { theme: 'dark', requestLogRetention: DEFAULT_LOG_RETENTION };
    expect(await call(ws, 1, 'settings:update', { theme: 'dark' })).toEqual({ ok: true, value: saved });
    expect(await call(ws, 2, 'settings:get', {})).toEqual({ ok: true, value: saved });
    expect(events).toContainEqual({ type: 'event', channel: 'settings:changed', payload: saved });
    const invalid = (await call(ws, 3, 'settings:update', { theme: 'neon' })) as {
      ok: boolean;
      error: { kind: string; fields: { path: string }[] };
    };
    expect(invalid.ok).toBe(false);
    expect(invalid.error.kind).toBe('validation');
    expect(invalid.error.fields[0]?.path).toBe('theme');
    // A bad retention is refused beside its field, with words a user can act on.
    const badRetention = (await call(ws, 5, 'settings:update', {
      requestLogRetention: { maxAgeDays: 0, maxRows: null },
    })) as typeof invalid;
    expect(badRetention).toMatchObject({
      ok: false,
      error: { kind: 'validation', fields: [{ path: 'requestLogRetention.maxAgeDays', message: 'must be at least 1 day' }] },
    });
    expect(await call(ws, 4, 'shell:exec', {})).toMatchObject({ ok: false, error: { kind: 'not_found' } });
    ws.close();
  });

  it('survives garbage on the socket and keeps serving', async () => {
    const ws = await connect(harness.url);
    ws.send('this is not json');
    ws.send(JSON.stringify({ channel: 'settings:get' }));
    ws.send(JSON.stringify(null));
    expect(await call(ws, 9, 'app:getInfo', {})).toMatchObject({ ok: true, value: { runtime: 'browser-harness' } });
    ws.close();
  });

  it('refuses a WebSocket from a foreign origin (a web page in the user’s browser)', async () => {
    await expect(connect('https://evil.example')).rejects.toThrow(/403/);
    await expect(connect('null')).rejects.toThrow(/403/);
  });

  it('carries the first screen’s answers in the app’s own page, and only there', async () => {
    const page = (headers: Record<string, string>) => httpGetText('/', headers);
    const navigation = { 'sec-fetch-dest': 'document', 'sec-fetch-mode': 'navigate', 'sec-fetch-site': 'none' };
    const carried = firstReadsOf(await page(navigation));
    expect(carried).toMatchObject({
      environments: { activeId: 'local', environments: [{ name: 'Local simulator' }] },
      settings: { theme: expect.any(String) as string },
      info: { runtime: 'browser-harness' },
      notices: [{ id: 'vault-session-only' }],
    });
    // A frame or a fetch from another site, or a client without fetch metadata: the page alone.
    expect(firstReadsOf(await page({ ...navigation, 'sec-fetch-site': 'cross-site' }))).toBeNull();
    expect(firstReadsOf(await page({ ...navigation, 'sec-fetch-dest': 'iframe' }))).toBeNull();
    expect(firstReadsOf(await page({}))).toBeNull();
  });

  it('keeps a carried value that looks like HTML inside its data block', async () => {
    const name = '</script><script>alert(1)</script><!--';
    harness.core.environments.create({ name, kind: 'sandbox', clientId: 'client-for-escaping' });
    const html = await httpGetText('/', { 'sec-fetch-dest': 'document', 'sec-fetch-mode': 'navigate', 'sec-fetch-site': 'none' });
    expect(html.match(/<script/g)).toHaveLength(3); // the bridge, the data block and the app: nothing injected
    const carried = firstReadsOf(html) as { environments: { environments: { name: string }[] } };
    expect(carried.environments.environments.map((e) => e.name)).toContain(name);
  });

  it('refuses requests for another Host name (DNS rebinding)', async () => {
    const { port } = new URL(harness.url);
    expect(await httpGet('/', `evil.example:${port}`)).toBe(421);
    expect(await httpGet('/__workbench/bridge.js', `127.0.0.1:${port}`)).toBe(200);
  });
});
