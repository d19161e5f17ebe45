/**
 * Connections of an environment: created here (sandbox) and later through Connect; their
 * access tokens go straight into the vault. Every use names its environment, and a
 * connection of another environment is refused, never silently used.
 */
import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { ConnectionView, SandboxConnectionInput } from '@shared/domain/connection';
import { employeeSizeLimit } from '@shared/domain/connection';
import { WorkbenchError } from '../errors';
import type { EnvironmentService } from './environment-service';
import type { SimulatorAddress } from './targets';
import { applicationTarget, endpointsOf } from './targets';
import type { FinchGateway, GatewayTarget } from '../finch/gateway';
import type { SecretVault } from '../secrets/secret-vault';
import { secretRefs } from '../secrets/secret-vault';
import type { ConnectionRow } from './connection-store';
import { prepareConnectionStatements } from './connection-store';
import { assertTokenBelongs, requireSandboxEnvironment } from './environment-rules';

export interface ConnectionServiceOptions {
  db: Database.Database;
  vault: SecretVault;
  environments: EnvironmentService;
  gateway: FinchGateway;
  simulator: () => SimulatorAddress | null;
  onChanged: (environmentId: string) => void;
  /** Removes known secrets from an event's detail before it is stored (messages can quote a token). */
  scrub?: (text: string) => string;
  now?: () => number;
}

export class ConnectionService {
  private readonly statements: ReturnType<typeof prepareConnectionStatements>;
  private readonly now: () => number;

  constructor(private readonly options: ConnectionServiceOptions) {
    this.statements = prepareConnectionStatements(options.db);
    this.now = options.now ?? Date.now;
  }

  list(environmentId: string): ConnectionView[] {
    this.options.environments.get(environmentId);
    return (this.statements.list.all(environmentId) as ConnectionRow[]).map((row) => this.view(row));
  }

  /** POST /sandbox/connections: a connection without Connect, in a sandbox environment only. */
  async createSandbox(environmentId: string, input: SandboxConnectionInput): Promise<ConnectionView> {
    const env = this.options.environments.get(environmentId);
    requireSandboxEnvironment(env, 'Sandbox connections can be created');
    const limit = employeeSizeLimit(env.kind);
    if (input.employeeSize !== undefined && input.employeeSize > limit.max)
      throw new WorkbenchError('validation', `At most ${limit.max.toLocaleString('en-US')} employees here (${limit.why}).`, {
        fields: [{ path: 'employeeSize', message: `must be at most ${limit.max.toLocaleString('en-US')} (${limit.why})` }],
      });
    const target = applicationTarget(env, this.options.simulator(), this.options.vault);
    const result = await this.options.gateway.call(target, (client) =>
      client.sandbox.connections.create({
        provider_id: input.providerId,
        ...(input.authenticationType ? { authentication_type: input.authenticationType } : {}),
        ...(input.employeeSize ? { employee_size: input.employeeSize } : {}),
        ...(input.products ? { products: input.products } : {}),
      }),
    );
    const customer = {
      customerId: `cust_${randomUUID().slice(0, 8)}`,
      customerName: input.customerName ?? 'Sandbox test customer',
      customerEmail: null,
    };
    // The size asked for is kept on the event: it is what "how many people" shows before any read.
    return this.storeNew(environmentId, result.data.access_token, customer, [result.requestId], 'sandbox_connection_created', {
      employeeSize: input.employeeSize ?? null,
    });
  }

  /**
   * Stores a new access token: introspects it (what connection, company, provider, products,
   * status), records customer and connection, and puts the token in the vault.
   */
  async storeNew(
    environmentId: string,
    accessToken: string,
    customer: { customerId: string; customerName: string; customerEmail: string | null },
    requestIds: (string | null)[],
    eventType = 'connect_succeeded',
    eventDetail: Record<string, unknown> = {},
  ): Promise<ConnectionView> {
    const env = this.options.environments.get(environmentId);
    const endpoints = endpointsOf(env, this.options.simulator());
    const info = await this.options.gateway.call(
      { environmentId, baseURL: endpoints.apiBaseUrl, clientId: endpoints.clientId, accessToken },
      (client) => client.account.introspect(),
    );
    const data = info.data;
    const connectionId = data.connection_id ?? data.account_id;
    if (!connectionId)
      throw new WorkbenchError('finch_error', 'Finch did not say which connection this token belongs to.', {
        ...(info.requestId ? { requestId: info.requestId } : {}),
      });
    assertTokenBelongs(env, data.client_type ?? null, info.requestId);
    const customerId = data.customer_id ?? customer.customerId;
    const t = this.now();
    this.options.db.transaction(() => {
      this.statements.upsertCustomer.run({
        environmentId,
        id: customerId,
        name: data.customer_name ?? customer.customerName,
        email: data.customer_email ?? customer.customerEmail,
        createdAt: t,
      });
      this.statements.insert.run({
        environmentId,
        id: connectionId,
        customerId,
        companyId: data.company_id ?? null,
        providerId: data.provider_id ?? null,
        products: JSON.stringify(data.products ?? []),
        clientType: data.client_type ?? null,
        connectionType: data.connection_type ?? null,
        status: data.connection_status?.status ?? 'connected',
        createdAt: t,
      });
      this.recordEvent(environmentId, connectionId, customerId, eventType, { providerId: data.provider_id ?? null, ...eventDetail }, [
        ...requestIds,
        info.requestId,
      ]);
    })();
    this.options.vault.put(secretRefs.accessToken(environmentId, connectionId), accessToken);
    this.options.onChanged(environmentId);
    return this.view(this.require(environmentId, connectionId));
  }

  /** Adds an event to the timeline; returns its id (so an attempt can later link it to its connection). */
  recordEvent(
    environmentId: string,
    connectionId: string | null,
    customerId: string | null,
    type: string,
    detail: Record<string, unknown>,
    requestIds: (string | null)[],
  ): number {
    const { lastInsertRowid } = this.statements.insertEvent.run({
      time: this.now(),
      environmentId,
      connectionId,
      customerId,
      type,
      detail: (this.options.scrub ?? String)(JSON.stringify(detail)),
      requestIds: JSON.stringify(requestIds.filter((id): id is string => id !== null)),
    });
    return Number(lastInsertRowid);
  }

  /** Gives events recorded before a connection existed (a Connect attempt's) to that connection. */
  linkEvents(environmentId: string, connectionId: string, eventIds: readonly number[]): void {
    this.options.db.transaction(() => {
      for (const id of eventIds) this.statements.linkEvent.run(connectionId, environmentId, id);
    })();
  }

  /**
   * Hides a disconnected connection from the lists (its row and history stay; `unarchive`
   * shows it again). A live connection is refused: it would still be billed, out of sight.
   */
  archive(environmentId: string, connectionId: string): ConnectionView {
    const row = this.require(environmentId, connectionId);
    if (row.archivedAt !== null) return this.view(row);
    if (row.disconnectedAt === null) {
      throw new WorkbenchError('conflict', `Connection ${connectionId} is still connected; disconnect it before archiving it.`);
    }
    const t = this.now();
    this.statements.archive.run(t, t, environmentId, connectionId);
    this.recordEvent(environmentId, connectionId, row.customerId, 'archived', {}, []);
    this.options.onChanged(environmentId);
    return this.get(environmentId, connectionId);
  }

  unarchive(environmentId: string, connectionId: string): ConnectionView {
    const row = this.require(environmentId, connectionId);
    if (row.archivedAt === null) return this.view(row);
    this.statements.unarchive.run(this.now(), environmentId, connectionId);
    this.recordEvent(environmentId, connectionId, row.customerId, 'unarchived', {}, []);
    this.options.onChanged(environmentId);
    return this.get(environmentId, connectionId);
  }

  /** Archives every disconnected connection not archived yet; returns how many. */
  archiveDisconnected(environmentId: string): { archived: number } {
    this.options.environments.get(environmentId);
    const t = this.now();
    const rows = this.statements.archivable.all(environmentId) as { id: string; customerId: string | null }[];
    this.options.db.transaction(() => {
      for (const row of rows) {
        this.statements.archive.run(t, t, environmentId, row.id);
        this.recordEvent(environmentId, row.id, row.customerId, 'archived', { bulk: true }, []);
      }
    })();
    if (rows.length > 0) this.options.onChanged(environmentId);
    return { archived: rows.length };
  }

  /** How many people the connection's company has, as far as this computer knows (null: unknown). */
  peopleKnown(environmentId: string, connectionId: string): number | null {
    const fromSnapshot = this.statements.peopleFromSnapshot.get(environmentId, connectionId) as { people: unknown } | undefined;
    if (typeof fromSnapshot?.people === 'number') return fromSnapshot.people;
    const fromCreation = this.statements.peopleFromCreation.get(environmentId, connectionId) as { people: unknown } | undefined;
    return typeof fromCreation?.people === 'number' ? fromCreation.people : null;
  }

  /** Active connections of one type (Provider Sandbox limit: 5 per application). */
  countActive(environmentId: string, connectionType: 'finch' | 'provider'): number {
    return (this.statements.countActive.get(environmentId, connectionType) as { n: number }).n;
  }

  get(environmentId: string, connectionId: string): ConnectionView {
    return this.view(this.require(environmentId, connectionId));
  }

  setStatus(environmentId: string, connectionId: string, status: string, eventType: string, requestIds: (string | null)[]): void {
    const row = this.require(environmentId, connectionId);
    this.statements.setStatus.run(status, this.now(), environmentId, connectionId);
    this.recordEvent(environmentId, connectionId, row.customerId, eventType, { status }, requestIds);
    this.options.onChanged(environmentId);
  }

  markDisconnected(environmentId: string, connectionId: string, requestIds: (string | null)[]): ConnectionView {
    const row = this.require(environmentId, connectionId);
    const t = this.now();
    this.statements.markDisconnected.run(t, t, environmentId, connectionId);
    this.recordEvent(environmentId, connectionId, row.customerId, 'disconnected', {}, requestIds);
    this.options.onChanged(environmentId);
    return this.get(environmentId, connectionId);
  }

  timeline(
    environmentId: string,
    connectionId: string,
  ): { id: number; time: number; type: string; detail: Record<string, unknown>; requestIds: string[] }[] {
    this.require(environmentId, connectionId);
    const rows = this.statements.events.all(environmentId, connectionId) as {
      id: number;
      time: number;
      type: string;
      detail: string;
      requestIds: string;
    }[];
    return rows.map((r) => ({
      id: r.id,
      time: r.time,
      type: r.type,
      detail: JSON.parse(r.detail) as Record<string, unknown>,
      requestIds: JSON.parse(r.requestIds) as string[],
    }));
  }

  /** The Bearer target of a connection, refusing one that belongs to another environment. */
  target(environmentId: string, connectionId: string): GatewayTarget {
    const row = this.require(environmentId, connectionId);
    const env = this.options.environments.get(environmentId);
    const ref = secretRefs.accessToken(environmentId, row.id);
    if (!this.options.vault.has(ref))
      throw new WorkbenchError('reauth_required', 'This connection has no access token stored; reconnect it.');
    const endpoints = endpointsOf(env, this.options.simulator());
    return {
      environmentId,
      baseURL: endpoints.apiBaseUrl,
      clientId: endpoints.clientId,
      connectionId: row.id,
      accessToken: this.options.vault.reveal(ref),
    };
  }

  private require(environmentId: string, connectionId: string): ConnectionRow {
    const row = this.statements.get.get(environmentId, connectionId) as ConnectionRow | undefined;
    if (row) return row;
    const elsewhere = this.statements.findAnywhere.get(connectionId) as { environmentId: string } | undefined;
    if (elsewhere) this.options.environments.assertSameEnvironment(environmentId, elsewhere.environmentId, `Connection ${connectionId}`);
    throw new WorkbenchError('not_found', `No connection ${connectionId} in this environment.`);
  }

  private view(row: ConnectionRow): ConnectionView {
    return {
      id: row.id,
      environmentId: row.environmentId,
      customerId: row.customerId,
      customerName: row.customerName,
      companyId: row.companyId,
      providerId: row.providerId,
      products: JSON.parse(row.products) as string[],
      connectionType: row.connectionType,
      status: row.status,
      hasToken: this.options.vault.has(secretRefs.accessToken(row.environmentId, row.id)),
      createdAt: row.createdAt,
      disconnectedAt: row.disconnectedAt,
      archivedAt: row.archivedAt,
    };
  }
}
