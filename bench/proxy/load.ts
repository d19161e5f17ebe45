/**
 * The load side of bench/proxy, in its own process (as a user's backend is): it must not share
 * an event loop with the proxy it measures. Prints one JSON line.
 *   latency    <direct> <proxied> <token> <rate/s> <connections> <seconds>   open loop, both targets at the same instants
 *   throughput <token> <connections> <seconds> <url>…                       closed loop, one target after the other
 *   bodies     <url> <count> <bytes> <connections>                          POST bodies of that size, streamed
 */
import { Agent, request } from 'node:http';

const [mode, ...args] = process.argv.slice(2);

interface Sample {
  ms: number;
  status: number;
  doneAt?: number;
  /** Why a call got no answer (the socket error's code). */
  error?: string;
}

/** What the failed calls got: `{ "502": 1, "ECONNRESET": 2 }` (an answer's status, or the error with none). */
function failuresOf(samples: Sample[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const s of samples) if (s.status !== 200) out[s.error ?? String(s.status)] = (out[s.error ?? String(s.status)] ?? 0) + 1;
  return out;
}

function call(agent: Agent, url: string, token: string, body?: Buffer): Promise<Sample> {
  const started = performance.now();
  return new Promise((resolve) => {
    const req = request(url, {
      agent,
      method: body ? 'POST' : 'GET',
      headers: {
        authorization: `Bearer ${token}`,
        'finch-api-version': '2020-09-17',
        ...(body ? { 'content-type': 'application/json', 'content-length': String(body.length) } : {}),
      },
    });
    req.on('response', (res) => {
      res.on('data', () => {});
      res.on('end', () => {
        const doneAt = performance.now();
        resolve({ ms: doneAt - started, status: res.statusCode ?? 0, doneAt });
      });
      res.on('error', (error: NodeJS.ErrnoException) =>
        resolve({ ms: performance.now() - started, status: 0, error: error.code ?? error.message }),
      );
    });
    req.on('error', (error: NodeJS.ErrnoException) =>
      resolve({ ms: performance.now() - started, status: 0, error: error.code ?? error.message }),
    );
    req.end(body);
  });
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))] ?? 0;

/** Latency percentiles, and completed calls per second from the first send to the last answer. */
function summary(samples: Sample[], started: number) {
  const ms = samples.map((s) => s.ms).sort((a, b) => a - b);
  const ok = samples.filter((s) => s.status === 200);
  const last = Math.max(...samples.map((s) => s.doneAt ?? started));
  return {
    count: samples.length,
    failed: samples.length - ok.length,
    failures: failuresOf(samples),
    p50: percentile(ms, 50),
    p99: percentile(ms, 99),
    rps: ok.length / ((last - started) / 1000),
  };
}

async function latency(direct: string, proxied: string, token: string, rate: number, connections: number, seconds: number) {
  const agents = {
    direct: new Agent({ keepAlive: true, maxSockets: connections }),
    proxied: new Agent({ keepAlive: true, maxSockets: connections }),
  };
  // Warm both pools first, so connection setup is not counted.
  await Promise.all(
    Array.from({ length: connections }, () => Promise.all([call(agents.direct, direct, token), call(agents.proxied, proxied, token)])),
  );
  const total = Math.round(rate * seconds);
  const samples: { direct: Sample[]; proxied: Sample[] } = { direct: new Array(total), proxied: new Array(total) };
  const pending: Promise<void>[] = [];
  const started = performance.now();
  let sent = 0;
  await new Promise<void>((resolve) => {
    const tick = () => {
      const due = Math.min(total, Math.floor(((performance.now() - started) / 1000) * rate));
      while (sent < due) {
        const i = sent++;
        // Both targets at the same instant, which one first alternating: any hiccup of the
        // machine hits both, and neither is always second on the wire.
        const one = () => call(agents.direct, direct, token).then((s) => void (samples.direct[i] = s));
        const other = () => call(agents.proxied, proxied, token).then((s) => void (samples.proxied[i] = s));
        pending.push(...(i % 2 === 0 ? [one(), other()] : [other(), one()]));
      }
      if (sent >= total) resolve();
      else setTimeout(tick, 1);
    };
    tick();
  });
  await Promise.all(pending);
  // The same instant's two calls, proxied minus direct: the machine's noise common to both cancels.
  const paired = samples.proxied.map((p, i) => p.ms - samples.direct[i]!.ms).sort((a, b) => a - b);
  return {
    direct: summary(samples.direct, started),
    proxied: summary(samples.proxied, started),
    paired: { p50: percentile(paired, 50), p99: percentile(paired, 99) },
  };
}

async function closedLoop(url: string, token: string, connections: number, seconds: number) {
  const agent = new Agent({ keepAlive: true, maxSockets: connections });
  const until = performance.now() + seconds * 1000;
  let done = 0;
  const failures: Sample[] = [];
  const started = performance.now();
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (performance.now() < until) {
        const s = await call(agent, url, token);
        done++;
        if (s.status !== 200) failures.push(s);
      }
    }),
  );
  agent.destroy();
  return { rps: done / ((performance.now() - started) / 1000), failed: failures.length, failures: failuresOf(failures) };
}

async function bodies(url: string, count: number, bytes: number, connections: number) {
  const agent = new Agent({ keepAlive: true, maxSockets: connections });
  const body = Buffer.alloc(bytes, 0x20);
  body.write('{"requests":[]}');
  let next = 0;
  const failures: Sample[] = [];
  const started = performance.now();
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (next < count) {
        next++;
        const s = await call(agent, url, 'bench-token-0001', body);
        if (s.status !== 200) failures.push(s);
      }
    }),
  );
  return { count, bytes, failed: failures.length, failures: failuresOf(failures), seconds: (performance.now() - started) / 1000 };
}

async function main(): Promise<void> {
  const n = (i: number) => Number(args[i]);
  let result: unknown;
  if (mode === 'latency') result = await latency(args[0]!, args[1]!, args[2]!, n(3), n(4), n(5));
  else if (mode === 'throughput') {
    const rates = [];
    for (const url of args.slice(3)) rates.push(await closedLoop(url, args[0]!, n(1), n(2)));
    result = rates;
  } else if (mode === 'bodies') result = await bodies(args[0]!, n(1), n(2), n(3));
  else throw new Error(`unknown mode ${mode}`);
  console.log(JSON.stringify(result));
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
