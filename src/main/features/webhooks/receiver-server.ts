/**
 * The local webhook receiver: an HTTP listener on 127.0.0.1 that reads each POST (up to
 * MAX_RECEIVED_BYTES; larger bodies are drained and counted, not kept), hands it to the
 * service and answers the sender as a careful handler would: 2xx for a verified event (and
 * for an unknown type: acknowledge and ignore), 4xx for everything it rejects. Requests a
 * browser sends (with an Origin header) are refused: Finch and tunnels send none, and no
 * web page should be able to post events here.
 */
import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { VerdictCode } from '@shared/domain/webhooks';

export const MAX_RECEIVED_BYTES = 1024 * 1024;
/** Past this the receiver stops draining and hangs up. */
const MAX_DRAINED_BYTES = 64 * 1024 * 1024;

export interface ReceivedRequest {
  /** `/webhooks/<environmentId>` names the environment; `/` or `/webhooks` means the active one. */
  environmentId: string | null;
  headers: [string, string][];
  body: Buffer;
  oversizedBytes: number | null;
}

export type ReceiveHandler = (request: ReceivedRequest) => { status: number; verdict: VerdictCode; message: string; id: number };

const REDACTED_HEADERS = new Set(['authorization', 'cookie', 'proxy-authorization', 'x-api-key']);
const MAX_HEADERS = 100;
const MAX_HEADER_VALUE = 2_000;

/** Headers as received (names keep their case), without credentials a proxy may have added. */
export function safeHeaders(rawHeaders: readonly string[]): [string, string][] {
  const pairs: [string, string][] = [];
  for (let i = 0; i + 1 < rawHeaders.length && pairs.length < MAX_HEADERS; i += 2) {
    const name = rawHeaders[i] ?? '';
    const value = rawHeaders[i + 1] ?? '';
    pairs.push([name, REDACTED_HEADERS.has(name.toLowerCase()) ? '[redacted]' : value.slice(0, MAX_HEADER_VALUE)]);
  }
  return pairs;
}

function environmentOf(pathname: string): string | null | undefined {
  const path = pathname.replace(/\/+$/, '');
  if (path === '' || path === '/webhooks') return null;
  const match = /^\/webhooks\/([^/]{1,200})$/.exec(path);
  return match ? decodeURIComponent(match[1] ?? '') : undefined;
}

function reply(res: ServerResponse, status: number, body: unknown): void {
  if (res.headersSent || res.destroyed) return;
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    'cache-control': 'no-store',
  });
  res.end(text);
}

export class ReceiverServer {
  private server: Server | null = null;
  private readonly sockets = new Set<Socket>();
  port: number | null = null;

  constructor(
    private readonly onReceive: ReceiveHandler,
    private readonly log: (line: string) => void,
  ) {}

  get listening(): boolean {
    return this.server !== null;
  }

  async start(port: number): Promise<number> {
    if (this.server) return this.port ?? 0;
    const server = createServer((req, res) => this.handle(req, res));
    server.on('connection', (socket) => {
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
    });
    server.on('clientError', (_error, socket) => socket.destroy());
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => {
        server.off('error', reject);
        resolve();
      });
    });
    this.server = server;
    this.port = (server.address() as AddressInfo).port;
    return this.port;
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = null;
    this.port = null;
    if (!server) return;
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      for (const socket of this.sockets) socket.destroy();
    });
  }

  private handle(req: IncomingMessage, res: ServerResponse): void {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const environmentId = environmentOf(url.pathname);
    if (req.headers.origin !== undefined) {
      req.resume();
      reply(res, 403, { error: 'Requests from web pages are refused: webhook senders do not send an Origin header.' });
      return;
    }
    if (environmentId === undefined) {
      req.resume();
      reply(res, 404, { error: 'POST events to / or /webhooks/<environment id>.' });
      return;
    }
    if (req.method !== 'POST') {
      req.resume();
      reply(res, req.method === 'GET' ? 200 : 405, {
        receiver: 'Finch Workbench webhook receiver',
        usage: 'POST Finch webhook events here.',
      });
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_RECEIVED_BYTES) chunks.push(chunk);
      else if (size > MAX_DRAINED_BYTES) req.destroy();
    });
    req.on('error', () => undefined);
    req.on('end', () => {
      try {
        const oversized = size > MAX_RECEIVED_BYTES;
        const outcome = this.onReceive({
          environmentId,
          headers: safeHeaders(req.rawHeaders),
          body: oversized ? Buffer.concat(chunks).subarray(0, 4096) : Buffer.concat(chunks),
          oversizedBytes: oversized ? size : null,
        });
        reply(res, outcome.status, { id: outcome.id, verdict: outcome.verdict, message: outcome.message });
      } catch (error) {
        if ((error as { kind?: string }).kind === 'not_found') {
          reply(res, 404, { error: (error as Error).message });
          return;
        }
        this.log(`webhooks: receiving failed: ${(error as Error).message}`);
        reply(res, 500, { error: 'The receiver could not record this request; see the app log.' });
      }
    });
  }
}
