/**
 * The browser harness: serves the built renderer on 127.0.0.1 and implements
 * `window.workbench` over a WebSocket by calling the same IPC guard and handler map as
 * ipcMain. It is how the UI runs in Chromium here, in E2E tests, and for anyone without an
 * Electron binary. Only loopback, only its own origin (checked on every request and socket).
 */
import { readFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { WebSocketServer } from 'ws';
import type { WebSocket } from 'ws';
import { contract } from '../shared/contract';
import { outlineOf } from '../shared/ipc/outline';
import { startWorkbenchCore } from '../main/core';
import type { CoreAdapters, WorkbenchCore } from '../main/core';
import { createIpcGuard } from '../main/platform/ipc/guard';
import { buildContentSecurityPolicy, FINCH_CONNECT_ORIGIN } from '../main/platform/security/csp';
import { contentTypeFor, resolveRendererAsset } from '../main/platform/security/renderer-assets';
import { browserHarnessSecretStorage } from '../main/platform/secrets/secret-storage';
import type { Cipher } from '../main/platform/secrets/cipher';
import { unavailableCipher } from '../main/platform/secrets/cipher';
import { createJsonFileStore } from '../main/platform/json-store/settings-store';
import packageJson from '../../package.json';
import { matchRedirect } from '../main/features/connect/redirect-interceptor';
import { finishRedirect } from '../main/features/connect/redirect-handler';
import { firstReadsBlock, readFirstScreen } from '../main/platform/startup/first-reads-page';

export interface HarnessOptions {
  rendererDir?: string;
  dataFolder: string;
  port?: number;
  /**
   * How secrets are encrypted. Default: none (no OS keyring in a browser), so secrets live
   * in memory for the session only. Tests pass the Node test cipher to exercise persistence.
   */
  cipher?: Cipher;
  /** Lines about internal errors go here (stderr by default); never payloads. */
  logError?: (line: string) => void;
}

export interface Harness {
  url: string;
  core: WorkbenchCore;
  close(): Promise<void>;
}

const BRIDGE_PATH = '/__workbench/bridge.js';
const IPC_PATH = '/__workbench/ipc';
/** Connect's redirect flow comes back here (the harness cannot intercept a pop-up's navigation). */
const CALLBACK_PATH = '/__workbench/connect/callback';
/** The guard's sender id for the app's own document request (see isAppDocument). */
const DOCUMENT_SENDER_ID = 'document';
export const DEFAULT_RENDERER_DIR = resolve(__dirname, '../../out/renderer');

let bridgeBundle: Promise<string> | undefined;
function bundleBridge(): Promise<string> {
  bridgeBundle ??= build({
    entryPoints: [join(__dirname, 'browser', 'bridge.ts')],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'chrome120',
    minify: true,
    define: { __WORKBENCH_OUTLINE__: JSON.stringify(outlineOf(contract)) },
  }).then((result) => result.outputFiles[0]?.text ?? '');
  return bridgeBundle;
}

/**
 * The workbench core as the harness runs it (JSON settings, secrets for the session only unless
 * a cipher is given), without serving the UI: `npm run proxy` runs the Integration lab's proxy on it.
 */
export function startHeadlessCore(
  options: Pick<HarnessOptions, 'dataFolder' | 'cipher' | 'logError'>,
  extra: Pick<CoreAdapters, 'redirectOpener'> = {},
): Promise<WorkbenchCore> {
  return startWorkbenchCore({
    app: {
      name: 'Finch Workbench',
      version: packageJson.version,
      runtime: 'browser-harness',
      platform: `${process.platform} ${process.arch}`,
      dataFolder: options.dataFolder,
    },
    openSettingsStore: createJsonFileStore,
    cipher: options.cipher ?? unavailableCipher(browserHarnessSecretStorage()),
    log: options.logError ?? ((line: string) => process.stderr.write(`${line}\n`)),
    ...extra,
  });
}

export async function startHarness(options: HarnessOptions): Promise<Harness> {
  const rendererDir = options.rendererDir ?? DEFAULT_RENDERER_DIR;
  const logError = options.logError ?? ((line: string) => process.stderr.write(`${line}\n`));
  const server = createServer();
  // A taken port must reject (and be explained by the caller), not leave the start hanging.
  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', fail);
      done();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const callbackUri = `http://127.0.0.1:${port}${CALLBACK_PATH}`;

  let core: WorkbenchCore;
  try {
    core = await startHeadlessCore({ ...options, logError }, { redirectOpener: { mode: 'popup', callbackUri } });
  } catch (error) {
    // Free the port: a failed start must not keep the process alive.
    await new Promise<void>((done) => server.close(() => done()));
    throw error;
  }
  const bridge = await bundleBridge();
  const ownOrigins = new Set([`http://127.0.0.1:${port}`, `http://localhost:${port}`]);
  const ownHosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`]);

  const trustedSockets = new Set<string>();
  const guard = createIpcGuard({
    contract,
    handlers: core.handlers,
    isTrustedSender: (sender) =>
      sender.origin !== null && ownOrigins.has(sender.origin) && (trustedSockets.has(sender.id) || sender.id === DOCUMENT_SENDER_ID),
    onInternalError: (reference, channel, error) => logError(`[ipc ${reference}] ${channel}: ${(error as Error)?.stack ?? String(error)}`),
  });

  const csp = buildContentSecurityPolicy({ connectOrigins: [FINCH_CONNECT_ORIGIN, 'http://127.0.0.1:*'] });

  server.on('request', (request: IncomingMessage, response: ServerResponse) => {
    void serveHttp(request, response).catch((error: unknown) => {
      logError(`[harness] ${(error as Error).message}`);
      if (!response.headersSent) response.writeHead(500).end('Internal error');
    });
  });

  async function serveHttp(request: IncomingMessage, response: ServerResponse): Promise<void> {
    // DNS rebinding: a foreign page resolving its own name to 127.0.0.1 still sends its Host.
    if (!ownHosts.has(request.headers.host ?? '')) {
      response.writeHead(421, { 'content-type': 'text/plain' }).end('Wrong host');
      return;
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, { allow: 'GET, HEAD' }).end();
      return;
    }
    const path = new URL(request.url ?? '/', 'http://harness').pathname;
    const common = { 'x-content-type-options': 'nosniff', 'cache-control': 'no-store' };
    if (path === CALLBACK_PATH) {
      const match = matchRedirect(callbackUri, new URL(request.url ?? '/', callbackUri).toString());
      const message = await finishRedirect(core, core.environments.activeId(), match?.state ?? '', match);
      response.writeHead(200, {
        ...common,
        'content-type': 'text/html; charset=utf-8',
        'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'",
      });
      response.end(callbackPage(message));
      return;
    }
    if (path === BRIDGE_PATH) {
      response.writeHead(200, { ...common, 'content-type': 'text/javascript; charset=utf-8' }).end(bridge);
      return;
    }
    const file = resolveRendererAsset(rendererDir, path);
    if (!file) {
      response.writeHead(404, common).end('Not found');
      return;
    }
    let body: Buffer;
    try {
      body = await readFile(file);
    } catch {
      const hint = file.endsWith('index.html') ? ' (run `npm run build` first)' : '';
      response.writeHead(404, { ...common, 'content-type': 'text/plain' }).end(`Not found${hint}`);
      return;
    }
    const headers = { ...common, 'content-type': contentTypeFor(file), 'content-security-policy': csp };
    if (file.endsWith('.html')) {
      // The bridge must define window.workbench before the app's module script runs, so it is a
      // plain script ahead of it (it also opens the WebSocket early). It holds up the parser while
      // it loads: a modulepreload of the app's entry chunk, ahead of it, starts that fetch at once.
      const page = body.toString('utf8');
      const entry = /<script type="module"[^>]*\ssrc="([^"]+)"/.exec(page)?.[1];
      const preload = entry ? `\n    <link rel="modulepreload" crossorigin href="${entry}">` : '';
      let html = page.replace('<head>', `<head>${preload}\n    <script src="${BRIDGE_PATH}"></script>`);
      // The first screen's answers ride in with the page (src/shared/ipc/first-reads.ts), asked
      // of the guard on behalf of this document, only when it is the app's own top-level page.
      if (isAppDocument(request)) {
        const sender = { origin: `http://${request.headers.host ?? ''}`, isMainFrame: true, id: DOCUMENT_SENDER_ID };
        const block = firstReadsBlock(await readFirstScreen(guard, sender));
        html = html.replace('</head>', () => `  ${block}\n  </head>`);
      }
      response.writeHead(200, headers).end(html);
      return;
    }
    response.writeHead(200, headers).end(body);
  }

  const sockets = new WebSocketServer({ noServer: true, maxPayload: 1024 * 1024 });
  let socketCount = 0;
  server.on('upgrade', (request, socket, head) => {
    const origin = request.headers.origin ?? '';
    const path = new URL(request.url ?? '/', 'http://harness').pathname;
    if (path !== IPC_PATH || !ownHosts.has(request.headers.host ?? '') || !ownOrigins.has(origin)) {
      socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
      return;
    }
    sockets.handleUpgrade(request, socket, head, (ws) => attach(ws, origin));
  });

  function attach(ws: WebSocket, origin: string): void {
    const id = `ws:${++socketCount}`;
    trustedSockets.add(id);
    ws.on('close', () => trustedSockets.delete(id));
    ws.on('message', (raw) => {
      let message: { id?: unknown; channel?: unknown; payload?: unknown };
      try {
        message = JSON.parse(String(raw)) as typeof message;
      } catch {
        return; // not from our bridge; nothing to answer
      }
      if (typeof message !== 'object' || message === null || typeof message.id !== 'number') return;
      const replyId = message.id;
      void guard
        .dispatch(String(message.channel), message.payload, { origin, isMainFrame: true, id })
        .then((result) => ws.send(JSON.stringify({ type: 'result', id: replyId, result })));
    });
  }

  const removeSink = core.events.addSink((channel, payload) => {
    const text = JSON.stringify({ type: 'event', channel, payload });
    for (const client of sockets.clients) client.send(text);
  });

  return {
    url: `http://127.0.0.1:${port}`,
    core,
    async close() {
      removeSink();
      for (const client of sockets.clients) client.terminate();
      sockets.close();
      server.closeAllConnections();
      await new Promise<void>((done) => server.close(() => done()));
      await core.close();
    },
  };
}

/**
 * The app's own page, opened at the top level by the user or by the app itself: a browser says
 * so in its fetch metadata, which a page cannot forge. A frame or a fetch from another site (which
 * could not read the answer anyway, being cross-origin) gets the page without the first reads;
 * so does a client that sends no metadata, such as curl.
 */
function isAppDocument(request: IncomingMessage): boolean {
  const site = request.headers['sec-fetch-site'];
  return (
    request.headers['sec-fetch-dest'] === 'document' &&
    request.headers['sec-fetch-mode'] === 'navigate' &&
    (site === 'none' || site === 'same-origin')
  );
}

/** What the pop-up shows once Connect has sent the employer back: no script, just the outcome. */
function callbackPage(message: string): string {
  const text = message.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] ?? c);
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Finch Connect</title>
<style>body{font-family:system-ui,sans-serif;margin:40px;color:#18202b}p{max-width:420px;line-height:1.5}</style></head>
<body><h1>Finch Workbench</h1><p id="outcome">${text}</p><p>You can close this window.</p></body></html>`;
}
