/**
 * Route table types and path matching. Each route names the spec operation it implements, the
 * auth it requires (Finch: Bearer for connection data, Basic for application-level calls,
 * none for /auth/token), its rate-limit bucket and the products a connection must hold.
 */
import type { IncomingHttpHeaders } from 'node:http';
import type { ProviderProfile } from '../data/providers';
import type { RateLimitedProduct } from '../policy/rate-limit';
import type { SimulatorCore } from '../simulator-core';
import type { ConnectionRecord } from '../model/types';
import type { FinchApiError } from '../http/finch-errors';
import type { RouteResult } from '../http/route-result';

export type AuthKind = 'bearer' | 'basic' | 'none' | 'optional-bearer';
export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';

export interface RequestContext {
  core: SimulatorCore;
  method: HttpMethod;
  path: string;
  query: URLSearchParams;
  params: Record<string, string>;
  body: unknown;
  headers: IncomingHttpHeaders;
  requestId: string;
  now: number;
  /** The application: from Basic credentials, or the token's connection. */
  clientId: string | null;
  connection: ConnectionRecord | null;
  provider: ProviderProfile | null;
}

/** A connection-authenticated context (routes with auth 'bearer'). */
export interface ConnectionContext extends RequestContext {
  clientId: string;
  connection: ConnectionRecord;
  provider: ProviderProfile;
}

export type { RouteResult };

export interface RouteDef {
  operationId: string;
  method: HttpMethod;
  /** The spec's path template, e.g. /employer/benefits/{benefit_id}. */
  path: string;
  auth: AuthKind;
  rateLimit?: RateLimitedProduct;
  /** The connection must hold one of these products (403 otherwise). */
  products?: readonly string[];
  /** The provider must offer this product (501 otherwise). */
  providerProduct?: string;
  /** /employer data: connection-status gate (202/401/403) and Finch-Data-* headers. */
  data?: boolean;
  handle(ctx: RequestContext): RouteResult | Promise<RouteResult>;
  /** Reshapes errors raised for this route (body parsing included) where the spec fixes their form. */
  adaptError?(error: FinchApiError): FinchApiError;
}

interface CompiledRoute {
  def: RouteDef;
  pattern: RegExp;
  names: string[];
}

export type RouteMatch =
  { kind: 'found'; route: RouteDef; params: Record<string, string> } | { kind: 'method_not_allowed' } | { kind: 'not_found' };

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

export class Router {
  private readonly compiled: CompiledRoute[];

  constructor(readonly routes: readonly RouteDef[]) {
    this.compiled = routes.map((def) => {
      const names: string[] = [];
      const source = def.path
        .split('/')
        .map((segment) => {
          const m = /^\{(\w+)\}$/.exec(segment);
          if (!m || !m[1]) return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
          names.push(m[1]);
          return '([^/]+)';
        })
        .join('/');
      return { def, pattern: new RegExp(`^${source}$`), names };
    });
  }

  match(method: string, path: string): RouteMatch {
    let pathMatched = false;
    for (const route of this.compiled) {
      const m = route.pattern.exec(path);
      if (!m) continue;
      pathMatched = true;
      if (route.def.method !== method) continue;
      const params: Record<string, string> = {};
      route.names.forEach((name, i) => {
        params[name] = safeDecode(m[i + 1] ?? '');
      });
      return { kind: 'found', route: route.def, params };
    }
    return pathMatched ? { kind: 'method_not_allowed' } : { kind: 'not_found' };
  }
}

/** Narrows a context after the server has enforced Bearer auth for the route. */
export function requireConnection(ctx: RequestContext): ConnectionContext {
  if (!ctx.connection || !ctx.provider || !ctx.clientId) throw new Error('route needs a bearer-authenticated connection');
  return ctx as ConnectionContext;
}
