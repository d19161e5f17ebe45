/**
 * Starts an in-process simulator for a test file and hands out a fetch (and SDK clients built
 * on it) that checks every Finch API response against the OpenAPI spec as it arrives.
 * Failures are collected; each test file asserts at the end that there were none.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Finch from '@tryfinch/finch-api';
import type { RunningSimulator, SimulatorOptions } from '@simulator/index';
import { ControllableClock, startSimulator } from '@simulator/index';
import { validateResponse } from './spec-validator';

export const TEST_EPOCH = '2026-06-15T10:00:00.000Z';
export const CLIENT_ID = 'c0ffee00-0000-4000-8000-000000000001';
export const CLIENT_SECRET = 'sim-secret-for-tests';

export class ResponseRecorder {
  validated = 0;
  readonly failures: string[] = [];
  readonly seenRequestIds: string[] = [];
}

export interface ApiResult<T = any> {
  status: number;
  headers: Headers;
  body: T;
  text: string;
}

export interface CallOptions {
  token?: string;
  basic?: readonly [string, string];
  body?: unknown;
  rawBody?: string;
  headers?: Record<string, string>;
}

/** Paths that are not part of the Finch API (no spec to check them against). */
function isFinchApiPath(path: string): boolean {
  return (
    !path.startsWith('/_simulator') && !path.startsWith('/connect/api/') && !path.startsWith('/connect/assets/') && path !== '/authorize'
  );
}

export function checkedFetch(baseUrl: string, recorder: ResponseRecorder): typeof fetch {
  return async (input, init) => {
    const request = new Request(input, init);
    const response = await fetch(request.clone());
    const url = new URL(request.url);
    if (!request.url.startsWith(baseUrl) || !isFinchApiPath(url.pathname)) return response;
    const requestId = response.headers.get('finch-request-id');
    if (requestId) recorder.seenRequestIds.push(requestId);
    else recorder.failures.push(`${request.method} ${url.pathname} → ${response.status}: no Finch-Request-ID`);
    const text = await response.clone().text();
    let body: unknown;
    try {
      body = text === '' ? undefined : JSON.parse(text);
    } catch {
      recorder.failures.push(`${request.method} ${url.pathname} → ${response.status}: body is not JSON`);
      return response;
    }
    const outcome = validateResponse(request.method, url.pathname, response.status, body);
    recorder.validated += 1;
    if (!outcome.ok) {
      recorder.failures.push(
        `${request.method} ${url.pathname} → ${response.status} does not match ${outcome.schema}:\n${outcome.errors}\n${text.slice(0, 400)}`,
      );
    }
    return response;
  };
}

export interface TestSimulator {
  sim: RunningSimulator;
  baseUrl: string;
  recorder: ResponseRecorder;
  fetch: typeof fetch;
  stateFile: string;
  /** Raw call through the checking fetch. */
  call<T = any>(method: string, path: string, options?: CallOptions): Promise<ApiResult<T>>;
  /** An SDK client on the checking fetch (no retries unless asked). */
  sdk(options?: { accessToken?: string; clientID?: string; clientSecret?: string; maxRetries?: number }): Finch;
  /** POST /sandbox/connections with Basic auth; returns the body (access_token, connection_id…). */
  sandboxConnection(body?: Record<string, unknown>, clientId?: string): Promise<Record<string, any>>;
  /** Drives the Connect page's API as the page would: returns the authorization code. */
  completeConnect(sessionId: string, input?: Record<string, unknown>): Promise<ApiResult>;
  admin<T = any>(method: string, path: string, body?: unknown): Promise<ApiResult<T>>;
  close(): Promise<void>;
}

export async function startTestSimulator(options: SimulatorOptions = {}): Promise<TestSimulator> {
  const dir = mkdtempSync(join(tmpdir(), 'finch-sim-test-'));
  const stateFile = options.stateFile ?? join(dir, 'state.json');
  // A fixed starting instant (10:00 UTC) keeps hour- and day-based behaviour (refresh quotas,
  // pay dates) the same on every run; time still flows and tests advance it explicitly.
  const clock = new ControllableClock();
  clock.set(Date.parse(TEST_EPOCH));
  const sim = await startSimulator({ seed: 7, clock, ...options, stateFile, log: options.log ?? (() => undefined) });
  const recorder = new ResponseRecorder();
  const checked = checkedFetch(sim.baseUrl, recorder);

  async function send<T>(f: typeof fetch, method: string, path: string, options: CallOptions = {}): Promise<ApiResult<T>> {
    const headers: Record<string, string> = { 'Finch-API-Version': '2020-09-17', ...options.headers };
    if (options.token) headers['Authorization'] = `Bearer ${options.token}`;
    if (options.basic) headers['Authorization'] = `Basic ${Buffer.from(`${options.basic[0]}:${options.basic[1]}`).toString('base64')}`;
    let body: string | undefined = options.rawBody;
    if (options.body !== undefined) body = JSON.stringify(options.body);
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    const response = await f(`${sim.baseUrl}${path}`, { method, headers, body });
    const text = await response.text();
    let parsed: unknown = undefined;
    try {
      parsed = text === '' ? undefined : JSON.parse(text);
    } catch {
      parsed = undefined;
    }
    return { status: response.status, headers: response.headers, body: parsed as T, text };
  }

  const t: TestSimulator = {
    sim,
    baseUrl: sim.baseUrl,
    recorder,
    fetch: checked,
    stateFile,
    call: (method, path, options) => send(checked, method, path, options),
    sdk: (o = {}) =>
      new Finch({
        baseURL: sim.baseUrl,
        accessToken: o.accessToken ?? null,
        clientID: o.clientID ?? CLIENT_ID,
        clientSecret: o.clientSecret ?? CLIENT_SECRET,
        maxRetries: o.maxRetries ?? 0,
        fetch: checked,
        timeout: 15_000,
      }),
    sandboxConnection: async (body = {}, clientId = CLIENT_ID) => {
      const result = await send<Record<string, any>>(checked, 'POST', '/sandbox/connections', {
        basic: [clientId, CLIENT_SECRET],
        body: { provider_id: 'finch', ...body },
      });
      if (result.status !== 200) throw new Error(`sandbox connection failed: ${result.status} ${result.text}`);
      return result.body;
    },
    completeConnect: (sessionId, input = {}) =>
      send(fetch, 'POST', `/connect/api/sessions/${sessionId}/authorize`, {
        body: { provider_id: 'finch', auth_method: 'credential', username: 'hr-admin', password: 'correct horse', ...input },
      }),
    admin: (method, path, body) => send(fetch, method, path, body === undefined ? {} : { body }),
    close: () => sim.close(),
  };
  return t;
}

/** Asserts, at the end of a test file, that every response matched the spec. */
export function specFailures(t: TestSimulator): string[] {
  return t.recorder.failures;
}

/**
 * Only the employees among `ids`: a contractor is paid without payroll deductions, so the
 * simulator refuses to enroll one (as providers do) and enrollment tests pick employees.
 */
export async function employeesOnly(t: TestSimulator, token: string, ids: string[]): Promise<string[]> {
  const answer = await t.call('POST', '/employer/employment', {
    token,
    body: { requests: ids.map((individual_id) => ({ individual_id })) },
  });
  const contractors = new Set(
    (answer.body.responses as { individual_id: string; body?: { employment?: { type?: string } } }[])
      .filter((r) => r.body?.employment?.type === 'contractor')
      .map((r) => r.individual_id),
  );
  return ids.filter((id) => !contractors.has(id));
}
