/**
 * Connections of an environment: created here (sandbox) and later through Connect; their
 * access tokens go straight into the vault. Every use names its environment, and a
 * connection of another environment is refused, never silently used.
 */
import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { ConnectionView, SandboxConnectionInput } from '../../shared/domain/connection';
import { WorkbenchError } from '../errors';
import type { EnvironmentService } from '../environments/environment-service';
import type { SimulatorAddress } from '../environments/targets';
import { applicationTarget, endpointsOf } from '../environments/targets';
import type { FinchGateway, GatewayTarget } from '../finch/gateway';
import type { SecretVault } from '../secrets/secret-vault';
import { secretRefs } from '../secrets/secret-vault';
import type { ConnectionRow } from './connection-store';
import { prepareConnectionStatements } from './connection-store';

export interface ConnectionServiceOptions {
  db: Database.Database;
  vault: SecretVault;
  environments: EnvironmentService;
  gateway: FinchGateway;
  simulator: () => SimulatorAddress | null;
  onChanged: (environmentId: string) => void;
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
    if (env.kind !== 'sandbox' && env.kind !== 'local-simulator') {
      throw new WorkbenchError('validation', `Sandbox connections can only be created in a Sandbox environment; “${env.name}” is ${env.kind}.`);
    }
    const target = applicationTarget(env, this.options.simulator(), this.options.vault);
    const result = await this.options.gateway.call(target, (client) =>
      client.sandbox.connections.create({
        provider_id: input.providerId,
        ...(input.authenticationType ? { authentication_type: input.authenticationType } : {}),
        ...(input.employeeSize ? { employee_size: input.employeeSize } : {}),
        ...(input.products ? { products: input.products } : {}),
      }),
    );
    const created = result.data;
    const t = this.now();
    const customerId = `cust_${randomUUID().slice(0, 8)}`;
    this.options.db.transaction(() => {
      this.statements.upsertCustomer.run({ environmentId, id: customerId, name: input.customerName ?? 'Sandbox test customer', email: null, createdAt: t });
      this.statements.insert.run({
        environmentId, id: created.connection_id, customerId, companyId: created.company_id ?? null, providerId: created.provider_id,
        products: JSON.stringify(created.products), clientType: 'sandbox', connectionType: 'finch', status: 'connected', createdAt: t,
      });
      this.statements.insertEvent.run({
        time: t, environmentId, connectionId: created.connection_id, customerId, type: 'sandbox_connection_created',
        detail: JSON.stringify({ providerId: created.provider_id, authenticationType: created.authentication_type }),
        requestIds: JSON.stringify([result.requestId]),
      });
    })();
    this.options.vault.put(secretRefs.accessToken(environmentId, created.connection_id), created.access_token);
    this.options.onChanged(environmentId);
    return this.view(this.require(environmentId, created.connection_id));
  }

  /** The Bearer target of a connection, refusing one that belongs to another environment. */
  target(environmentId: string, connectionId: string): GatewayTarget {
    const row = this.require(environmentId, connectionId);
    const env = this.options.environments.get(environmentId);
    const ref = secretRefs.accessToken(environmentId, row.id);
    if (!this.options.vault.has(ref)) throw new WorkbenchError('reauth_required', 'This connection has no access token stored; reconnect it.');
    const endpoints = endpointsOf(env, this.options.simulator());
    return {
      environmentId, baseURL: endpoints.apiBaseUrl, clientId: endpoints.clientId, connectionId: row.id,
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
      id: row.id, environmentId: row.environmentId, customerId: row.customerId, customerName: row.customerName, companyId: row.companyId,
      providerId: row.providerId, products: JSON.parse(row.products) as string[], connectionType: row.connectionType, status: row.status,
      hasToken: this.options.vault.has(secretRefs.accessToken(row.environmentId, row.id)), createdAt: row.createdAt,
    };
  }
}
