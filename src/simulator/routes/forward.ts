/**
 * POST /forward (request forwarding). The simulator has no upstream provider, so it answers
 * with a documented echo: statusCode 200 and `data` holding, as a JSON string, the request it
 * would have sent to the provider (method, route, params, headers, data) plus the provider id.
 * The request headers are echoed with authorization-like values redacted.
 */
import { gateConnection } from '../policy/connection-gate';
import { errors } from '../http/finch-errors';
import type { RequestContext, RouteDef, RouteResult } from '../server/router';
import { requireConnection } from '../server/router';
import { isObject, objectBody, requirePresent } from './input';

const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];
const SECRET_HEADER = /authorization|cookie|token|secret|api[-_]?key/i;

function forward(ctx: RequestContext): RouteResult {
  const c = requireConnection(ctx);
  const gated = gateConnection(c.connection);
  if (gated) return gated;
  const body = objectBody(ctx.body);
  const method = requirePresent(body, 'method');
  const route = requirePresent(body, 'route');
  if (typeof method !== 'string' || !METHODS.includes(method.toUpperCase()))
    throw errors.invalidRequest(`"method" must be one of ${METHODS.join(', ')}.`);
  if (typeof route !== 'string' || !route.startsWith('/')) throw errors.invalidRequest('"route" must be a path starting with "/".');
  const params = body['params'] ?? null;
  if (params !== null && !isObject(params)) throw errors.invalidRequest('"params" must be an object or null.');
  const data = body['data'] ?? null;
  if (data !== null && typeof data !== 'string') throw errors.invalidRequest('"data" must be a string or null.');
  const rawHeaders = body['request_headers'] ?? body['headers'] ?? null;
  if (rawHeaders !== null && !isObject(rawHeaders)) throw errors.invalidRequest('"request_headers" must be an object or null.');
  const headers: Record<string, string> | null = rawHeaders
    ? Object.fromEntries(Object.entries(rawHeaders).map(([k, v]) => [k, SECRET_HEADER.test(k) ? '[redacted]' : String(v)]))
    : null;
  const request = { method: method.toUpperCase(), route, headers, params, data };
  return {
    status: 200,
    body: {
      statusCode: 200,
      headers: { 'content-type': 'application/json', 'x-finch-simulator': 'forward-echo' },
      data: JSON.stringify({ simulator: 'echo', provider_id: c.connection.providerId, request }),
      request,
    },
  };
}

export const forwardRoutes: RouteDef[] = [
  { operationId: 'post-forward', method: 'POST', path: '/forward', auth: 'bearer', handle: forward },
];
