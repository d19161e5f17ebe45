/**
 * POST /connect/sessions and /connect/sessions/reauthenticate (Basic auth): create a Connect
 * session whose connect_url opens the simulator's Connect page.
 */
import { findProvider } from '../data/providers';
import { FinchApiError, errors } from '../http/finch-errors';
import type { RequestContext, RouteDef, RouteResult } from '../server/router';
import { DEFAULT_REAUTH_SESSION_MINUTES, DEFAULT_SESSION_MINUTES } from '../simulator-core';
import type { AuthenticationType, SessionRecord } from '../model/types';
import { AUTHENTICATION_TYPES, FINCH_PRODUCTS } from '../model/types';
import type { JsonObject } from './input';
import { isObject, objectBody, optionalString } from './input';

function products(body: JsonObject, required: boolean): string[] | undefined {
  const value = body['products'];
  if (value === undefined || value === null) {
    if (required) throw errors.invalidRequest('"products" is required.');
    return undefined;
  }
  if (!Array.isArray(value) || value.length === 0) throw errors.invalidRequest('"products" must be a non-empty array.');
  for (const p of value) {
    if (typeof p !== 'string' || !(FINCH_PRODUCTS as readonly string[]).includes(p)) {
      throw errors.invalidRequest(`Unknown product ${JSON.stringify(p)}; expected one of ${FINCH_PRODUCTS.join(', ')}.`);
    }
  }
  return [...new Set(value as string[])];
}

function redirectUri(body: JsonObject): string | null {
  const value = optionalString(body, 'redirect_uri');
  if (value === undefined || value === '') return null;
  try {
    new URL(value);
  } catch {
    throw errors.invalidRequest('"redirect_uri" must be an absolute URL.');
  }
  return value;
}

function minutes(body: JsonObject, fallback: number): number {
  const value = body['minutes_to_expire'];
  if (value === undefined || value === null) return fallback;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 1 || value > 129_600) {
    throw errors.invalidRequest('"minutes_to_expire" must be a number between 1 and 129600.');
  }
  return value;
}

function boundedString(body: JsonObject, key: string): string {
  const value = body[key];
  if (value === undefined || value === null) throw errors.invalidRequest(`"${key}" is required: a string of 1 to 255 characters.`);
  if (typeof value !== 'string' || value.length < 1 || value.length > 255) {
    throw errors.invalidRequest(`"${key}" must be a string of 1 to 255 characters.`);
  }
  return value;
}

function sandboxMode(body: JsonObject): 'finch' | 'provider' | null {
  const value = body['sandbox'];
  if (value === undefined || value === null || value === false) return null;
  if (value === true) return 'provider'; // legacy boolean meant Provider Sandbox
  if (value === 'finch' || value === 'provider') return value;
  throw errors.invalidRequest('"sandbox" must be "finch", "provider" or null.');
}

function integration(body: JsonObject, sandbox: 'finch' | 'provider' | null): SessionRecord['integration'] {
  const value = body['integration'];
  if (value === undefined || value === null) return null;
  if (!isObject(value)) throw errors.invalidRequest('"integration" must be an object.');
  const providerId = value['provider'];
  const provider = typeof providerId === 'string' ? findProvider(providerId) : undefined;
  if (!provider) throw errors.invalidRequest(`Unknown integration.provider ${JSON.stringify(providerId)}.`);
  const method = value['auth_method'];
  if (method !== undefined && method !== null && !(AUTHENTICATION_TYPES as readonly unknown[]).includes(method)) {
    throw errors.invalidRequest('"integration.auth_method" must be assisted, credential, oauth or api_token.');
  }
  const authMethod = (method ?? null) as AuthenticationType | null;
  if (authMethod && !provider.authMethods.includes(authMethod)) {
    throw errors.invalidRequest(`${provider.displayName} does not support the ${authMethod} authentication method.`);
  }
  if (sandbox === 'provider' && (authMethod === 'assisted' || !provider.providerSandbox)) {
    throw errors.invalidRequest(`${provider.displayName} is not available as a Provider Sandbox (assisted flows never are).`);
  }
  return { provider: provider.id, authMethod };
}

function created(ctx: RequestContext, session: SessionRecord): RouteResult {
  return {
    status: 201,
    body: { session_id: session.id, connect_url: `${ctx.core.connectUrl}/authorize?session=${encodeURIComponent(session.id)}` },
  };
}

function newSession(ctx: RequestContext): RouteResult {
  const body = objectBody(ctx.body);
  const clientId = ctx.clientId ?? '';
  const customerId = typeof body['customer_id'] === 'string' ? body['customer_id'] : undefined;
  try {
    const sandbox = sandboxMode(body);
    const fields = {
      clientId,
      kind: 'new' as const,
      connectionId: null,
      customerId: boundedString(body, 'customer_id'),
      customerName: boundedString(body, 'customer_name'),
      customerEmail: optionalString(body, 'customer_email') ?? null,
      products: products(body, true) ?? [],
      redirectUri: redirectUri(body),
      sandbox,
      manual: body['manual'] === true,
      integration: integration(body, sandbox),
    };
    if (fields.integration) {
      const existing = ctx.core.connections
        .activeFor(clientId)
        .find((c) => c.customerId === fields.customerId && c.providerId === fields.integration?.provider);
      if (existing) {
        throw errors.invalidRequest(
          `Customer ${fields.customerId} already has a ${existing.providerId} connection; create a reauthentication session instead.`,
          'connection_already_exists',
          { customer_id: fields.customerId, connection_id: existing.id },
        );
      }
    }
    return created(ctx, ctx.core.createSession(fields, minutes(body, DEFAULT_SESSION_MINUTES)));
  } catch (error) {
    // This endpoint's 400 body always carries `context` (spec).
    if (error instanceof FinchApiError && error.status === 400 && !error.context) {
      throw errors.invalidRequest(error.message, error.finchCode, customerId === undefined ? {} : { customer_id: customerId });
    }
    throw error;
  }
}

function reauthSession(ctx: RequestContext): RouteResult {
  const body = objectBody(ctx.body);
  const connectionId = body['connection_id'];
  if (typeof connectionId !== 'string' || connectionId === '') throw errors.invalidRequest('"connection_id" is required.');
  const connection = ctx.core.store.connections.get(connectionId);
  if (!connection || connection.clientId !== ctx.clientId || connection.disconnectedAt !== null) {
    throw errors.invalidRequest(`No active connection ${connectionId} for this application.`, 'connection_not_found');
  }
  const minutesValue = body['minutes_to_expire'];
  if (minutesValue !== undefined && minutesValue !== null && (typeof minutesValue !== 'number' || !Number.isInteger(minutesValue))) {
    throw errors.invalidRequest('"minutes_to_expire" must be an integer.');
  }
  const session = ctx.core.createSession(
    {
      clientId: connection.clientId,
      kind: 'reauthenticate',
      connectionId: connection.id,
      customerId: connection.customerId,
      customerName: connection.customerName,
      customerEmail: connection.customerEmail,
      products: products(body, false) ?? [...connection.products],
      redirectUri: redirectUri(body),
      sandbox: connection.connectionType === 'finch' ? 'finch' : null,
      manual: connection.authenticationType === 'assisted',
      integration: { provider: connection.providerId, authMethod: connection.authenticationType },
    },
    minutes(body, DEFAULT_REAUTH_SESSION_MINUTES),
  );
  return created(ctx, session);
}

/**
 * The spec fixes these endpoints' 400 bodies: finch_code is one of a short list (and /connect/sessions
 * always carries `context`), so body-parsing errors such as invalid JSON are reported as invalid_request.
 */
function sessionError(allowed: readonly string[], withContext: boolean) {
  return (error: FinchApiError): FinchApiError => {
    if (error.status !== 400) return error;
    const finchCode = allowed.includes(error.finchCode) ? error.finchCode : 'invalid_request';
    if (finchCode === error.finchCode && (!withContext || error.context)) return error;
    return errors.invalidRequest(error.message, finchCode, withContext ? (error.context ?? {}) : error.context);
  };
}

export const connectSessionRoutes: RouteDef[] = [
  {
    operationId: 'post-connect-sessions',
    method: 'POST',
    path: '/connect/sessions',
    auth: 'basic',
    handle: newSession,
    adaptError: sessionError(['invalid_request', 'connection_already_exists'], true),
  },
  {
    operationId: 'post-connect-sessions-reauthenticate',
    method: 'POST',
    path: '/connect/sessions/reauthenticate',
    auth: 'basic',
    handle: reauthSession,
    adaptError: sessionError(['invalid_request', 'connection_not_found'], false),
  },
];
