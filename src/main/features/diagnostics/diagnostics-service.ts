/**
 * Diagnostics for the engineer: explain any logged attempt, show Connect traces, and run a
 * health check of a connection (token, status per product, last sync, rate-limit headroom),
 * each problem with its explanation and the request ids to quote.
 */
import type { ConnectTrace, Explanation, HealthCheck } from '@shared/domain/diagnostics';
import type { ConnectionLifecycle } from '@main/platform/workspace/connection-lifecycle';
import type { ConnectionService } from '@main/platform/workspace/connection-service';
import type { EnvironmentService } from '@main/platform/workspace/environment-service';
import type { SimulatorAddress } from '@main/platform/workspace/targets';
import { endpointsOf } from '@main/platform/workspace/targets';
import { WorkbenchError } from '@main/platform/errors';
import type { RateLimiter } from '@main/platform/finch/rate-limiter';
import type { RequestLog } from '@main/platform/request-log/request-log';
import type { ConnectTraces } from '@main/platform/connect-traces/connect-trace';
import { explain, needsExplanation } from '@main/platform/explainer/explainer';
import type { Observed } from '@main/platform/explainer/explainer';

export interface DiagnosticsOptions {
  requestLog: RequestLog;
  connections: ConnectionService;
  lifecycle: ConnectionLifecycle;
  environments: EnvironmentService;
  limiter: RateLimiter;
  traces: ConnectTraces;
  simulator: () => SimulatorAddress | null;
  now?: () => number;
}

/** What a connection status means, phrased as the Finch answer that status produces. */
const STATUS_AS_ANSWER: Record<string, Observed> = {
  reauth: { status: 401, finchCode: 'reauthenticate_user' },
  pending: { status: 202, finchCode: 'pending' },
  processing: { status: 202, finchCode: 'data_sync_in_progress' },
  error_permissions: { status: 403, finchCode: 'error_permissions' },
};

export class DiagnosticsService {
  constructor(private readonly options: DiagnosticsOptions) {}

  /** The explanation for one logged attempt, or null when it went as expected. */
  explainRequest(environmentId: string, logId: number): Explanation | null {
    const entry = this.options.requestLog.get(logId);
    if (!entry || entry.environmentId !== environmentId)
      throw new WorkbenchError('not_found', 'No such logged request in this environment.');
    let connection: Observed['connection'];
    if (entry.connectionId) {
      try {
        const c = this.options.connections.get(environmentId, entry.connectionId);
        connection = { status: c.status, recentlyReauthOrRevoked: c.status === 'reauth' || c.disconnectedAt !== null };
      } catch {
        connection = undefined;
      }
    }
    const observed: Observed = {
      status: entry.status,
      finchCode: entry.finchCode,
      errorName: entry.errorName,
      message: entry.message,
      path: entry.path,
      outcome: entry.outcome,
      requestIds: [entry.requestId],
      ...(connection ? { connection } : {}),
    };
    return needsExplanation(observed) ? explain(observed) : null;
  }

  /** The same, for a Finch-Request-ID (what the explorer and drills hold). */
  explainRequestId(environmentId: string, requestId: string): Explanation | null {
    const entry = this.options.requestLog.findByRequestId(requestId).find((e) => e.environmentId === environmentId);
    return entry ? this.explainRequest(environmentId, entry.id) : null;
  }

  connectTraces(environmentId: string): ConnectTrace[] {
    return this.options.traces.list(environmentId);
  }

  async healthCheck(environmentId: string, connectionId: string): Promise<HealthCheck> {
    const env = this.options.environments.get(environmentId);
    const clientId = endpointsOf(env, this.options.simulator()).clientId;
    const problems: Explanation[] = [];
    const rateLimits = this.options.limiter.readings(clientId).map((r) => ({ product: r.product, used: r.used, limit: r.limit }));
    for (const r of rateLimits) {
      if (r.used >= r.limit) problems.push(explain({ status: 429, finchCode: 'finch_application_rl', requestIds: [] }));
    }
    try {
      const result = await this.options.lifecycle.read(environmentId, connectionId, (client) => client.account.introspect());
      const info = result.data;
      const status = info.connection_status?.status ?? 'connected';
      // What Finch says now wins over what was stored (e.g. the provider revoked access).
      if (status !== this.options.connections.get(environmentId, connectionId).status) {
        this.options.connections.setStatus(environmentId, connectionId, status, 'status_observed', [result.requestId]);
      }
      const products = (info.authentication_methods ?? []).flatMap((m) =>
        (m.products ?? []).map((product) => ({ product, status: m.connection_status?.status ?? status })),
      );
      for (const s of new Set([status, ...products.map((p) => p.status)])) {
        const answer = STATUS_AS_ANSWER[s];
        if (answer) problems.push(explain({ ...answer, requestIds: [result.requestId] }));
        else if (s !== 'connected')
          problems.push(explain({ status: null, finchCode: s, path: '/introspect', requestIds: [result.requestId] }));
      }
      return {
        connectionId,
        checkedAt: Date.now(),
        tokenValid: true,
        status,
        lastSuccessfulSync: info.connection_status?.last_successful_sync ?? null,
        products,
        rateLimits,
        requestId: result.requestId,
        problems,
      };
    } catch (error) {
      if (!(error instanceof WorkbenchError)) throw error;
      const logged = error.details.requestId ? this.options.requestLog.findByRequestId(error.details.requestId)[0] : undefined;
      problems.unshift(
        logged
          ? explain({
              status: logged.status,
              finchCode: logged.finchCode,
              message: logged.message,
              path: logged.path,
              requestIds: [logged.requestId],
            })
          : {
              ruleId: null,
              title: 'The check could not run',
              meaning: error.message,
              nextStep: 'Fix what the message says and check again.',
              requestIds: [],
            },
      );
      return {
        connectionId,
        checkedAt: Date.now(),
        tokenValid: false,
        status: this.options.connections.get(environmentId, connectionId).status,
        lastSuccessfulSync: null,
        products: [],
        rateLimits,
        requestId: error.details.requestId ?? null,
        problems,
      };
    }
  }
}
