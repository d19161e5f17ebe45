/**
 * Local Finch simulator: a stateful, spec-checked Finch API and Finch Connect page on
 * 127.0.0.1. Plain Node `http`, no Electron: the app embeds it through startSimulator(), and
 * `npm run simulator` runs it alone (cli.ts). See README.md in this folder.
 */
import { createServer } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { SimulatorClock } from './clock';
import { ControllableClock } from './clock';
import { createConnectPageHandler } from './connect-page/routes';
import type { FaultRule } from './policy/faults';
import { createAdminHandler } from './routes/admin';
import { FINCH_ROUTES } from './routes/index';
import { applyManualJob } from './routes/manual-jobs';
import type { PayRunResult } from './routes/pay-runs';
import { runPayroll } from './routes/pay-runs';
import { errorBody } from './http/finch-errors';
import { createRequestHandler } from './server/http-server';
import { Router } from './server/router';
import type { ClientCredentials } from './simulator-core';
import { SimulatorCore } from './simulator-core';
import type { JobTiming } from './state/jobs';
import { DEFAULT_JOB_TIMING } from './state/jobs';
import type { ClientType } from './model/types';
import type { DeliveryRecord, TamperKind } from './webhooks/delivery';
import type { EndpointInput } from './webhooks/endpoints';
import type { WebhookEventType } from './webhooks/event-types';
import { isWebhookEventType } from './webhooks/event-types';
import type { SentEvent, WebhookOptions } from './webhooks/webhook-service';

export type { SimulatorClock } from './clock';
export { ControllableClock } from './clock';
export type { ClientCredentials } from './simulator-core';
export type { FaultRule } from './policy/faults';
export type { PayRunResult } from './routes/pay-runs';
export { PayRunError } from './routes/pay-runs';
export { FINCH_RATE_LIMITS } from './policy/rate-limit';
export type { DeliveryRecord, TamperKind } from './webhooks/delivery';
export { TAMPER_KINDS } from './webhooks/delivery';
export type { WebhookEventType } from './webhooks/event-types';
export { WEBHOOK_EVENT_TYPES } from './webhooks/event-types';
export type { SentEvent, WebhookOptions } from './webhooks/webhook-service';

export interface SimulatorOptions {
  /** TCP port on 127.0.0.1; 0 or absent = a random free port. */
  port?: number;
  /** JSON file for state that must survive a restart (no plaintext tokens, codes or secrets). */
  stateFile?: string;
  /** Time source; wrapped in a ControllableClock so tests and the admin API can advance it. */
  clock?: SimulatorClock;
  /** Accept only this application; otherwise any non-empty client_id/client_secret pair. */
  credentials?: ClientCredentials;
  /** Seed for generated data (default 1): same seed, same companies. */
  seed?: number;
  /** client_type reported by /auth/token and /introspect (default "sandbox"). */
  clientType?: ClientType;
  /** Enforce Finch's per-application rate limits (default true; switchable at runtime). */
  rateLimits?: boolean;
  /** Job durations on the simulator clock. */
  jobTiming?: Partial<JobTiming>;
  /** Diagnostics (unexpected errors, unreadable state file). Default: console.error. */
  log?: (line: string) => void;
  /** Webhook sending: endpoints to register at start, retry schedule, attempt timeout. */
  webhooks?: WebhookOptions;
}

export interface RunningSimulator {
  /** `http://127.0.0.1:PORT`: the Finch API base URL (SDK `baseURL`). */
  baseUrl: string;
  /** Connect origin for react-connect's `apiConfig.connectUrl` (same server). */
  connectUrl: string;
  port: number;
  clock: ControllableClock;
  /** Runtime controls, also reachable over HTTP under /_simulator. */
  admin: {
    addFault(rule: Record<string, unknown>): FaultRule;
    /** Removes one rule (false when it was already gone); a held manual job then completes on its next check. */
    removeFault(id: string): boolean;
    clearFaults(): void;
    reset(): void;
    setRateLimitsEnabled(enabled: boolean): void;
    /**
     * Runs the company's next payroll for this connection (POST /_simulator/pay-runs): pay
     * statements for everyone employed then, with the enrollments in force on the pay date.
     * Throws (PayRunError: status 400/404/409) for an unknown or disconnected connection.
     */
    runPayroll(connectionId: string, type?: 'regular_payroll' | 'off_cycle_payroll'): PayRunResult;
  };
  /** Signed webhook events (also over HTTP under /_simulator/webhooks). */
  webhooks: {
    /** Registers an endpoint; the returned secret is the one events are signed with. */
    register(input: EndpointInput): { id: string; url: string; secret: string };
    unregister(id: string): boolean;
    /** Registered endpoints, with their secrets (the embedding process registered them). */
    endpoints(): { id: string; url: string; secret: string }[];
    /** A payload for this event type on this connection, as trigger() would send it. */
    preview(connectionId: string, eventType: string): Record<string, unknown>;
    /** Sends an event now (body = raw JSON text; default the preview), optionally tampered. */
    trigger(connectionId: string, eventType: string, options?: { body?: string; tamper?: TamperKind | null }): SentEvent;
    deliveries(filter?: { eventId?: string; limit?: number }): DeliveryRecord[];
    /** Resolves when no delivery attempt is on the wire. */
    idle(): Promise<void>;
  };
  /** Writes pending state to the state file. */
  flush(): Promise<void>;
  /** Stops listening, drops open connections and writes state. */
  close(): Promise<void>;
}

export async function startSimulator(options: SimulatorOptions = {}): Promise<RunningSimulator> {
  const port = options.port ?? 0;
  if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new RangeError('port must be an integer in [0, 65535]');
  const clock = options.clock instanceof ControllableClock ? options.clock : new ControllableClock(options.clock);
  const core = new SimulatorCore({
    seed: options.seed ?? 1,
    clock,
    stateFile: options.stateFile ?? null,
    credentials: options.credentials ?? null,
    clientType: options.clientType ?? 'sandbox',
    jobTiming: { ...DEFAULT_JOB_TIMING, ...options.jobTiming },
    rateLimits: options.rateLimits ?? true,
    log: options.log ?? ((line) => console.error(line)),
    ...(options.webhooks ? { webhooks: options.webhooks } : {}),
  });
  // Deduction jobs' writes (enrollments) take effect when the job completes.
  core.jobs.applyManual = (connection, job) => applyManualJob(core, connection, job);
  const triggerTarget = (
    connectionId: string,
    eventType: string,
  ): { connection: NonNullable<ReturnType<typeof core.store.connections.get>>; type: WebhookEventType } => {
    const connection = core.store.connections.get(connectionId);
    if (!connection) throw new RangeError(`No connection ${connectionId} in this simulator.`);
    if (!isWebhookEventType(eventType)) throw new RangeError(`Unknown webhook event type ${eventType}.`);
    return { connection, type: eventType };
  };
  const handler = createRequestHandler({
    core,
    router: new Router(FINCH_ROUTES),
    admin: createAdminHandler(core),
    connectPage: createConnectPageHandler(core),
  });
  const server = createServer({ keepAliveTimeout: 65_000 }, handler);
  const sockets = new Set<Socket>();
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  // Unparseable HTTP never reaches the handler; still answer with a Finch-shaped error.
  server.on('clientError', (_error, socket) => {
    if (!socket.writable) {
      socket.destroy();
      return;
    }
    const body = JSON.stringify(errorBody(400, 'invalid_request_error', 'malformed_http_request', 'The HTTP request could not be parsed.'));
    socket.end(
      `HTTP/1.1 400 Bad Request\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  core.baseUrl = `http://127.0.0.1:${address.port}`;

  let closed: Promise<void> | null = null;
  return {
    baseUrl: core.baseUrl,
    connectUrl: core.connectUrl,
    port: address.port,
    clock,
    admin: {
      addFault: (rule) => core.faults.add(rule),
      removeFault: (id) => core.faults.remove(id),
      clearFaults: () => core.faults.clear(),
      reset: () => core.reset(),
      setRateLimitsEnabled: (enabled) => {
        core.rateLimiter.enabled = enabled;
      },
      runPayroll: (connectionId, type) => runPayroll(core, connectionId, type ?? 'regular_payroll'),
    },
    webhooks: {
      register: (input) => core.webhooks.register(input),
      unregister: (id) => core.webhooks.unregister(id),
      endpoints: () => core.webhooks.endpoints.list().map(({ id, url, secret }) => ({ id, url, secret })),
      preview: (connectionId, eventType) => {
        const { connection, type } = triggerTarget(connectionId, eventType);
        return core.webhooks.preview(connection, type);
      },
      trigger: (connectionId, eventType, options = {}) => {
        const { connection, type } = triggerTarget(connectionId, eventType);
        return core.webhooks.send(
          connection,
          type,
          options.body ?? JSON.stringify(core.webhooks.preview(connection, type)),
          options.tamper ?? null,
        );
      },
      deliveries: (filter) => core.webhooks.deliveries(filter),
      idle: () => core.webhooks.dispatcher.idle(),
    },
    flush: () => core.store.flush(),
    close: () => {
      core.webhooks.close();
      closed ??= new Promise<void>((resolve) => {
        server.close(() => resolve());
        for (const socket of sockets) socket.destroy();
      }).then(() => core.store.flush());
      return closed;
    },
  };
}
