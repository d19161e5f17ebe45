/**
 * The Integration lab's proxy: what it costs a backend to call Finch through it.
 *   npx tsx bench/proxy/run.ts           full run (a few minutes: 100,000 × 1 MB bodies)
 *   npx tsx bench/proxy/run.ts --quick   CI smoke (~20 s)
 * The simulator runs in its own process (`npm run simulator`'s CLI, rate limits off through its
 * admin API), the load in another (bench/proxy/load.ts, as a user's backend would), and the
 * proxy here, recording every call to a request log on disk as the app does.
 * 1. At the issue's load: GET /employer/company at 200 req/s over 32 keep-alive connections,
 *    straight to the simulator and through the proxy at the same instants (full: 20 s, 4,000
 *    calls each). Latency: p50 and p99 of each; the difference is what the proxy adds (goal: p99
 *    added ≤ 2 ms); the paired difference (each instant's proxied minus direct call) beside it.
 *    Throughput at that load: calls completed per second, proxied vs direct (goal: ≥ 90 %).
 *    Then the same load through a bare Node pass-through proxy (bare-proxy.ts): what any proxy on
 *    Node's http adds in this position on this machine, printed beside ours as its floor.
 * 2. Saturation (informative): as many calls as 32 connections can make, direct, through the
 *    proxy, and through a bare Node pass-through proxy (bare-proxy.ts). On a small machine the
 *    load generator, the simulator and the proxy share the cores, so a proxy in the path takes
 *    CPU from the other two whatever it does; the bare proxy shows that ceiling.
 * 3. Memory: 1 MB request bodies streamed through the proxy to a sink upstream (100,000 of
 *    them; quick: 2,000 × 64 KB); RSS sampled throughout. Goal: flat (no growth with the count
 *    beyond the bounded in-memory list of calls): judged from the moment that list (the latest
 *    DEFAULT_CAPACITY calls, for the scorecard) is full to the end; the growth from warm-up, the
 *    list filling, is printed beside it. Quick mode never fills the list and judges the latter.
 */
import { spawn } from 'node:child_process';
import { createHmac, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startProxyServer } from '@main/features/integration-lab/proxy-server';
import type { ProxyFingerprints, RunningProxy } from '@main/features/integration-lab/proxy-server';
import { DEFAULT_CAPACITY, LabRecorder } from '@main/features/integration-lab/recorder';
import { ScenarioEngine } from '@main/features/integration-lab/scenarios';
import { RequestLog } from '@main/platform/request-log/request-log';
import { openWorkbenchDatabase } from '@main/platform/storage/database';
import { runMain } from '../shared/run-main';
import { startBareProxy } from './bare-proxy';

const QUICK = process.argv.includes('--quick');
const SETTINGS = QUICK
  ? { latencySeconds: 5, throughputSeconds: 1.5, bodies: 2_000, bodyBytes: 64 * 1024 }
  : { latencySeconds: 20, throughputSeconds: 5, bodies: 100_000, bodyBytes: 1024 * 1024 };
const RATE = 200;
const CONNECTIONS = 32;
const GOALS = { p99AddedMs: 2, throughputRatio: 0.9, rssGrowthMb: 50 };
const ROOT = resolve(__dirname, '../..');
const TSX = resolve(ROOT, 'node_modules/.bin/tsx');

function startSimulatorProcess(): Promise<{ baseUrl: string; stop(): Promise<void> }> {
  const child = spawn(TSX, ['src/simulator/cli.ts', '--port', '0'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return new Promise((resolveStart, reject) => {
    const timer = setTimeout(() => reject(new Error(`simulator did not start:\n${output}`)), 30_000);
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /^(http:\/\/127\.0\.0\.1:\d+)$/m.exec(output);
      if (!match?.[1]) return;
      clearTimeout(timer);
      resolveStart({
        baseUrl: match[1],
        stop: () =>
          new Promise<void>((done) => {
            child.once('exit', () => done());
            child.kill('SIGINT');
          }),
      });
    });
  });
}

function load(args: (string | number)[]): Promise<Record<string, never>> {
  const child = spawn(TSX, [join(__dirname, 'load.ts'), ...args.map(String)], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return new Promise((resolveLoad, reject) =>
    child.once('exit', (code) => {
      const line = output.trim().split('\n').at(-1) ?? '';
      if (code !== 0) reject(new Error(`load ${args[0]} failed (${code}): ${output}`));
      else resolveLoad(JSON.parse(line) as Record<string, never>);
    }),
  );
}

/** A keyed fingerprint as the app makes it (per-install key), without the vault. */
function benchFingerprints(): ProxyFingerprints {
  const key = randomBytes(32);
  const digest = (kind: string, h: ReturnType<typeof createHmac>) => `${kind}_${h.digest('hex').slice(0, 16)}`;
  return {
    of: (kind, secret) => digest(kind, createHmac('sha256', key).update(secret)),
    incremental: (kind) => {
      const h = createHmac('sha256', key);
      return { update: (chunk) => void h.update(chunk), finish: () => digest(kind, h) };
    },
  };
}

/** An upstream that drains what it is sent and answers a small Finch-like 200. */
async function startSink(): Promise<{ url: string; close(): Promise<void> }> {
  const server = createServer((req, res) => {
    req.on('data', () => {});
    req.on('end', () => {
      const body = '{"responses":[]}';
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': body.length, 'finch-request-id': crypto.randomUUID() });
      res.end(body);
    });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((done) => server.close(() => done())),
  };
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-proxy-'));
  const simulator = await startSimulatorProcess();
  const sink = await startSink();
  const db = openWorkbenchDatabase(join(dir, 'workbench.sqlite'));
  const recorder = new LabRecorder(db, new RequestLog(db));
  const engine = new ScenarioEngine();
  const fingerprints = benchFingerprints();
  const proxies: RunningProxy[] = [];
  /** Attempts handed to the recorder so far: its in-memory list is full from DEFAULT_CAPACITY on. */
  let attempts = 0;
  const proxyTo = async (baseUrl: string) => {
    const proxy = await startProxyServer({
      upstream: { kind: 'local', baseUrl, environmentId: 'local', environmentName: 'Local simulator', production: false },
      engine,
      record: (attempt) => {
        attempts++;
        recorder.record(attempt);
      },
      fingerprints,
      writesAllowed: () => true,
    });
    proxies.push(proxy);
    return proxy;
  };
  try {
    await fetch(`${simulator.baseUrl}/_simulator/rate-limits`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ enabled: false }),
    });
    const created = await fetch(`${simulator.baseUrl}/sandbox/connections`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Basic ${Buffer.from('bench-client:bench-secret').toString('base64')}`,
      },
      body: JSON.stringify({ provider_id: 'finch', employee_size: 5 }),
    });
    const token = ((await created.json()) as { access_token: string }).access_token;
    const finch = await proxyTo(simulator.baseUrl);
    const direct = `${simulator.baseUrl}/employer/company`;
    const proxied = `${finch.url}/employer/company`;

    const bare = await startBareProxy(simulator.baseUrl);
    const loadAverage = loadavg()[0]!;
    // The proxy's own CPU per call (this process: main thread and the log writer's).
    const cpuPerCall = async <T>(run: () => Promise<T>, calls: (result: T) => number) => {
      const before = process.cpuUsage();
      const result = await run();
      const used = process.cpuUsage(before);
      return { result, usPerCall: (used.user + used.system) / Math.max(1, calls(result)) };
    };
    type Failures = Record<string, number>;
    type Latency = { count: number; failed: number; failures: Failures; p50: number; p99: number; rps: number };
    const latency = await cpuPerCall(
      async () =>
        (await load(['latency', direct, proxied, token, RATE, CONNECTIONS, SETTINGS.latencySeconds])) as unknown as {
          direct: Latency;
          proxied: Latency;
          paired: { p50: number; p99: number };
        },
      (r) => r.proxied.count,
    );
    const lat = latency.result;
    // The same load against the bare pass-through proxy: what any Node http proxy in this position
    // adds on this machine (two more socket hops, a third process on the cores), the floor under ours.
    const bareLatency = (await load([
      'latency',
      direct,
      `${bare.url}/employer/company`,
      token,
      RATE,
      CONNECTIONS,
      SETTINGS.latencySeconds,
    ])) as unknown as {
      direct: Latency;
      proxied: Latency;
    };
    type Rate = { rps: number; failed: number; failures: Failures };
    const rateOf = (url: string) =>
      cpuPerCall(
        async () => ((await load(['throughput', token, CONNECTIONS, SETTINGS.throughputSeconds, url])) as unknown as Rate[])[0]!,
        (r) => r.rps * SETTINGS.throughputSeconds,
      );
    const saturation = {
      direct: (await rateOf(direct)).result,
      proxied: await rateOf(proxied),
      bare: (await rateOf(`${bare.url}/employer/company`)).result,
    };
    await bare.close();

    const bodiesProxy = await proxyTo(sink.url);
    const samples: number[] = [];
    let fullAt = -1;
    const sample = setInterval(() => {
      samples.push(process.memoryUsage().rss);
      if (fullAt < 0 && attempts >= DEFAULT_CAPACITY) fullAt = samples.length - 1;
    }, 200);
    const rssBefore = process.memoryUsage().rss;
    const bodies = (await load([
      'bodies',
      `${bodiesProxy.url}/employer/individual`,
      SETTINGS.bodies,
      SETTINGS.bodyBytes,
      CONNECTIONS,
    ])) as unknown as {
      count: number;
      failed: number;
      failures: Failures;
      seconds: number;
    };
    clearInterval(sample);
    samples.push(process.memoryUsage().rss);
    // After the first tenth (pools, JIT, SQLite cache warm): how much RSS grew to the end, and its peak.
    const warm = samples[Math.floor(samples.length / 10)] ?? rssBefore;
    const mb = (bytes: number) => bytes / 1024 / 1024;
    const rssGrowthMb = mb((samples.at(-1) ?? warm) - warm);
    const rssPeakMb = mb(Math.max(...samples));
    // The recorder keeps the session's latest DEFAULT_CAPACITY calls for the scorecard (about 0.4 KB
    // each): memory may grow until that list is full, and must be flat from then on.
    const fullSample = fullAt >= 0 && fullAt < samples.length - 1 ? samples[fullAt]! : null;
    const rssGrowthFullMb = fullSample === null ? null : mb(samples.at(-1)! - fullSample);
    const callsAfterFull = fullSample === null ? 0 : Math.round(((samples.length - 1 - fullAt) / samples.length) * bodies.count);

    const p50Added = lat.proxied.p50 - lat.direct.p50;
    const p99Added = lat.proxied.p99 - lat.direct.p99;
    const bareP50Added = bareLatency.proxied.p50 - bareLatency.direct.p50;
    const bareP99Added = bareLatency.proxied.p99 - bareLatency.direct.p99;
    const ratio = lat.proxied.rps / lat.direct.rps;
    const saturationRatio = saturation.proxied.result.rps / saturation.direct.rps;
    const bareRatio = saturation.bare.rps / saturation.direct.rps;
    const recorded = recorder.callsSeen;
    const cores = cpus().length;
    console.log(
      `proxy bench${QUICK ? ' (quick)' : ''}: ${RATE} req/s × ${SETTINGS.latencySeconds} s per target, ${CONNECTIONS} connections`,
    );
    console.log(
      `  latency direct p50/p99   ${lat.direct.p50.toFixed(2)} / ${lat.direct.p99.toFixed(2)} ms  (${lat.direct.count} calls, ${lat.direct.failed} failed)`,
    );
    console.log(
      `  latency proxied p50/p99  ${lat.proxied.p50.toFixed(2)} / ${lat.proxied.p99.toFixed(2)} ms  (${lat.proxied.count} calls, ${lat.proxied.failed} failed)`,
    );
    console.log(
      `  added p50 / p99          ${p50Added.toFixed(2)} / ${p99Added.toFixed(2)} ms   goal p99 ≤ ${GOALS.p99AddedMs} ms   ratio ${(p99Added / GOALS.p99AddedMs).toFixed(2)}`,
    );
    console.log(
      `  paired added p50 / p99   ${lat.paired.p50.toFixed(2)} / ${lat.paired.p99.toFixed(2)} ms   (each instant's proxied call minus its direct twin; informative)`,
    );
    console.log(
      `  bare Node proxy, added   ${bareP50Added.toFixed(2)} / ${bareP99Added.toFixed(2)} ms   (same load, same run: what a pass-through on Node's http adds here; ours minus it ${(p99Added - bareP99Added).toFixed(2)} ms at p99)`,
    );
    console.log(
      `  throughput at ${RATE} req/s  direct/proxied ${lat.direct.rps.toFixed(1)} / ${lat.proxied.rps.toFixed(1)} req/s completed = ${(ratio * 100).toFixed(1)} %   goal ≥ 90 %   ratio ${(GOALS.throughputRatio / ratio).toFixed(2)}`,
    );
    console.log(
      `  proxy CPU per call       ${latency.usPerCall.toFixed(0)} µs at ${RATE} req/s, ${saturation.proxied.usPerCall.toFixed(0)} µs at saturation (main thread + log writer)`,
    );
    console.log(
      `  saturation (informative) direct ${saturation.direct.rps.toFixed(0)}, proxied ${saturation.proxied.result.rps.toFixed(0)} (${(saturationRatio * 100).toFixed(1)} %), bare Node proxy ${saturation.bare.rps.toFixed(0)} (${(bareRatio * 100).toFixed(1)} %) req/s`,
    );
    console.log(
      `    bounded: load generator, simulator and proxy are three processes on ${cores} cores (load average ${loadAverage.toFixed(1)} at start); a proxy in the path takes CPU from the other two; the bare Node proxy reaches ${(bareRatio * 100).toFixed(0)} %`,
    );
    console.log(
      `  bodies                   ${bodies.count.toLocaleString('en-US')} × ${(SETTINGS.bodyBytes / 1024).toFixed(0)} KB in ${bodies.seconds.toFixed(1)} s (${bodies.failed} failed); RSS peak ${rssPeakMb.toFixed(0)} MB, growth after warm-up ${rssGrowthMb.toFixed(1)} MB (the list of the latest ${DEFAULT_CAPACITY.toLocaleString('en-US')} calls filling)`,
    );
    console.log(
      rssGrowthFullMb === null
        ? `  RSS once the list is full  not reached in this run (${attempts.toLocaleString('en-US')} calls; the list holds ${DEFAULT_CAPACITY.toLocaleString('en-US')})   goal ≤ ${GOALS.rssGrowthMb} MB judged on the growth after warm-up`
        : `  RSS once the list is full  growth ${rssGrowthFullMb.toFixed(1)} MB over the last ~${callsAfterFull.toLocaleString('en-US')} bodies   goal flat (≤ ${GOALS.rssGrowthMb} MB)   ratio ${(rssGrowthFullMb / GOALS.rssGrowthMb).toFixed(2)}`,
    );
    console.log(`  calls recorded           ${recorded.toLocaleString('en-US')} (request log rows + ObservedCalls)`);
    const failed =
      lat.direct.failed +
      lat.proxied.failed +
      bareLatency.direct.failed +
      bareLatency.proxied.failed +
      saturation.direct.failed +
      saturation.proxied.result.failed +
      saturation.bare.failed +
      bodies.failed;
    if (failed > 0) {
      const kinds = Object.entries({
        'latency direct': lat.direct.failures,
        'latency proxied': lat.proxied.failures,
        'saturation direct': saturation.direct.failures,
        'saturation proxied': saturation.proxied.result.failures,
        'saturation bare proxy': saturation.bare.failures,
        bodies: bodies.failures,
      }).filter(([, got]) => Object.keys(got).length > 0);
      console.error(
        `${failed} calls failed: the proxy bench is broken, not slow. What they got: ${JSON.stringify(Object.fromEntries(kinds))}`,
      );
      // The proxy's side of it: what it logged for the calls it could not complete.
      recorder.flush();
      const logged = db
        .prepare(
          `SELECT status, substr(coalesce(message, ''), 1, 200) AS message, count(*) AS calls FROM requests
           WHERE status IS NULL OR status >= 500 GROUP BY 1, 2 ORDER BY 3 DESC LIMIT 10`,
        )
        .all();
      console.error(`What the proxy logged for them: ${JSON.stringify(logged)}`);
      process.exitCode = 1;
    }
    console.log(
      JSON.stringify({
        bench: 'proxy',
        quick: QUICK,
        p50AddedMs: p50Added,
        p99AddedMs: p99Added,
        pairedP50AddedMs: lat.paired.p50,
        pairedP99AddedMs: lat.paired.p99,
        bareP50AddedMs: bareP50Added,
        bareP99AddedMs: bareP99Added,
        direct: lat.direct,
        proxied: lat.proxied,
        rate: RATE,
        loadThroughputRatio: ratio,
        loadDirectRps: lat.direct.rps,
        loadProxiedRps: lat.proxied.rps,
        saturationRatio,
        saturationDirectRps: saturation.direct.rps,
        saturationProxiedRps: saturation.proxied.result.rps,
        saturationBareRps: saturation.bare.rps,
        proxyCpuUsPerCall: latency.usPerCall,
        proxyCpuUsPerCallSaturated: saturation.proxied.usPerCall,
        cores,
        loadAverage,
        bodies: bodies.count,
        bodyBytes: SETTINGS.bodyBytes,
        bodiesSeconds: bodies.seconds,
        rssPeakMb,
        rssGrowthMb,
        rssGrowthFullMb,
        callsAfterFull,
        failed,
      }),
    );
  } finally {
    for (const proxy of proxies) await proxy.close();
    await sink.close();
    await simulator.stop();
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

runMain(main);
