/**
 * Simulator benchmark (loopback only, bounded in requests and time).
 *   npx tsx bench/simulator/run.ts           full run (~20 s)
 *   npx tsx bench/simulator/run.ts --quick   CI smoke (a few seconds)
 * 1. Time to generate a 10,000-person company (profile + roster; then every individual and
 *    employment record), in this process.
 * 2. Requests/second for small reads (GET /employer/company with a valid token) against the
 *    simulator running in a separate process (`npm run simulator`'s CLI), over keep-alive
 *    connections. Finch's rate limits are switched off through the documented admin API
 *    (PUT /_simulator/rate-limits {"enabled": false}) — otherwise 20 calls/min would be the cap.
 * Prints the numbers and the ratio to the goal of 2,000 req/s.
 */
import { spawn } from 'node:child_process';
import { Agent, request } from 'node:http';
import { resolve } from 'node:path';
import { generateCompany } from '@simulator/data/company';
import { employmentRecord, individualRecord } from '@simulator/data/person-records';
import { buildRoster } from '@simulator/data/roster';

const GOAL_RPS = 2_000;
const QUICK = process.argv.includes('--quick');
const SETTINGS = QUICK
  ? { requests: 4_000, maxSeconds: 3, concurrency: 16, generations: 3 }
  : { requests: 60_000, maxSeconds: 15, concurrency: 32, generations: 7 };
const ROOT = resolve(__dirname, '../..');

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))] ?? 0;
}

function benchGeneration(): { rosterMs: number; recordsMs: number } {
  const anchor = Date.parse('2026-06-15T00:00:00Z');
  const rosterTimes: number[] = [];
  const recordTimes: number[] = [];
  for (let i = 0; i < SETTINGS.generations; i++) {
    const started = performance.now();
    const company = generateCompany(1000 + i, i, `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`, 10_000);
    const roster = buildRoster(company, 10_000, anchor);
    rosterTimes.push(performance.now() - started);
    if (roster.length !== 10_000) throw new Error('roster size mismatch');
    const recordsStarted = performance.now();
    for (const person of roster) {
      individualRecord(company, person, anchor, true);
      employmentRecord(company, person, anchor);
    }
    recordTimes.push(performance.now() - recordsStarted);
  }
  return { rosterMs: median(rosterTimes), recordsMs: median(recordTimes) };
}

interface Simulator {
  baseUrl: string;
  stop(): Promise<void>;
}

function startSimulatorProcess(): Promise<Simulator> {
  const child = spawn(resolve(ROOT, 'node_modules/.bin/tsx'), ['src/simulator/cli.ts', '--port', '0'], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return new Promise((resolveStart, reject) => {
    const timer = setTimeout(() => reject(new Error(`simulator did not start:\n${output}`)), 20_000);
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
    child.once('exit', (code) => reject(new Error(`simulator exited (${String(code)}):\n${output}`)));
  });
}

interface Response {
  status: number;
  body: string;
}

function call(
  agent: Agent,
  baseUrl: string,
  method: string,
  path: string,
  headers: Record<string, string>,
  body?: string,
): Promise<Response> {
  return new Promise((resolveCall, reject) => {
    const req = request(
      `${baseUrl}${path}`,
      { method, agent, headers: body ? { ...headers, 'Content-Type': 'application/json' } : headers },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolveCall({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString() }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

async function load(
  agent: Agent,
  baseUrl: string,
  path: string,
  token: string,
  total: number,
  maxMs: number,
): Promise<{ done: number; failed: number; seconds: number; latencies: number[] }> {
  const headers = { Authorization: `Bearer ${token}`, 'Finch-API-Version': '2020-09-17' };
  const latencies: number[] = [];
  let issued = 0;
  let failed = 0;
  const started = performance.now();
  const deadline = started + maxMs;
  const worker = async (): Promise<void> => {
    while (issued < total && performance.now() < deadline) {
      issued += 1;
      const t0 = performance.now();
      const response = await call(agent, baseUrl, 'GET', path, headers);
      latencies.push(performance.now() - t0);
      if (response.status !== 200) failed += 1;
    }
  };
  await Promise.all(Array.from({ length: SETTINGS.concurrency }, worker));
  return { done: latencies.length, failed, seconds: (performance.now() - started) / 1000, latencies };
}

async function main(): Promise<void> {
  console.log(`Finch simulator benchmark${QUICK ? ' (--quick)' : ''} on ${process.platform} ${process.arch}, Node ${process.version}`);
  const generation = benchGeneration();
  console.log(
    `10,000-person company: profile + roster ${generation.rosterMs.toFixed(1)} ms; all individual + employment records ${generation.recordsMs.toFixed(1)} ms (median of ${SETTINGS.generations})`,
  );

  const sim = await startSimulatorProcess();
  const agent = new Agent({ keepAlive: true, maxSockets: SETTINGS.concurrency });
  try {
    const disable = await call(agent, sim.baseUrl, 'PUT', '/_simulator/rate-limits', {}, JSON.stringify({ enabled: false }));
    if (disable.status !== 200) throw new Error(`could not switch rate limits off: ${disable.status} ${disable.body}`);
    const basic = `Basic ${Buffer.from('bench-app:bench-secret').toString('base64')}`;
    const created = await call(
      agent,
      sim.baseUrl,
      'POST',
      '/sandbox/connections',
      { Authorization: basic },
      JSON.stringify({ provider_id: 'gusto', employee_size: 50 }),
    );
    if (created.status !== 200) throw new Error(`sandbox connection failed: ${created.status} ${created.body}`);
    const token = (JSON.parse(created.body) as { access_token: string }).access_token;

    await load(agent, sim.baseUrl, '/employer/company', token, 500, 2_000); // warm-up
    const result = await load(agent, sim.baseUrl, '/employer/company', token, SETTINGS.requests, SETTINGS.maxSeconds * 1000);
    const sorted = [...result.latencies].sort((a, b) => a - b);
    const rps = result.done / result.seconds;
    console.log(
      `GET /employer/company: ${result.done} requests in ${result.seconds.toFixed(2)} s, concurrency ${SETTINGS.concurrency}, keep-alive, ` +
        `${result.failed} non-200 → ${Math.round(rps)} req/s (p50 ${percentile(sorted, 50).toFixed(2)} ms, p99 ${percentile(sorted, 99).toFixed(2)} ms)`,
    );
    console.log(`Goal ${GOAL_RPS} req/s: ratio ${(rps / GOAL_RPS).toFixed(2)}× ${rps >= GOAL_RPS ? '(met)' : '(NOT met)'}`);
    console.log(
      JSON.stringify({
        quick: QUICK,
        rosterMs: generation.rosterMs,
        recordsMs: generation.recordsMs,
        requests: result.done,
        failed: result.failed,
        rps: Math.round(rps),
        goal: GOAL_RPS,
        ratio: rps / GOAL_RPS,
      }),
    );
    if (result.failed > 0) process.exitCode = 1;
  } finally {
    agent.destroy();
    await sim.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
