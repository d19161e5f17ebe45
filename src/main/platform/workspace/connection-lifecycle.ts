/**
 * What happens to a connection after it is made: reads that discover it needs reauth,
 * disconnecting (billing stops, no reconnect), importing a token made elsewhere. Every
 * change is an event on the connection's timeline with the request ids involved.
 */
import type { BulkDisconnectTarget, ConnectionEntities, ConnectionEntity, ConnectionView } from '@shared/domain/connection';
import { WorkbenchError } from '../errors';
import type { EnvironmentService } from './environment-service';
import { assertTokenBelongs, needsTypedConfirmation } from './environment-rules';
import type { SimulatorAddress } from './targets';
import { endpointsOf } from './targets';
import type { CallResult, FinchGateway } from '../finch/gateway';
import type Finch from '@tryfinch/finch-api';
import type { SecretVault } from '../secrets/secret-vault';
import { secretRefs } from '../secrets/secret-vault';
import type { ConnectionService } from './connection-service';
import { requireSandboxEnvironment } from './environment-rules';
import type { AsResponse, GatewayTarget, RawAnswer, WithResponse } from '../finch/gateway';
import { requireCustomerNameTyped } from './typed-confirmation';

const text = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);

/** GET /introspect `entities` as rows (absent on single-entity providers: then none). */
export function entitiesOf(introspection: unknown): ConnectionEntity[] {
  const list = (introspection as { entities?: unknown } | null)?.entities;
  if (!Array.isArray(list)) return [];
  return list.flatMap((e): ConnectionEntity[] => {
    const entity = (e ?? {}) as Record<string, unknown>;
    const id = text(entity['id']);
    return id ? [{ id, name: text(entity['name']), sourceId: text(entity['source_id']), status: text(entity['status']) }] : [];
  });
}

export interface LifecycleOptions {
  environments: EnvironmentService;
  connections: ConnectionService;
  gateway: FinchGateway;
  vault: SecretVault;
  simulator: () => SimulatorAddress | null;
}

export class ConnectionLifecycle {
  constructor(private readonly options: LifecycleOptions) {}

  /**
   * A read on behalf of a connection. A disconnected connection is refused without calling
   * Finch; a 401 reauthenticate_user flips the connection to "reauth" everywhere it shows.
   */
  read<T>(
    environmentId: string,
    connectionId: string,
    fn: (client: Finch) => WithResponse<T>,
    onAnswering?: () => void,
  ): Promise<CallResult<T>> {
    return this.guard(environmentId, connectionId, (target) => this.options.gateway.call(target, fn, onAnswering));
  }

  /** A read whose answer comes as bytes, unparsed (FinchGateway.callRaw); the same guards as `read`. */
  readRaw(
    environmentId: string,
    connectionId: string,
    fn: (client: Finch) => AsResponse,
    onAnswering?: () => void,
  ): Promise<CallResult<RawAnswer>> {
    return this.guard(environmentId, connectionId, (target) => this.options.gateway.callRaw(target, fn, onAnswering));
  }

  private async guard<T>(
    environmentId: string,
    connectionId: string,
    send: (target: GatewayTarget) => Promise<CallResult<T>>,
  ): Promise<CallResult<T>> {
    const connection = this.options.connections.get(environmentId, connectionId);
    if (connection.disconnectedAt !== null) {
      throw new WorkbenchError(
        'conflict',
        `This connection was disconnected on ${new Date(connection.disconnectedAt).toISOString().slice(0, 10)}; the app no longer calls Finch for it.`,
      );
    }
    try {
      return await send(this.options.connections.target(environmentId, connectionId));
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
      throw new WorkbenchError(
        'validation',
        `Type “${name}” to disconnect this Production connection: billing stops and it cannot be reconnected.`,
        {
          fields: [{ path: 'confirmName', message: 'does not match the customer name' }],
        },
      );
    }
    const result = await this.options.gateway.call(this.options.connections.target(environmentId, connectionId), (client) =>
      client.account.disconnect(),
    );
    this.options.vault.delete(secretRefs.accessToken(environmentId, connectionId));
    return this.options.connections.markDisconnected(environmentId, connectionId, [result.requestId]);
  }

  /** The connection's legal entities, as introspect lists them. */
  async entities(environmentId: string, connectionId: string): Promise<ConnectionEntities> {
    const info = await this.read(environmentId, connectionId, (client) => client.account.introspect());
    return { entities: entitiesOf(info.data), requestIds: info.requestId ? [info.requestId] : [] };
  }

  /**
   * POST /disconnect-entity: these entities leave Finch, the rest of the connection stays.
   * Guarded like a disconnect (armed Production, by the handler map), and, as every write to
   * an employer's real account, the customer's name typed in Development and Production. When
   * no entity is left the connection itself is gone, so it is marked disconnected here too.
   */
  async disconnectEntity(
    environmentId: string,
    connectionId: string,
    entityIds: readonly string[],
    confirmName?: string,
  ): Promise<ConnectionEntities> {
    const env = this.options.environments.get(environmentId);
    const connection = this.options.connections.get(environmentId, connectionId);
    requireCustomerNameTyped(
      env,
      connection,
      confirmName,
      'disconnect an entity of this connection',
      'its data stops reaching Finch and it cannot be reconnected',
    );
    const before = await this.entities(environmentId, connectionId);
    const ids = [...new Set(entityIds)];
    const unknown = ids.filter((id) => !before.entities.some((e) => e.id === id));
    if (unknown.length > 0) {
      throw new WorkbenchError('validation', `Not an entity of this connection: ${unknown.join(', ')}.`, {
        fields: [{ path: 'entityIds', message: 'must be entities of this connection' }],
      });
    }
    const names = before.entities.filter((e) => ids.includes(e.id)).map((e) => e.name ?? e.id);
    let requestId: string | null;
    try {
      requestId = (await this.read(environmentId, connectionId, (client) => client.account.disconnectEntity({ entity_ids: ids })))
        .requestId;
    } catch (error) {
      const failedId = (error as { details?: { requestId?: string } }).details?.requestId ?? null;
      this.options.connections.recordEvent(
        environmentId,
        connectionId,
        null,
        'entity_disconnect_failed',
        { entityIds: ids, names, error: (error as Error).message },
        [failedId],
      );
      throw error;
    }
    this.options.connections.recordEvent(environmentId, connectionId, null, 'entity_disconnected', { entityIds: ids, names }, [requestId]);
    const left = before.entities.filter((e) => !ids.includes(e.id) && e.status !== 'disconnected');
    if (left.length === 0) {
      this.options.vault.delete(secretRefs.accessToken(environmentId, connectionId));
      this.options.connections.markDisconnected(environmentId, connectionId, [requestId]);
      return {
        entities: before.entities.map((e) => ({ ...e, status: 'disconnected' })),
        requestIds: [...before.requestIds, ...(requestId ? [requestId] : [])],
      };
    }
    const after = await this.entities(environmentId, connectionId);
    return { entities: after.entities, requestIds: [...before.requestIds, ...(requestId ? [requestId] : []), ...after.requestIds] };
  }

  /** What "Disconnect all test connections" would disconnect, for the user to review first. */
  describeDisconnectAll(environmentId: string): BulkDisconnectTarget[] {
    const env = this.options.environments.get(environmentId);
    requireSandboxEnvironment(env, 'Bulk clean-up runs');
    return this.options.connections
      .list(environmentId)
      .filter((c) => c.disconnectedAt === null)
      .map((c) => ({
        id: c.id,
        providerId: c.providerId,
        companyId: c.companyId,
        customerName: c.customerName,
        people: this.options.connections.peopleKnown(environmentId, c.id),
      }));
  }

  /**
   * Disconnects the live connections of a Sandbox environment the user reviewed: exactly the
   * ids listed, and only with `confirm` equal to how many there are (typed, like a single
   * Production disconnect's name). A list that no longer matches what is live is refused whole:
   * nothing is disconnected that the user did not see.
   */
  async disconnectAllSandbox(
    environmentId: string,
    connectionIds: readonly string[],
    confirm: string,
  ): Promise<{ disconnected: string[]; failed: { id: string; message: string }[] }> {
    const env = this.options.environments.get(environmentId);
    requireSandboxEnvironment(env, 'Bulk clean-up runs');
    const ids = [...new Set(connectionIds)];
    if (confirm.trim() !== String(ids.length)) {
      throw new WorkbenchError(
        'validation',
        `Type ${ids.length}, the number of connections to disconnect, to confirm. Disconnected connections cannot be reconnected.`,
        {
          fields: [{ path: 'confirm', message: `must be ${ids.length}` }],
        },
      );
    }
    const live = new Set(
      this.options.connections
        .list(environmentId)
        .filter((c) => c.disconnectedAt === null)
        .map((c) => c.id),
    );
    const stale = ids.filter((id) => !live.has(id));
    if (stale.length > 0) {
      throw new WorkbenchError(
        'conflict',
        `The list changed since you reviewed it (${stale.join(', ')} ${stale.length === 1 ? 'is' : 'are'} not a live connection here). Nothing was disconnected; review the list again.`,
      );
    }
    const disconnected: string[] = [];
    const failed: { id: string; message: string }[] = [];
    for (const id of ids) {
      await this.disconnect(environmentId, id).then(
        () => disconnected.push(id),
        (e: Error) => failed.push({ id, message: e.message }),
      );
    }
    return { disconnected, failed };
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
      throw new WorkbenchError(
        'forbidden',
        `This token belongs to application …${clientId.slice(-4)}, not to “${env.name}” (…${endpoints.clientId.slice(-4)}). Import it into its own environment.`,
        {
          ...(info.requestId ? { requestId: info.requestId } : {}),
        },
      );
    }
    assertTokenBelongs(env, info.data.client_type ?? null, info.requestId);
    return this.options.connections.storeNew(
      environmentId,
      accessToken,
      {
        customerId: `cust_import_${(info.data.connection_id ?? 'x').slice(0, 8)}`,
        customerName: customerName ?? 'Imported connection',
        customerEmail: null,
      },
      [info.requestId],
      'token_imported',
    );
  }
}
