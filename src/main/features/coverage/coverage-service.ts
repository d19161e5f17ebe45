/**
 * Field coverage of a connection: one full pull (as an operation with progress and cancel),
 * measured against the spec's field catalog and set beside what GET /providers claims, then
 * stored (counts only) with the time and the request ids it came from.
 */
import type Database from 'better-sqlite3';
import type { CatalogProduct, CoverageRunView, ProductCoverage } from '@shared/domain/coverage';
import { COVERAGE_PRODUCTS } from '@shared/domain/coverage';
import { FIELD_CATALOG } from '@shared/domain/field-catalog';
import type { ConnectionLifecycle } from '@main/platform/workspace/connection-lifecycle';
import type { ConnectionService } from '@main/platform/workspace/connection-service';
import { WorkbenchError } from '@main/platform/errors';
import type { OperationRegistry } from '@main/platform/operations/operations';
import type { ConnectionPull } from '@main/platform/reads/connection-pull';
import { pullConnection, pullRequestIds } from '@main/platform/reads/connection-pull';
import { CoverageStore } from './coverage-store';
import { measureFields, unknownFields } from './measure';
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
        const [claimsRead, pull] = await Promise.all([
          this.readClaims(environmentId, input.connectionId, connection.providerId),
          pullConnection(this.options.lifecycle, environmentId, input.connectionId, {
            startDate: input.startDate,
            endDate: input.endDate,
            granted: connection.products,
            operation,
            includeSsn: connection.products.includes('ssn'),
          }),
        ]);
        operation.checkCancelled();
        const products = COVERAGE_PRODUCTS.map((product) => measureProduct(product, pull, claimsRead.claims));
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
          requestIds: [...claimsRead.requestIds, ...pullRequestIds(pull)],
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

/** The raw records of one product in a pull: batch items count only when their code is 200. */
export function recordsOf(pull: ConnectionPull, product: CatalogProduct): unknown[] {
  switch (product) {
    case 'company':
      return pull.company ? [pull.company] : [];
    case 'directory':
      return pull.directory;
    case 'individual':
      return pull.individuals.filter((i) => i.code === 200).map((i) => i.body);
    case 'employment':
      return pull.employments.filter((i) => i.code === 200).map((i) => i.body);
    case 'payment':
      return pull.payments;
    case 'pay_statement':
      return pull.payStatements.flatMap((p) => p.statements);
  }
}

function itemCodesOf(pull: ConnectionPull, product: CatalogProduct): Record<string, number> {
  const items =
    product === 'individual'
      ? pull.individuals
      : product === 'employment'
        ? pull.employments
        : product === 'pay_statement'
          ? pull.payStatements
          : [];
  const codes: Record<string, number> = {};
  for (const item of items) {
    const code = String(item.code ?? 'none');
    codes[code] = (codes[code] ?? 0) + 1;
  }
  return codes;
}

export function measureProduct(product: CatalogProduct, pull: ConnectionPull, claims: ProviderClaims): ProductCoverage {
  const records = recordsOf(pull, product);
  const catalog = FIELD_CATALOG[product];
  const codes = itemCodesOf(pull, product);
  const state = pull.products[product];
  return {
    product,
    status: state.status,
    message: state.message,
    records: records.length,
    itemErrors: Object.entries(codes).reduce((sum, [code, n]) => (code === '200' ? sum : sum + n), 0),
    itemCodes: codes,
    fields: measureFields(records, catalog, (path) => claims.supported(product, path)),
    unknownFields: unknownFields(records, catalog),
    providerOffers: claims.offers(product),
    requestIds: state.requestIds,
  };
}
