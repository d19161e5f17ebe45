/**
 * The app's way to call Finch: FinchGateway with its RateLimiter and RequestLog, on the
 * simulator's (sped-up) clock, exactly as main wires them (see src/main/core.ts). The
 * request log, not this file, says how many 429s the app met: it records every attempt.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { scaledClock } from '@main/platform/clock';
import type { GatewayTarget } from '@main/platform/finch/gateway';
import { FinchGateway } from '@main/platform/finch/gateway';
import { RateLimiter } from '@main/platform/finch/rate-limiter';
import { RequestLog } from '@main/platform/request-log/request-log';
import type { RunningSimulator } from '@simulator';
import { openWorkbenchDatabase } from '@main/platform/storage/database';
import type { Caller } from './refresh';

export interface GatewayCaller extends Caller {
  /** Attempts answered 429, as the app's own request log recorded them. */
  rateLimitedAttempts(): number;
  attempts(): number;
  /** Resolves at the first attempt answered 429 (the app's goal is none). */
  firstRateLimit(): Promise<void>;
  close(): void;
}

/** `withoutLimiter` exists to show the bench catching it: the app's path with the limiter switched off. */
export function createGatewayCaller(sim: RunningSimulator, clientId: string, withoutLimiter = false): GatewayCaller {
  const clock = scaledClock(sim.clock);
  const dir = mkdtempSync(join(tmpdir(), 'bench-fleet-'));
  const db = openWorkbenchDatabase(join(dir, 'workbench.sqlite'));
  const log = new RequestLog(db);
  const limiter = new RateLimiter({ clock, ...(withoutLimiter ? { limits: {} } : {}) });
  const gateway = new FinchGateway({ log, limiter, clock });
  let stopListening: () => void = () => {};
  const firstRateLimit = new Promise<void>((resolve) => {
    stopListening = log.onAppend((entry) => {
      if (entry.status === 429) resolve();
    });
  });
  return {
    async call(connection, fn) {
      const target: GatewayTarget = {
        environmentId: 'local',
        baseURL: sim.baseUrl,
        clientId,
        accessToken: connection.accessToken,
        connectionId: connection.connectionId,
      };
      return (await gateway.call(target, fn)).data;
    },
    rateLimitedAttempts: () => log.search({ outcome: 'rate_limited', limit: 5000 }).length,
    attempts: () => log.count(),
    firstRateLimit: () => firstRateLimit,
    close() {
      stopListening();
      db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
