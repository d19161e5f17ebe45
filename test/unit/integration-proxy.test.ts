/**
 * The Integration lab's proxy through the real SDK, against the embedded simulator: it passes
 * Finch's answers through unchanged (body, status, Finch's headers), records each attempt as a
 * "your app" request log row and an ObservedCall, and answers bad input Finch-shaped while it
 * keeps serving.
 */
import { request } from 'node:http';
import { connect, createServer } from 'node:net';
import type { AddressInfo, Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BatchCodeScanner } from '@main/features/integration-lab/batch-scanner';
import type { ProxyRig } from './integration-proxy-helpers';
import { startProxyRig } from './integration-proxy-helpers';

let rig: ProxyRig;
beforeAll(async () => {
  rig = await startProxyRig('proxy');
});
afterAll(() => rig.close());

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe('pass-through', () => {
  it('answers exactly what Finch answers, with its Finch-Request-ID and API version', async () => {
    const direct = await rig.direct().hris.company.retrieve();
    const { data, response } = await rig.client().hris.company.retrieve().withResponse();
    expect(data).toEqual(direct);
    const requestId = response.headers.get('finch-request-id');
    expect(requestId).toMatch(/\S{8,}/);
    expect(response.headers.get('content-type')).toMatch(/application\/json/);
    // Every header Finch sent is there (only hop-by-hop ones differ), the data headers included.
    const raw = await fetch(`${rig.core.simulator!.baseUrl}/employer/company`, { headers: { authorization: `Bearer ${rig.token}` } });
    const names = (h: Headers) =>
      [...h.keys()].filter((k) => !['connection', 'keep-alive', 'date', 'transfer-encoding'].includes(k)).sort();
    expect(names(response.headers)).toEqual(names(raw.headers));
    expect(response.headers.get('finch-data-retrieved')).toBe(raw.headers.get('finch-data-retrieved'));
    const call = rig.core.integrationLab.calls({}).at(-1)!;
    expect(call).toMatchObject({ method: 'GET', path: '/employer/company', product: 'company', status: 200, requestId, injectedBy: null });
    expect(call.connectionKey).toMatch(/^tok_[0-9a-f]{16}$/);
  });

  it('streams a batch read both ways and counts its item codes', async () => {
    const people = (await rig.client().hris.directory.list()).individuals;
    const ids = people.slice(0, 3).map((p) => ({ individual_id: p.id! }));
    const direct = await rig.direct().hris.individuals.retrieveMany({ requests: ids });
    const page = await rig.client().hris.individuals.retrieveMany({ requests: [...ids, { individual_id: 'no-such-person' }] });
    expect(page.responses.slice(0, 3)).toEqual(direct.responses);
    const call = rig.core.integrationLab.calls({}).at(-1)!;
    expect(call).toMatchObject({ method: 'POST', path: '/employer/individual', status: 200, batchItemErrors: 1 });
    expect(call.bodyKey).toMatch(/^body_[0-9a-f]{16}$/);
    // The same body sent again has the same fingerprint: a batch resent whole is recognisable.
    await rig.client().hris.individuals.retrieveMany({ requests: [...ids, { individual_id: 'no-such-person' }] });
    expect(rig.core.integrationLab.calls({}).at(-1)!.bodyKey).toBe(call.bodyKey);
  });

  it('passes Finch’s own 429 through with its Retry-After', async () => {
    rig.core.simulator!.admin.addFault({ kind: 'rate_limit', path: '/employer/company', count: 1, retry_after_seconds: 7 });
    const answer = await fetch(`${rig.proxyUrl}/employer/company`, { headers: { authorization: `Bearer ${rig.token}` } });
    expect(answer.status).toBe(429);
    expect(answer.headers.get('retry-after')).toBe('7');
    expect(rig.core.integrationLab.calls({}).at(-1)).toMatchObject({
      status: 429,
      retryAfterMs: 7000,
      finchCode: 'finch_application_rl',
      injectedBy: null,
    });
  });

  it('passes Finch’s errors through with their finch_code', async () => {
    const answer = await fetch(`${rig.proxyUrl}/employer/company`, { headers: { authorization: 'Bearer not-a-real-token-000' } });
    expect(answer.status).toBe(401);
    expect(await answer.json()).toMatchObject({ finch_code: 'invalid_access_token' });
    expect(rig.core.integrationLab.calls({}).at(-1)).toMatchObject({ status: 401, finchCode: 'invalid_access_token' });
  });

  it('logs each attempt as a "your app" row, filterable apart from the workbench’s own', async () => {
    const before = rig.core.integrationLab.calls({}).length;
    await rig.client().hris.directory.list({ limit: 2 });
    const calls = rig.core.integrationLab.calls({});
    expect(calls.length).toBe(before + 1);
    const last = calls.at(-1)!;
    const row = rig.core.requestLog.get(last.logId!)!;
    expect(row).toMatchObject({
      source: 'your_app',
      path: '/employer/directory?limit=2',
      product: 'directory',
      status: 200,
      outcome: 'ok',
      requestId: last.requestId,
      connectionKey: last.connectionKey,
      fromBrowser: false,
      injectedBy: null,
    });
    const yours = rig.core.requestLog.search({ source: 'your_app', limit: 5000 });
    expect(yours.every((r) => r.source === 'your_app')).toBe(true);
    expect(yours.map((r) => r.id)).toContain(last.logId);
    const ours = rig.core.requestLog.search({ source: 'workbench', limit: 5000 });
    expect(ours.length).toBeGreaterThan(0);
    expect(ours.some((r) => r.id === last.logId)).toBe(false);
    // Free text and filters together take the other plan: the source still holds.
    expect(rig.core.requestLog.search({ source: 'workbench', text: 'directory' }).some((r) => r.id === last.logId)).toBe(false);
    expect(rig.core.requestLog.search({ source: 'your_app', text: 'directory' })[0]!.id).toBe(last.logId);
  });

  it('marks browser calls (Origin, CORS preflight) and answers the preflight without allowing the origin', async () => {
    const preflight = await fetch(`${rig.proxyUrl}/employer/company`, {
      method: 'OPTIONS',
      headers: { origin: 'http://localhost:3000', 'access-control-request-method': 'GET' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
    expect(preflight.headers.get('finch-request-id')).toMatch(UUID);
    expect(rig.core.integrationLab.calls({}).at(-1)).toMatchObject({ method: 'OPTIONS', fromBrowser: true, status: 204 });
    await fetch(`${rig.proxyUrl}/employer/company`, { headers: { origin: 'http://localhost:3000', authorization: `Bearer ${rig.token}` } });
    expect(rig.core.integrationLab.calls({}).at(-1)).toMatchObject({ method: 'GET', fromBrowser: true, status: 200 });
  });

  it('keeps calls after a given log id only, oldest first', async () => {
    const all = rig.core.integrationLab.calls({});
    const since = all.at(-3)!.logId!;
    expect(rig.core.integrationLab.calls({ sinceLogId: since }).map((c) => c.logId)).toEqual(all.slice(-2).map((c) => c.logId));
  });
});

describe('batch item codes, counted as the answer streams', () => {
  it('reads only the items’ own codes, however the bytes are split', () => {
    const body = JSON.stringify({
      responses: [
        { individual_id: 'a', code: 200, body: { id: 'a', code: 7, notes: ['{"code": 500}'] } },
        { individual_id: 'b', code: 404, body: { code: 404, name: 'not_found_error', message: 'say "code": 500' } },
        { code: 500, body: { code: 500 } },
        { individual_id: 'd', code: 202, body: { code: 202 } },
      ],
    });
    const bytes = Buffer.from(body);
    for (const size of [1, 2, 3, 7, 64, bytes.length]) {
      const scanner = new BatchCodeScanner();
      for (let i = 0; i < bytes.length; i += size) scanner.push(bytes.subarray(i, i + size));
      scanner.end();
      expect({ size, items: scanner.items, failed: scanner.failed }).toEqual({ size, items: 4, failed: 2 });
    }
  });
});

describe('bad input', () => {
  it('answers malformed HTTP Finch-shaped and keeps serving', async () => {
    const port = new URL(rig.proxyUrl).port;
    const raw = await new Promise<string>((resolve) => {
      const socket = connect(Number(port), '127.0.0.1', () => socket.end('NOT HTTP AT ALL\r\n\r\n'));
      let text = '';
      socket.on('data', (chunk) => (text += chunk.toString()));
      socket.on('close', () => resolve(text));
    });
    expect(raw).toMatch(/^HTTP\/1\.1 400/);
    expect(JSON.parse(raw.slice(raw.indexOf('\r\n\r\n') + 4))).toMatchObject({ code: 400, statusCode: 400, name: 'invalid_request_error' });
    expect((await rig.client().hris.company.retrieve()).id).toBeTruthy();
  });

  it('refuses a body over the limit with 413 (declared or streamed) and keeps serving', async () => {
    const declared = await fetch(`${rig.proxyUrl}/employer/individual`, {
      method: 'POST',
      headers: { authorization: `Bearer ${rig.token}`, 'content-type': 'application/json', 'content-length': String(21 * 1024 * 1024) },
      body: 'x',
      duplex: 'half',
    } as RequestInit).catch((error: unknown) => error as Error);
    // Node's fetch may refuse a mismatched content-length itself; the streamed case below is the real one.
    if (declared instanceof Response) expect(declared.status).toBe(413);

    // The caller is still writing when the 413 goes out: it must get the answer, not a reset
    // (the proxy used to destroy the socket at once; CI saw the reset win the race).
    const sendTooMuch = () =>
      new Promise<{ status: number; body: string }>((resolve, reject) => {
        const req = request(`${rig.proxyUrl}/employer/individual`, {
          method: 'POST',
          headers: { authorization: `Bearer ${rig.token}`, 'content-type': 'application/json' },
        });
        // As HTTP clients do (undici, which the SDK's fetch uses), it stops sending once the
        // answer is in; a write already under way may then fail, which is not the proxy's doing.
        let answered = false;
        req.on('response', (res) => {
          answered = true;
          let body = '';
          res.on('data', (chunk) => (body += chunk));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
        });
        req.on('error', (error) => {
          if (!answered) reject(error);
        });
        const chunk = Buffer.alloc(1024 * 1024, 0x20);
        let sent = 0;
        const pump = () => {
          while (sent < 25 && !answered) {
            sent++;
            if (!req.write(chunk)) return void req.once('drain', pump);
          }
          req.end();
        };
        pump();
      });
    for (let i = 0; i < 3; i++) expect((await sendTooMuch()).status).toBe(413);
    const streamed = await sendTooMuch();
    expect(streamed.status).toBe(413);
    expect(JSON.parse(streamed.body)).toMatchObject({ code: 413, finch_code: 'payload_too_large' });
    expect(rig.core.integrationLab.calls({}).at(-1)).toMatchObject({ status: 413, path: '/employer/individual' });
    expect((await rig.client().hris.company.retrieve()).id).toBeTruthy();
  });

  it('a kept-alive socket the upstream drops as it is reused: the read goes again on a fresh one, not a 502', async () => {
    // An upstream that answers the first request on each socket, keeps it open, then drops it
    // without a word when a second request arrives on it: what a server's idle timeout does
    // to a socket at the instant it is reused.
    const sockets: Socket[] = [];
    let answered = 0;
    const upstream = createServer((socket) => {
      sockets.push(socket);
      let seen = 0;
      let buffered = '';
      socket.on('data', (chunk: Buffer) => {
        buffered += chunk.toString('latin1');
        while (buffered.includes('\r\n\r\n')) {
          buffered = buffered.slice(buffered.indexOf('\r\n\r\n') + 4);
          seen += 1;
          if (seen > 1) return socket.resetAndDestroy();
          answered += 1;
          socket.write(
            'HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 11\r\nConnection: keep-alive\r\n\r\n{"id":"co"}',
          );
        }
      });
      socket.on('error', () => {});
    });
    await new Promise<void>((done) => upstream.listen(0, '127.0.0.1', done));
    const port = (upstream.address() as AddressInfo).port;
    const lab = rig.core.integrationLab;
    const proxy = await import('@main/features/integration-lab/proxy-server').then((m) =>
      m.startProxyServer({
        upstream: {
          kind: 'local',
          baseUrl: `http://127.0.0.1:${port}`,
          environmentId: 'local',
          environmentName: 'Local',
          production: false,
        },
        engine: lab.engine,
        record: () => {},
        fingerprints: { of: (k) => `${k}_x`, incremental: (k) => ({ update: () => {}, finish: () => `${k}_x` }) },
        writesAllowed: () => true,
      }),
    );
    try {
      for (let i = 0; i < 3; i++) {
        const answer = await fetch(`${proxy.url}/employer/company`, { headers: { authorization: 'Bearer abcdefgh' } });
        expect(answer.status, `call ${i + 1}`).toBe(200);
        expect(await answer.json()).toEqual({ id: 'co' });
      }
      expect(answered).toBe(3);
      expect(sockets.length).toBe(3);
    } finally {
      await proxy.close();
      for (const socket of sockets) socket.destroy(); // the proxy's agent keeps the last one alive
      await new Promise<void>((done) => upstream.close(() => done()));
    }
  });

  it('answers 502 Finch-shaped when the upstream is unreachable, then serves again once it is back', async () => {
    const lab = rig.core.integrationLab;
    const realBase = rig.core.simulator!.baseUrl;
    // Point a second proxy at a closed port: nothing listens on port 9 (discard) on loopback here.
    const dead = await import('@main/features/integration-lab/proxy-server').then((m) =>
      m.startProxyServer({
        upstream: { kind: 'local', baseUrl: 'http://127.0.0.1:9', environmentId: 'local', environmentName: 'Local', production: false },
        engine: lab.engine,
        record: () => {},
        fingerprints: { of: (k) => `${k}_x`, incremental: (k) => ({ update: () => {}, finish: () => `${k}_x` }) },
        writesAllowed: () => true,
      }),
    );
    try {
      const answer = await fetch(`${dead.url}/employer/company`, { headers: { authorization: 'Bearer abcdefgh' } });
      expect(answer.status).toBe(502);
      expect(answer.headers.get('finch-request-id')).toMatch(UUID);
      const body = (await answer.json()) as Record<string, unknown>;
      expect(body).toMatchObject({ code: 502, statusCode: 502, status: 502, name: 'bad_gateway_error' });
      expect(String(body['message'])).toContain('could not reach Finch at http://127.0.0.1:9');
      expect((await fetch(`${dead.url}/employer/company`)).status).toBe(502);
    } finally {
      await dead.close();
    }
    expect(realBase).toBe(rig.core.simulator!.baseUrl);
  });
});
