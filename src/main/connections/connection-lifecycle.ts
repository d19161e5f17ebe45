/**
 * What happens to a connection after it is made: reads that discover it needs reauth,
 * disconnecting (billing stops, no reconnect), importing a token made elsewhere. Every
 * change is an event on the connection's timeline with the request ids involved.
 */
import type { ConnectionView } from '../../shared/domain/connection';
import { WorkbenchError } from '../errors';
import type { EnvironmentService } from '../environments/environment-service';
import { assertTokenBelongs, needsTypedConfirmation } from '../environments/environment-rules';
import type { SimulatorAddress } from '../environments/targets';
import { endpointsOf } from '../environments/targets';
import type { CallResult, FinchGateway } from '../finch/gateway';
import type Finch from '@tryfinch/finch-api';
import type { SecretVault } from '../secrets/secret-vault';
import { secretRefs } from '../secrets/secret-vault';
import type { ConnectionService } from './connection-service';
import { requireSandboxEnvironment } from '../environments/environment-rules';

export interface LifecycleOptions {
  environments: EnvironmentService;
  connections: ConnectionService;
  gateway: FinchGateway;
  vault: SecretVault;
  simulator: () => SimulatorAddress | null;
}

type WithResponse<T> = { withResponse(): Promise<{ data: T; response: Response }> };

export class ConnectionLifecycle {
  constructor(private readonly options: LifecycleOptions) {}

  /**
   * A read on behalf of a connection. A disconnected connection is refused without calling
   * Finch; a 401 reauthenticate_user flips the connection to "reauth" everywhere it shows.
   */
  async read<T>(environmentId: string, connectionId: string, fn: (client: Finch) => WithResponse<T>): Promise<CallResult<T>> {
    const connection = this.options.connections.get(environmentId, connectionId);
    if (connection.disconnectedAt !== null) {
      throw new WorkbenchError(
        'conflict',
        `This connection was disconnected on ${new Date(connection.disconnectedAt).toISOString().slice(0, 10)}; the app no longer calls Finch for it.`,
      );
    }
    try {
      return await this.options.gateway.call(this.options.connections.target(environmentId, connectionId), fn);
    } catch (error) {
      if (error instanceof WorkbenchError && error.kind === 'reauth_required' && connection.status !== 'reauth') {
        this.options.connections.setStatus(environmentId, connectionId, 'reauth', 'reauth_required', [error.details.requestId ?? null]);
      }
      throw error;
    }
  }

  /** POST /disconnect. Production asks for the customer's name, typed. */
  async disconnect(environmentId: string, connectionId: string, confirmName?: string): Promise<ConnectionView> {
    const env = this.options.environments.get(environmentId);
    const connection = this.options.connections.get(environmentId, connectionId);
    if (connection.disconnectedAt !== null) return connection;
    const name = connection.customerName ?? connection.id;
    if (needsTypedConfirmation(env.kind) && confirmName !== name) {
      throw new WorkbenchError('validation', `Type “${name}” to disconnect this Production connection: billing stops and it cannot be reconnected.`, {
        fields: [{ path: 'confirmName', message: 'does not match the customer name' }],
      });
    }
    const result = await this.options.gateway.call(this.options.connections.target(environmentId, connectionId), (client) =>
      client.account.disconnect(),
    );
    this.options.vault.delete(secretRefs.accessToken(environmentId, connectionId));
    return this.options.connections.markDisconnected(environmentId, connectionId, [result.requestId]);
  }

  /** Disconnects every live connection of a Sandbox environment (test clean-up). */
  async disconnectAllSandbox(environmentId: string): Promise<{ disconnected: number; failed: { id: string; message: string }[] }> {
    const env = this.options.environments.get(environmentId);
    requireSandboxEnvironment(env, 'Bulk clean-up runs');
    const live = this.options.connections.list(environmentId).filter((c) => c.disconnectedAt === null);
    const failed: { id: string; message: string }[] = [];
    for (const c of live) {
      await this.disconnect(environmentId, c.id).catch((e: Error) => failed.push({ id: c.id, message: e.message }));
    }
    return { disconnected: live.length - failed.length, failed };
  }

  /**
   * Stores an access token made elsewhere, after introspecting it: a token of another
   * application or environment is refused and nothing is stored.
   */
  async importToken(environmentId: string, accessToken: string, customerName: string | undefined): Promise<ConnectionView> {
    const env = this.options.environments.get(environmentId);
    const endpoints = endpointsOf(env, this.options.simulator());
    const info = await this.options.gateway.call(
      { environmentId, baseURL: endpoints.apiBaseUrl, clientId: endpoints.clientId, accessToken },
      (client) => client.account.introspect(),
    );
    const clientId = (info.data as { client_id?: string }).client_id;
    if (clientId && clientId !== endpoints.clientId) {
      throw new WorkbenchError('forbidden', `This token belongs to application …${clientId.slice(-4)}, not to “${env.name}” (…${endpoints.clientId.slice(-4)}). Import it into its own environment.`, {
        ...(info.requestId ? { requestId: info.requestId } : {}),
      });
    }
    assertTokenBelongs(env, info.data.client_type ?? null, info.requestId);
    return this.options.connections.storeNew(
      environmentId, accessToken,
      { customerId: `cust_import_${(info.data.connection_id ?? 'x').slice(0, 8)}`, customerName: customerName ?? 'Imported connection', customerEmail: null },
      [info.requestId], 'token_imported',
    );
  }
}
