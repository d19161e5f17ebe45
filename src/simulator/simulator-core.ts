/**
 * The simulator's shared services, built once per running simulator and handed to every
 * route: state, clock, generated data, rate limiter, fault injector, jobs, connections and
 * Connect sessions. No HTTP here; server/http-server.ts drives it.
 */
import { randomUUID } from 'node:crypto';
import type { ControllableClock } from './clock';
import { Datasets } from './state/datasets';
import { FaultInjector } from './policy/faults';
import { RateLimiter } from './policy/rate-limit';
import { sameSecret } from './secrets';
import { ConnectionBook } from './state/connections';
import type { JobTiming } from './state/jobs';
import { JobBook } from './state/jobs';
import { StateStore } from './state/state-store';
import type { ClientType, ConnectionRecord, SessionRecord } from './model/types';
import type { WebhookOptions } from './webhooks/webhook-service';
import { SimulatorWebhooks } from './webhooks/webhook-service';

export interface ClientCredentials {
  clientId: string;
  clientSecret: string;
}

export interface CoreOptions {
  seed: number;
  clock: ControllableClock;
  stateFile: string | null;
  /** Only this pair is accepted; otherwise any non-empty pair is its own application. */
  credentials: ClientCredentials | null;
  clientType: ClientType;
  jobTiming: JobTiming;
  rateLimits: boolean;
  log: (line: string) => void;
  webhooks?: WebhookOptions;
}

export const DEFAULT_SESSION_MINUTES = 20_160; // 14 days
export const DEFAULT_REAUTH_SESSION_MINUTES = 43_200; // 30 days (FINCH.md)
export const PROVIDER_SANDBOX_LIMIT = 5;

export class SimulatorCore {
  readonly store: StateStore;
  readonly datasets: Datasets;
  readonly rateLimiter: RateLimiter;
  readonly faults = new FaultInjector();
  readonly jobs: JobBook;
  readonly connections: ConnectionBook;
  readonly clock: ControllableClock;
  /** Signed webhook events to registered endpoints (webhooks/README section in ../README.md). */
  readonly webhooks: SimulatorWebhooks;
  /** Set once the server listens: `http://127.0.0.1:PORT`. */
  baseUrl = '';

  constructor(readonly options: CoreOptions) {
    this.clock = options.clock;
    this.store = new StateStore(options.stateFile, options.log);
    this.store.prune(this.clock.now());
    this.datasets = new Datasets(options.seed, this.store);
    this.rateLimiter = new RateLimiter(this.clock);
    this.rateLimiter.enabled = options.rateLimits;
    this.jobs = new JobBook(this.store, options.jobTiming);
    this.jobs.isHeld = (faultId) => this.faults.isActive(faultId);
    this.connections = new ConnectionBook(this.store, this.jobs, this.clock, options.seed);
    this.webhooks = new SimulatorWebhooks(
      {
        store: this.store,
        clock: this.clock,
        datasets: this.datasets,
        baseUrl: () => this.baseUrl,
        settle: (c) => this.refresh(c),
        log: options.log,
      },
      options.webhooks,
    );
    // A connection's first sync becomes a listed job: at once, or when an assisted setup completes.
    this.jobs.onApplied = (connection, job, before) => {
      const initial =
        job.type === 'assisted_setup' && job.completionStatus === 'complete'
          ? this.jobs.recordInitialSync(connection, job.completeAt)
          : null;
      this.webhooks.jobApplied(connection, job, before, initial);
    };
    this.connections.onCreated = (connection) => {
      if (connection.authenticationType !== 'assisted')
        this.webhooks.connectionCreated(connection, this.jobs.recordInitialSync(connection, this.clock.now()));
    };
  }

  get connectUrl(): string {
    return this.baseUrl;
  }

  /** Origins this server is reached at from a browser (127.0.0.1 or localhost, same port). */
  isOwnOrigin(origin: string): boolean {
    const port = new URL(this.baseUrl).port;
    return origin === this.baseUrl || origin === `http://localhost:${port}` || origin === `http://[::1]:${port}`;
  }

  /** Is this client_id/client_secret pair an application here? */
  isValidClient(clientId: string, clientSecret: string): boolean {
    if (clientId.length === 0 || clientSecret.length === 0) return false;
    const only = this.options.credentials;
    if (!only) return true;
    return clientId === only.clientId && sameSecret(clientSecret, only.clientSecret);
  }

  /** Settles due jobs so the connection's status and sync times are current. */
  refresh(connection: ConnectionRecord): void {
    this.jobs.settle(connection, this.clock.now());
  }

  createSession(fields: Omit<SessionRecord, 'id' | 'createdAt' | 'expiresAt' | 'completedAt'>, minutesToExpire: number): SessionRecord {
    const now = this.clock.now();
    const session: SessionRecord = {
      ...fields,
      id: randomUUID(),
      createdAt: now,
      expiresAt: now + minutesToExpire * 60_000,
      completedAt: null,
    };
    this.store.addSession(session);
    return session;
  }

  /** Wipes connections, sessions, edits, faults and rate-limit windows. */
  reset(): void {
    this.store.reset();
    this.datasets.clear();
    this.faults.clear();
    this.rateLimiter.clear();
    this.webhooks.reset();
  }
}
