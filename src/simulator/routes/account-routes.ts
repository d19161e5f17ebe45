/**
 * Token exchange, introspection, disconnect, disconnect-entity and the provider list.
 */
import { benefitFeature } from '../data/benefits';
import { isoDateTime } from '../data/dates';
import { supportedFields } from '../data/field-support';
import type { ProviderProfile } from '../data/providers';
import { PROVIDERS } from '../data/providers';
import { errors } from '../http/finch-errors';
import type { RequestContext, RouteDef } from '../server/router';
import { requireConnection } from '../server/router';
import type { SimulatorCore } from '../simulator-core';
import type { ConnectionRecord } from '../model/types';
import { objectBody, optionalString, requirePresent, requiredString } from './input';

function statusDetail(connection: ConnectionRecord): Record<string, unknown> {
  const detail: Record<string, unknown> = {
    status: connection.status,
    last_successful_sync: connection.lastSyncAt === null ? null : isoDateTime(connection.lastSyncAt),
  };
  if (connection.statusMessage) detail['message'] = connection.statusMessage;
  return detail;
}

export function introspection(core: SimulatorCore, connection: ConnectionRecord): Record<string, unknown> {
  const company = core.store.companies.get(connection.companyId);
  const profile = company ? core.datasets.company(company).profile : null;
  return {
    id: connection.id,
    connection_id: connection.id,
    connection_status: statusDetail(connection),
    client_id: connection.clientId,
    client_type: core.options.clientType,
    connection_type: connection.connectionType,
    company_id: connection.companyId,
    account_id: connection.accountId,
    customer_id: connection.customerId,
    customer_name: connection.customerName,
    customer_email: connection.customerEmail,
    authentication_methods: [
      { type: connection.authenticationType, connection_status: statusDetail(connection), products: [...connection.products] },
    ],
    products: [...connection.products],
    username: null,
    provider_id: connection.providerId,
    payroll_provider_id: connection.providerId,
    manual: connection.authenticationType === 'assisted',
    entities: connection.entities.map((entity, index) => {
      const generated = profile?.entities[index];
      return {
        id: entity.id,
        name: generated?.name ?? null,
        source_id: generated?.sourceId ?? null,
        status: entity.status === 'disconnected' ? 'disconnected' : connection.status,
      };
    }),
  };
}

export function tokenResponse(core: SimulatorCore, connection: ConnectionRecord, accessToken: string): Record<string, unknown> {
  return {
    access_token: accessToken,
    token_type: 'bearer',
    connection_id: connection.id,
    customer_id: connection.customerId,
    customer_name: connection.customerName,
    account_id: connection.accountId,
    client_type: core.options.clientType,
    company_id: connection.companyId,
    connection_type: connection.connectionType,
    products: [...connection.products],
    provider_id: connection.providerId,
    entity_ids: connection.entities.filter((e) => e.status === 'active').map((e) => e.id),
  };
}

export function providerBody(provider: ProviderProfile, baseUrl: string): Record<string, unknown> {
  const fields = supportedFields(provider);
  const benefitsSupport: Record<string, unknown> = {};
  for (const type of provider.benefitTypes) {
    const operations = { create: 'supported', update: 'supported', delete: 'supported', read: 'supported' };
    benefitsSupport[type] = {
      supported_features: benefitFeature(type),
      supported_operations: { company_benefits: operations, individual_benefits: operations },
    };
  }
  return {
    id: provider.id,
    display_name: provider.displayName,
    products: [...provider.products],
    icon: `${baseUrl}/connect/assets/logos/${provider.id}.svg`,
    logo: `${baseUrl}/connect/assets/logos/${provider.id}.svg`,
    mfa_required: provider.mfaRequired,
    primary_color: provider.primaryColor,
    manual: provider.authMethods.length === 1 && provider.authMethods[0] === 'assisted',
    beta: provider.beta,
    authentication_methods: provider.authMethods.map((type) => ({
      type,
      benefits_support: benefitsSupport,
      supported_fields: fields,
    })),
  };
}

function exchangeCode(ctx: RequestContext) {
  const body = objectBody(ctx.body);
  const code = requiredString(body, 'code');
  const clientId = optionalString(body, 'client_id') ?? '';
  const clientSecret = optionalString(body, 'client_secret') ?? '';
  if (!ctx.core.isValidClient(clientId, clientSecret)) throw errors.invalidClient();
  const redirectUri = optionalString(body, 'redirect_uri');
  const result = ctx.core.connections.exchange(code, clientId, redirectUri);
  if (!result.ok) throw errors.invalidGrant(result.reason);
  return { status: 200, body: tokenResponse(ctx.core, result.connection, result.accessToken) };
}

function disconnectEntities(ctx: RequestContext) {
  const { core, connection } = requireConnection(ctx);
  const body = objectBody(ctx.body);
  const ids = requirePresent(body, 'entity_ids', 'a non-empty array of entity ids');
  if (!Array.isArray(ids) || !ids.every((id) => typeof id === 'string' && id !== ''))
    throw errors.invalidRequest('"entity_ids" must be an array of entity ids.');
  if (ids.length === 0) throw errors.invalidRequest('"entity_ids" must list at least one entity id.');
  const unknown = (ids as string[]).filter((id) => !connection.entities.some((e) => e.id === id));
  if (unknown.length > 0) {
    return { status: 400, body: { errors: unknown.map((entityId) => ({ entityId, error: 'NOT_FOUND' })) } };
  }
  for (const entity of connection.entities) if (ids.includes(entity.id)) entity.status = 'disconnected';
  // With no entity left, the connection itself is gone.
  if (connection.entities.every((e) => e.status === 'disconnected')) core.connections.disconnect(connection);
  core.store.changed();
  return { status: 200, body: { status: 'success' } };
}

export const accountRoutes: RouteDef[] = [
  { operationId: 'create-access-token', method: 'POST', path: '/auth/token', auth: 'none', handle: exchangeCode },
  {
    operationId: 'get-introspect',
    method: 'GET',
    path: '/introspect',
    auth: 'bearer',
    handle: (ctx) => ({ status: 200, body: introspection(ctx.core, requireConnection(ctx).connection) }),
  },
  {
    operationId: 'post-disconnect',
    method: 'POST',
    path: '/disconnect',
    auth: 'bearer',
    handle: (ctx) => {
      const { core, connection } = requireConnection(ctx);
      core.connections.disconnect(connection);
      return { status: 200, body: { status: 'success' } };
    },
  },
  { operationId: 'post-disconnect-entity', method: 'POST', path: '/disconnect-entity', auth: 'bearer', handle: disconnectEntities },
  {
    operationId: 'get-providers',
    method: 'GET',
    path: '/providers',
    auth: 'optional-bearer',
    handle: (ctx) => ({ status: 200, body: PROVIDERS.map((p) => providerBody(p, ctx.core.baseUrl)) }),
  },
];
