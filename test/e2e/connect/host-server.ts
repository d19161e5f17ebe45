/**
 * A tiny "customer application" on its own 127.0.0.1 origin that opens Finch Connect exactly
 * as react-connect 5 does, by running react-connect's own built code: FinchConnect from
 * node_modules/@tryfinch/react-connect/dist/index.es.js (its `react` import is mapped to a
 * stub through an import map; FinchConnect itself does not use React). The page records the
 * onSuccess / onError / onClose callbacks in window.__connectEvents and in #events.
 */
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';

const REACT_CONNECT = resolve(__dirname, '../../../node_modules/@tryfinch/react-connect/dist/index.es.js');

const HOST_PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Acme Benefits · connect your payroll</title>
<script type="importmap">{ "imports": { "react": "/react-stub.js" } }</script>
<script type="module" src="/host.js"></script>
<style>
  body { font-family: system-ui, sans-serif; margin: 0; background: #f1f5f9; color: #0f172a; }
  .app { max-width: 720px; margin: 40px auto; background: #fff; border-radius: 12px; padding: 32px; box-shadow: 0 1px 3px rgba(0,0,0,.1); }
  pre { background: #0f172a; color: #e2e8f0; padding: 12px; border-radius: 8px; min-height: 40px; white-space: pre-wrap; }
</style>
</head>
<body>
<div class="app">
  <h1>Acme Benefits</h1>
  <p>Connect your payroll provider so we can set up your benefits deductions.</p>
  <button id="open">Connect payroll</button>
  <h2>Connect events</h2>
  <pre id="events"></pre>
</div>
</body>
</html>`;

const HOST_SCRIPT = `import { FinchConnect } from '/react-connect.js';
const params = new URLSearchParams(location.search);
window.__connectEvents = [];
const record = (kind, detail) => {
  window.__connectEvents.push({ kind, detail });
  document.getElementById('events').textContent = JSON.stringify(window.__connectEvents, null, 2);
};
const connect = FinchConnect.initialize({
  onSuccess: (e) => record('success', e),
  onError: (e) => record('error', e),
  onClose: () => record('closed'),
  apiConfig: { connectUrl: params.get('connect') },
});
const open = () => connect.open({ sessionId: params.get('session'), state: params.get('state') || undefined });
document.getElementById('open').addEventListener('click', open);
if (params.get('autoopen') === '1') open();
`;

const REACT_STUB = `export const useRef = (value) => ({ current: value });
export const useEffect = () => undefined;
`;

export interface HostServer {
  origin: string;
  close(): Promise<void>;
}

export async function startHostServer(): Promise<HostServer> {
  const reactConnect = readFileSync(REACT_CONNECT, 'utf8');
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    const send = (type: string, body: string, status = 200): void => {
      res.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-store' });
      res.end(body);
    };
    if (path === '/' || path === '/callback')
      send('text/html; charset=utf-8', path === '/' ? HOST_PAGE : '<!doctype html><title>Callback</title><h1>Back at Acme</h1>');
    else if (path === '/host.js') send('text/javascript', HOST_SCRIPT);
    else if (path === '/react-connect.js') send('text/javascript', reactConnect);
    else if (path === '/react-stub.js') send('text/javascript', REACT_STUB);
    else send('text/plain', 'not found', 404);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}
