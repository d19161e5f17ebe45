/**
 * The least a Node proxy can do in the workbench proxy's place: forward each call over a
 * keep-alive pool and pipe the answer back, nothing read, recorded or decided. Its saturation
 * throughput is the ceiling for any proxy written on Node's http in this position on this
 * machine, so the bench prints it beside the real one's.
 */
import { Agent, createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';

const HOP_BY_HOP = /^(connection|keep-alive|transfer-encoding)$/i;

export async function startBareProxy(upstreamBaseUrl: string): Promise<{ url: string; close(): Promise<void> }> {
  const upstream = new URL(upstreamBaseUrl);
  const agent = new Agent({ keepAlive: true, maxSockets: 128 });
  const server = createServer((req, res) => {
    const headers = { ...req.headers, host: upstream.host };
    const up = request(
      { hostname: upstream.hostname, port: upstream.port, path: req.url, method: req.method, headers, agent },
      (answer) => {
        const raw: string[] = [];
        for (let i = 0; i + 1 < answer.rawHeaders.length; i += 2)
          if (!HOP_BY_HOP.test(answer.rawHeaders[i]!)) raw.push(answer.rawHeaders[i]!, answer.rawHeaders[i + 1]!);
        res.writeHead(answer.statusCode ?? 502, raw);
        answer.pipe(res);
      },
    );
    up.on('error', () => res.destroy());
    req.pipe(up);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
        agent.destroy();
      }),
  };
}
