/**
 * The request pipeline: request id → admin API / faults / Connect page → route match → body
 * → auth → connection faults → rate limit → status gate → handler → data headers. Every
 * failure becomes a Finch-shaped JSON error; nothing a client sends can crash the server.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { providerSupportsProduct } from '../data/providers';
import { dataHeaders, gateConnection } from '../policy/connection-gate';
import { newRequestId } from '../secrets';
import type { SimulatorCore } from '../simulator-core';
import { authenticate } from './authenticate';
import { performFault } from './fault-actions';
import { FinchApiError, errors } from '../http/finch-errors';
import { parseJsonBody, readBody, sendJson } from '../http/io';
import type { HttpMethod, RequestContext, RouteDef, RouteResult, Router } from './router';

export const FINCH_API_VERSION = '2020-09-17';

/** Handlers outside the Finch API (admin API, Connect page); return false if not theirs. */
export type SideHandler = (req: IncomingMessage, res: ServerResponse, url: URL) => Promise<boolean>;

export interface PipelineParts {
  core: SimulatorCore;
  router: Router;
  admin: SideHandler;
  connectPage: SideHandler;
}

export function createRequestHandler(parts: PipelineParts): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    handle(parts, req, res).catch((error: unknown) => {
      if (error instanceof FinchApiError) {
        sendJson(res, error.status, error.toBody(), error.headers);
        return;
      }
      parts.core.options.log(`simulator: ${req.method ?? '?'} ${req.url ?? '?'} failed: ${(error as Error).stack ?? String(error)}`);
      sendJson(res, 500, errors.server().toBody());
    });
  };
}

async function handle(parts: PipelineParts, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const { core, router } = parts;
  res.setHeader('Finch-Request-ID', newRequestId());
  let url: URL;
  try {
    url = new URL(req.url ?? '/', 'http://127.0.0.1');
  } catch {
    throw errors.invalidRequest('The request URL could not be parsed.');
  }
  const path = url.pathname;
  const method = (req.method ?? 'GET').toUpperCase();

  if (path === '/_simulator' || path.startsWith('/_simulator/')) {
    if (await parts.admin(req, res, url)) return;
  }

  const pathFault = core.faults.take(method, path, null, 'path');
  if (pathFault && (await performFault(pathFault, req, res))) return;

  if (await parts.connectPage(req, res, url)) return;

  const match = router.match(method, path);
  if (match.kind === 'not_found') throw errors.notFound(`No Finch endpoint matches ${method} ${path}.`, 'route_not_found');
  if (match.kind === 'method_not_allowed') throw errors.methodNotAllowed(method, path);
  const route = match.route;
  try {
    await handleRoute(parts, req, res, { path, method, url, route, params: match.params });
  } catch (error) {
    if (error instanceof FinchApiError && route.adaptError) throw route.adaptError(error);
    throw error;
  }
}

interface Matched {
  path: string;
  method: string;
  url: URL;
  route: RouteDef;
  params: Record<string, string>;
}

async function handleRoute(parts: PipelineParts, req: IncomingMessage, res: ServerResponse, matched: Matched): Promise<void> {
  const { core } = parts;
  const { path, method, url, route } = matched;

  const version = req.headers['finch-api-version'];
  if (typeof version === 'string' && version !== FINCH_API_VERSION) {
    throw errors.invalidRequest(
      `Unsupported Finch-API-Version "${version}"; this API speaks ${FINCH_API_VERSION}.`,
      'unsupported_api_version',
    );
  }

  const raw = method === 'GET' ? Buffer.alloc(0) : await readBody(req);
  const body = parseJsonBody(raw);

  const auth = authenticate(core, route.auth, req.headers.authorization);
  if (auth.connection) {
    const fault = core.faults.take(method, path, auth.connection.id, 'connection');
    if (fault && (await performFault(fault, req, res))) return;
    core.refresh(auth.connection);
  }

  const ctx: RequestContext = {
    core,
    method: method as HttpMethod,
    path,
    query: url.searchParams,
    params: matched.params,
    body,
    headers: req.headers,
    requestId: String(res.getHeader('Finch-Request-ID')),
    now: core.clock.now(),
    clientId: auth.clientId,
    connection: auth.connection,
    provider: auth.provider,
  };

  if (route.rateLimit && auth.clientId) {
    const decision = core.rateLimiter.take(auth.clientId, route.rateLimit);
    if (!decision.allowed) throw errors.applicationRateLimited(route.rateLimit, decision.limit, decision.retryAfterSeconds);
  }

  let result: RouteResult | null = null;
  if (route.data && auth.connection && auth.provider) {
    if (route.products && !route.products.some((p) => auth.connection?.products.includes(p))) {
      throw errors.productNotAuthorized(route.products);
    }
    if (route.providerProduct && !providerSupportsProduct(auth.provider, route.providerProduct)) {
      throw errors.notImplemented(auth.provider.displayName, `the ${route.providerProduct} product (${route.method} ${route.path})`);
    }
    result = gateConnection(auth.connection);
  }
  if (!result) result = await route.handle(ctx);

  const headers = { ...result.headers };
  if (route.data && auth.connection && result.status >= 200 && result.status < 300) {
    Object.assign(headers, dataHeaders(auth.connection, ctx.now));
  }
  sendJson(res, result.status, result.body, headers);
}
