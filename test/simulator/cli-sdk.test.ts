/**
 * Acceptance 1: `npm run simulator` prints its URL as its first line (after npm's banner); the
 * Finch SDK pointed at it creates a sandbox connection, pages a 2,500-person directory to
 * exactly 2,500 unique people, batch-reads individuals, employments and pay statements, and
 * reads payments. Ctrl-C (SIGINT) stops the process cleanly.
 */
import { spawn } from 'node:child_process';
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { resolve } from 'node:path';
import Finch from '@tryfinch/finch-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ResponseRecorder, checkedFetch } from './helpers/test-simulator';

const ROOT = resolve(__dirname, '../..');

let child: ChildProcessWithoutNullStreams;
let baseUrl = '';
let output = '';
const recorder = new ResponseRecorder();

beforeAll(async () => {
  child = spawn('npm', ['run', 'simulator', '--', '--port', '0', '--client-id', 'cli-app', '--client-secret', 'cli-secret'], {
    cwd: ROOT,
    detached: true,
  });
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  baseUrl = await new Promise<string>((resolveUrl, reject) => {
    const timer = setTimeout(() => reject(new Error(`simulator did not start:\n${output}`)), 20_000);
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      output += chunk.toString();
      // npm prints its own "> finch-workbench simulator" banner; the simulator's first line is the URL.
      const lines = stdout.split('\n').filter((l) => l.trim() !== '' && !l.startsWith('>'));
      const first = lines[0];
      if (first !== undefined && stdout.endsWith('\n')) {
        clearTimeout(timer);
        if (/^http:\/\/127\.0\.0\.1:\d+$/.test(first)) resolveUrl(first);
        else reject(new Error(`first line is not the base URL: ${JSON.stringify(first)}`));
      }
    });
    child.once('exit', (code) => reject(new Error(`simulator exited with ${String(code)}:\n${output}`)));
  });
}, 30_000);

afterAll(() => {
  try {
    if (child.pid) process.kill(-child.pid, 'SIGKILL');
  } catch {
    // already gone
  }
});

describe('the simulator CLI with the Finch SDK', () => {
  it('prints http://127.0.0.1:PORT as its first line', () => {
    expect(baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it('rejects client credentials other than the --client-id/--client-secret pair', async () => {
    const other = new Finch({
      baseURL: baseUrl,
      clientID: 'someone-else',
      clientSecret: 'cli-secret',
      maxRetries: 0,
      fetch: checkedFetch(baseUrl, recorder),
    });
    await expect(other.sandbox.connections.create({ provider_id: 'finch' })).rejects.toMatchObject({ status: 401 });
  });

  it('creates a connection, pages 2,500 people and batch-reads their records', async () => {
    const fetch = checkedFetch(baseUrl, recorder);
    const app = new Finch({ baseURL: baseUrl, clientID: 'cli-app', clientSecret: 'cli-secret', maxRetries: 0, fetch });
    const created = await app.sandbox.connections.create({ provider_id: 'finch', employee_size: 2_500 });
    expect(created.access_token).toBeTruthy();

    const finch = new Finch({ baseURL: baseUrl, accessToken: created.access_token, maxRetries: 0, fetch });
    const ids: string[] = [];
    // 500 per page: 5 directory calls, well inside the 20/min directory budget.
    for await (const person of finch.hris.directory.list({ limit: 500 })) ids.push(person.id);
    expect(ids).toHaveLength(2_500);
    expect(new Set(ids).size).toBe(2_500);

    const individuals = await finch.hris.individuals.retrieveMany({ requests: ids.map((individual_id) => ({ individual_id })) });
    expect(individuals.responses).toHaveLength(2_500);
    expect(individuals.responses.every((r) => r.code === 200)).toBe(true);

    const employments = await finch.hris.employments.retrieveMany({ requests: ids.map((individual_id) => ({ individual_id })) });
    expect(employments.responses).toHaveLength(2_500);
    expect(new Set(employments.responses.map((r) => r.individual_id))).toEqual(new Set(ids));

    const payments = await finch.hris.payments.list({ start_date: '2000-01-01', end_date: '2100-12-31' });
    expect(payments.items.length).toBeGreaterThan(0);
    const statements = await finch.hris.payStatements.retrieveMany({
      requests: payments.items.map((p) => ({ payment_id: p.id, limit: 5_000 })),
    });
    expect(statements.responses).toHaveLength(payments.items.length);
    let paid = 0;
    for (const response of statements.responses) {
      expect(response.code).toBe(200);
      const body = response.body as { pay_statements: Array<{ individual_id: string }> };
      paid += body.pay_statements.length;
      for (const s of body.pay_statements) expect(ids).toContain(s.individual_id);
    }
    // Everyone active is paid by the latest run of their pay group.
    expect(paid).toBeGreaterThan(2_000);
  });

  it('answered only spec-valid responses', () => {
    expect(recorder.validated).toBeGreaterThan(10);
    expect(recorder.failures).toEqual([]);
  });

  it('stops on Ctrl-C (SIGINT): the process group ends and the port closes', async () => {
    const exited = new Promise<{ code: number | null; signal: string | null }>((resolveExit) =>
      child.once('exit', (code, signal) => resolveExit({ code, signal })),
    );
    // Ctrl-C signals the terminal's whole foreground process group: npm, sh, tsx and node.
    process.kill(-(child.pid ?? 0), 'SIGINT');
    const { code, signal } = await exited;
    // npm re-raises the SIGINT it received; the simulator itself exits 0 after closing.
    expect(code === 0 || signal === 'SIGINT').toBe(true);
    await expect(fetch(`${baseUrl}/providers`)).rejects.toThrow();
  });
});

describe('the CLI process itself', () => {
  const tsx = resolve(ROOT, 'node_modules/.bin/tsx');

  it('exits 0 on SIGINT after printing its URL', async () => {
    const direct = spawn(tsx, ['src/simulator/cli.ts'], { cwd: ROOT });
    const first = await new Promise<string>((resolveLine) => {
      let text = '';
      direct.stdout.on('data', (chunk: Buffer) => {
        text += chunk.toString();
        if (text.includes('\n')) resolveLine(text.split('\n')[0] ?? '');
      });
    });
    expect(first).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const exited = new Promise<number | null>((resolveExit) => direct.once('exit', (code) => resolveExit(code)));
    direct.kill('SIGINT');
    expect(await exited).toBe(0);
  });

  it('refuses unknown options with usage and exit code 2', async () => {
    const bad = spawn(tsx, ['src/simulator/cli.ts', '--prot', '80'], { cwd: ROOT });
    let stderr = '';
    bad.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const code = await new Promise<number | null>((resolveExit) => bad.once('exit', (c) => resolveExit(c)));
    expect(code).toBe(2);
    expect(stderr).toMatch(/unknown option --prot/);
    expect(stderr).toMatch(/Usage: npm run simulator/);
  });
});
