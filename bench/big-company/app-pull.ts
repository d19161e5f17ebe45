/**
 * The app's side of bench/big-company: main's own services — SnapshotService (the streamed
 * pull, written page by page to SQLite), CoverageService, the diff — over FinchGateway +
 * RateLimiter + RequestLog, wired as main wires them (src/main/core.ts), minus what a pull does
 * not use (the connection is handed in, its token held here instead of in the vault).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type Finch from '@tryfinch/finch-api';
import { CoverageService } from '@main/features/coverage/coverage-service';
import { SnapshotService } from '@main/features/snapshots/snapshot-service';
import type { Clock } from '@main/platform/clock';
import type { AsResponse, GatewayTarget, WithResponse } from '@main/platform/finch/gateway';
import { FinchGateway } from '@main/platform/finch/gateway';
import { RateLimiter } from '@main/platform/finch/rate-limiter';
import { OperationRegistry } from '@main/platform/operations/operations';
import { RequestLog } from '@main/platform/request-log/request-log';
import { openBulkWriter, openWorkbenchDatabase } from '@main/platform/storage/database';
import type { ConnectionLifecycle } from '@main/platform/workspace/connection-lifecycle';
import type { ConnectionService } from '@main/platform/workspace/connection-service';
import type { ConnectionView } from '@shared/domain/connection';

export const ENVIRONMENT = 'local';
export const PRODUCTS = ['company', 'directory', 'individual', 'employment', 'payment', 'pay_statement'];

export interface BenchConnection {
  connectionId: string;
  accessToken: string;
}

/** Real time plus an offset the bench moves on to empty the limiter's windows between runs (as it does the simulator's). */
export class ShiftedClock implements Clock {
  private offset = 0;
  now(): number {
    return Date.now() + this.offset;
  }
  setTimeout(fn: () => void, ms: number): () => void {
    const timer = setTimeout(fn, Math.max(0, ms));
    return () => clearTimeout(timer);
  }
  advance(ms: number): void {
    this.offset += ms;
  }
}

export function createAppSide(baseURL: string, clientId: string, clock: Clock) {
  const dir = mkdtempSync(join(tmpdir(), 'bench-big-company-'));
  const db = openWorkbenchDatabase(join(dir, 'workbench.sqlite'));
  const partsDb = openBulkWriter(db);
  const log = new RequestLog(db);
  const limiter = new RateLimiter({ clock });
  const gateway = new FinchGateway({ log, limiter, clock });
  const tokens = new Map<string, string>();
  const target = (connectionId: string): GatewayTarget => ({
    environmentId: ENVIRONMENT,
    baseURL,
    clientId,
    accessToken: tokens.get(connectionId) ?? '',
    connectionId,
  });
  const lifecycle = {
    read: <T>(_environmentId: string, connectionId: string, fn: (client: Finch) => WithResponse<T>, onAnswering?: () => void) =>
      gateway.call(target(connectionId), fn, onAnswering),
    readRaw: (_environmentId: string, connectionId: string, fn: (client: Finch) => AsResponse, onAnswering?: () => void) =>
      gateway.callRaw(target(connectionId), fn, onAnswering),
  } as unknown as ConnectionLifecycle;
  const connections = {
    get: (_environmentId: string, connectionId: string): ConnectionView => ({
      id: connectionId,
      environmentId: ENVIRONMENT,
      customerId: 'bench-customer',
      customerName: 'Big Company',
      companyId: null,
      providerId: 'gusto',
      products: PRODUCTS,
      connectionType: 'finch',
      status: 'connected',
      hasToken: true,
      createdAt: 0,
      disconnectedAt: null,
      archivedAt: null,
    }),
  } as unknown as ConnectionService;
  const operations = new OperationRegistry(() => {});
  const services = { db, partsDb, lifecycle, connections, operations, now: () => clock.now() };
  return {
    db,
    snapshots: new SnapshotService(services),
    coverage: new CoverageService(services),
    add(connection: BenchConnection): void {
      tokens.set(connection.connectionId, connection.accessToken);
    },
    rateLimited: () => log.search({ outcome: 'rate_limited', limit: 5000 }).length,
    close(): void {
      partsDb?.close();
      db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
