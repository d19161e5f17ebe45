/**
 * Field coverage of a connection: one full pull (as an operation with progress and cancel),
 * streamed and measured page by page against the spec's field catalog and set beside what GET /providers claims, then
 * stored (counts only) with the time and the request ids it came from.
 */
import type Database from 'better-sqlite3';
import type { CoverageRunView } from '@shared/domain/coverage';
import { COVERAGE_PRODUCTS } from '@shared/domain/coverage';
import type { ConnectionLifecycle } from '@main/platform/workspace/connection-lifecycle';
import type { ConnectionService } from '@main/platform/workspace/connection-service';
import { WorkbenchError } from '@main/platform/errors';
import type { OperationRegistry } from '@main/platform/operations/operations';
import { outcomeRequestIds, streamConnection } from '@main/platform/reads/connection-stream';
import { CoverageStore } from './coverage-store';
import { CoverageTally } from './coverage-tally';
import type { ProviderClaims, ProviderEntry } from './provider-claims';
import { NO_CLAIMS, providerClaims } from './provider-claims';

export interface CoverageServiceOptions {
  db: Database.Database;
  lifecycle: ConnectionLifecycle;
  connections: ConnectionService;
  operations: OperationRegistry;
  now?: () => number;
}

export interface CoverageRunInput {
  connectionId: string;
  operationId: string;
  startDate: string;
  endDate: string;
}

/** What the readiness report cites as "nullable fields seen". */
export interface CoverageEvidence {
  connectionId: string;
  providerId: string | null;
  at: number;
  requestIds: string[];
  /** `product.path` of every field that came back null in at least one record. */
  nullFieldsSeen: string[];
}

export class CoverageService {
  private readonly store: CoverageStore;
  private readonly now: () => number;

  constructor(private readonly options: CoverageServiceOptions) {
    this.store = new CoverageStore(options.db);
    this.now = options.now ?? Date.now;
  }

  async run(environmentId: string, input: CoverageRunInput): Promise<CoverageRunView> {
    const connection = this.options.connections.get(environmentId, input.connectionId);
    if (connection.disconnectedAt !== null)
      throw new WorkbenchError('conflict', 'This connection is disconnected; there is nothing to measure.');
    const label = `Field coverage of ${connection.customerName ?? connection.id}`;
    return this.options.operations.start(
      label,
      async (operation) => {
        // Measured page by page as the pull streams: only counts are kept, never the records.
        const tally = new CoverageTally();
        const [claimsRead, pull] = await Promise.all([
          this.readClaims(environmentId, input.connectionId, connection.providerId),
          streamConnection(
            this.options.lifecycle,
            environmentId,
            input.connectionId,
            {
              startDate: input.startDate,
              endDate: input.endDate,
              granted: connection.products,
              operation,
              includeSsn: connection.products.includes('ssn'),
            },
            tally.sink,
          ),
        ]);
        operation.checkCancelled();
        const products = COVERAGE_PRODUCTS.map((product) => tally.product(product, pull, claimsRead.claims));
        return this.store.add({
          environmentId,
          connectionId: connection.id,
          providerId: connection.providerId,
          customerName: connection.customerName,
          authMethod: claimsRead.claims.authMethod,
          providerClaims: claimsRead.claims.state,
          at: this.now(),
          startDate: input.startDate,
          endDate: input.endDate,
          requestIds: [...claimsRead.requestIds, ...outcomeRequestIds(pull)],
          products,
        });
      },
      input.operationId,
    );
  }

  /** Stored runs of an environment, newest first. */
  runs(environmentId: string): CoverageRunView[] {
    return this.store.runs(environmentId);
  }

  deleteRun(environmentId: string, id: number): { deleted: boolean } {
    return { deleted: this.store.delete(environmentId, id) };
  }

  /** For the readiness report: each run with its time, request ids and the fields seen null. */
  coverageRuns(environmentId: string): CoverageEvidence[] {
    return this.store.runs(environmentId).map((run) => ({
      connectionId: run.connectionId,
      providerId: run.providerId,
      at: run.at,
      requestIds: run.requestIds,
      nullFieldsSeen: run.products.flatMap((p) => p.fields.filter((f) => f.nulls > 0).map((f) => `${p.product}.${f.path}`)),
    }));
  }

  /**
   * GET /providers and /introspect (for the authentication method). Failing to read them
   * costs the comparison, not the measurement.
   */
  private async readClaims(
    environmentId: string,
    connectionId: string,
    providerId: string | null,
  ): Promise<{ claims: ProviderClaims; requestIds: string[] }> {
    const { lifecycle } = this.options;
    const [providers, introspect] = await Promise.allSettled([
      lifecycle.read(environmentId, connectionId, (client) => client.providers.list()),
      lifecycle.read(environmentId, connectionId, (client) => client.account.introspect()),
    ]);
    const requestIds = [providers, introspect].flatMap((r) => (r.status === 'fulfilled' && r.value.requestId ? [r.value.requestId] : []));
    if (providers.status === 'rejected') return { claims: NO_CLAIMS, requestIds };
    const list = (providers.value.data as unknown as { items?: ProviderEntry[] }).items ?? [];
    const method = introspect.status === 'fulfilled' ? (introspect.value.data.authentication_methods?.[0]?.type ?? null) : null;
    return { claims: providerClaims(list, providerId, method), requestIds };
  }
}
