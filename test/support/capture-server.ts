/**
 * A tiny HTTP server for webhook tests: records every request's method, path, headers and raw
 * body bytes, and answers with whatever status the test scripts (default 200).
 */
import { createServer } from 'node:http';
import type { IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Captured {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: Buffer;
  at: number;
}

export interface CaptureServer {
  url: string;
  requests: Captured[];
  /** The status to answer a request with (default 200). */
  respond: (r: Captured) => number;
  /** Resolves with the first request (from now on, or already received) that matches. */
  waitFor(match: (r: Captured) => boolean, timeoutMs?: number): Promise<Captured>;
  close(): Promise<void>;
}

export async function startCaptureServer(): Promise<CaptureServer> {
  const waiters: { match: (r: Captured) => boolean; resolve: (r: Captured) => void }[] = [];
  const state: CaptureServer = {
    url: '',
    requests: [],
    respond: () => 200,
    waitFor(match, timeoutMs = 5_000) {
      const found = state.requests.find(match);
      if (found) return Promise.resolve(found);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`no matching request within ${timeoutMs} ms (got ${state.requests.length})`)),
          timeoutMs,
        );
        waiters.push({ match, resolve: (r) => (clearTimeout(timer), resolve(r)) });
      });
    },
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const captured: Captured = {
        method: req.method ?? '',
        path: req.url ?? '',
        headers: req.headers,
        body: Buffer.concat(chunks),
        at: Date.now(),
      };
      state.requests.push(captured);
      for (const w of [...waiters]) {
        if (w.match(captured)) {
          waiters.splice(waiters.indexOf(w), 1);
          w.resolve(captured);
        }
      }
      const status = state.respond(captured);
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ ok: status < 300 }));
    });
  });
  server.keepAliveTimeout = 1_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  state.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return state;
}
