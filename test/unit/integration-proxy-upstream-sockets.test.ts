/**
 * The proxy's kept-alive sockets to its upstream, where a full run of bench/proxy lost calls
 * (20 of 100,000 POSTs of 1 MB: 502s and resets): a socket kept past the upstream's idle timeout,
 * and a caller left mid-upload when the upstream failed.
 */
import { Agent, createServer as createHttpServer, request } from 'node:http';
import type { IncomingMessage } from 'node:http';
import { createServer } from 'node:net';
import type { AddressInfo, Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { startProxyServer } from '@main/features/integration-lab/proxy-server';
import type { RunningProxy } from '@main/features/integration-lab/proxy-server';
import { ScenarioEngine } from '@main/features/integration-lab/scenarios';

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0).reverse()) await close();
});

async function proxyTo(port: number): Promise<RunningProxy> {
  const proxy = await startProxyServer({
    upstream: { kind: 'local', baseUrl: `http://127.0.0.1:${port}`, environmentId: 'local', environmentName: 'Local', production: false },
    engine: new ScenarioEngine(),
    record: () => {},
    fingerprints: { of: (k) => `${k}_x`, incremental: (k) => ({ update: () => {}, finish: () => `${k}_x` }) },
    writesAllowed: () => true,
  });
  closers.push(() => proxy.close());
  return proxy;
}

function send(agent: Agent, url: string, method: string, body?: Buffer): Promise<{ status: number; text: string; port: number }> {
  return new Promise((resolve, reject) => {
    const req = request(url, {
      agent,
      method,
      headers: body ? { 'content-type': 'application/json', 'content-length': String(body.length) } : {},
    });
    req.on('response', (res: IncomingMessage) => {
      let text = '';
      const port = res.socket?.localPort ?? 0;
      res.on('data', (chunk: Buffer) => (text += chunk.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text, port }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

describe('the proxy and its upstream sockets', () => {
  it('retires a kept-alive upstream socket before the upstream’s announced idle timeout, instead of reusing it as it closes', async () => {
    // Node's http server announces `Keep-Alive: timeout=2` here and closes an idle socket after
    // 2.5 s. A socket reused just as that happens is reset under the call (a 502, or a lost POST).
    const connections: Socket[] = [];
    const upstream = createHttpServer((_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end('{"id":"co"}'));
    upstream.keepAliveTimeout = 2_500;
    upstream.on('connection', (socket: Socket) => connections.push(socket));
    await new Promise<void>((done) => upstream.listen(0, '127.0.0.1', done));
    closers.push(() => new Promise<void>((done) => (upstream.closeAllConnections(), upstream.close(() => done()))));
    const proxy = await proxyTo((upstream.address() as AddressInfo).port);
    const agent = new Agent({ keepAlive: false });

    expect((await send(agent, `${proxy.url}/employer/company`, 'GET')).status).toBe(200);
    // Past the hint less a second's margin (Node's agent rule), well before the upstream closes.
    await new Promise((done) => setTimeout(done, 1_300));
    expect((await send(agent, `${proxy.url}/employer/company`, 'GET')).status).toBe(200);
    expect(connections.length, 'the second call went on a fresh socket').toBe(2);
  });

  it('a POST whose upstream fails mid-upload gets a Finch-shaped 502, and the caller’s connection serves the next call', async () => {
    // The upstream resets any POST as soon as its headers arrive (the body still on its way) and
    // answers GETs; the caller has one kept-alive socket, so its next call needs that socket back.
    const upstream = createServer((socket) => {
      let buffered = '';
      socket.on('data', (chunk: Buffer) => {
        buffered += chunk.toString('latin1');
        const end = buffered.indexOf('\r\n\r\n');
        if (end < 0) return;
        const head = buffered.slice(0, end);
        buffered = buffered.slice(end + 4);
        if (head.startsWith('POST')) return socket.resetAndDestroy();
        socket.write('HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 11\r\n\r\n{"id":"co"}');
      });
      socket.on('error', () => {});
    });
    await new Promise<void>((done) => upstream.listen(0, '127.0.0.1', done));
    const sockets = new Set<Socket>();
    upstream.on('connection', (socket: Socket) => sockets.add(socket));
    closers.push(() => new Promise<void>((done) => (sockets.forEach((s) => s.destroy()), upstream.close(() => done()))));
    const proxy = await proxyTo((upstream.address() as AddressInfo).port);
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    closers.push(async () => agent.destroy());

    const failed = await send(agent, `${proxy.url}/employer/individual`, 'POST', Buffer.alloc(4 * 1024 * 1024, 0x20));
    expect(failed.status).toBe(502);
    expect(JSON.parse(failed.text)).toMatchObject({ name: 'bad_gateway_error', finch_code: 'workbench_proxy_upstream_unreachable' });
    const next = await send(agent, `${proxy.url}/employer/company`, 'GET');
    expect(next).toMatchObject({ status: 200, text: '{"id":"co"}' });
    // The rest of the upload was read and dropped: the same connection, not one cut and replaced.
    expect(next.port, 'the same kept-alive connection').toBe(failed.port);
  });
});
