/**
 * A stand-in for the Integration lab proxy while it is being built: a fetch wrapper the sample
 * backends' SDK calls go through, which records each attempt as an ObservedCall (fingerprints,
 * never tokens or secrets) and injects the scenario's failures: 429 with Retry-After, 5xx, 202
 * sync in progress, 401 reauthenticate_user (sticky for that connection, as Finch is), batch
 * items with errors, all-null answers.
 */
import { createHmac, randomBytes } from 'node:crypto';
import type { Injection, ObservedCall } from '@shared/domain/integration-lab';
import { productForPath } from '@main/platform/finch/products';

export interface RecorderRule {
  id: string;
  inject: Extract<Injection, 'rate_limit' | 'server_error' | 'sync_in_progress' | 'reauthenticate' | 'batch_item_errors' | 'all_null'>;
  /** Exact path, e.g. /employer/company. */
  path: string;
  /** How many answers to shape (reauthenticate: the first; the connection then stays unauthorised). */
  count: number;
  /** Only on the connection of the Nth access token issued by /auth/token (1-based). */
  tokenNumber?: number;
  retryAfterSeconds?: number;
  /** batch_item_errors: how many items answer 500. */
  items?: number;
}

const finchError = (code: number, name: string, finchCode: string, message: string) => ({ code, name, finch_code: finchCode, message });

/** Every nullable field null: only ids survive. */
function allNull(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(allNull);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).map(([key, v]) => [key, key === 'id' || key.endsWith('_id') ? v : null]));
}

export class RecordingFetch {
  readonly calls: ObservedCall[] = [];
  private readonly key = randomBytes(32);
  /** Connection fingerprints of the tokens /auth/token issued, in order. */
  private readonly issued: string[] = [];
  private readonly used = new Map<string, number>();
  private readonly unauthorised = new Set<string>();
  private injected = 0;

  constructor(
    private readonly rules: readonly RecorderRule[],
    private readonly inner: typeof fetch = fetch,
  ) {}

  private fingerprint(value: string): string {
    return createHmac('sha256', this.key).update(value).digest('hex').slice(0, 16);
  }

  private ruleFor(method: string, path: string, connectionKey: string | null): RecorderRule | null {
    if (connectionKey !== null && this.unauthorised.has(connectionKey) && path.startsWith('/employer/'))
      return this.rules.find((r) => r.inject === 'reauthenticate') ?? null;
    for (const rule of this.rules) {
      if (rule.path !== path || (this.used.get(rule.id) ?? 0) >= rule.count) continue;
      if (rule.tokenNumber !== undefined && (connectionKey === null || this.issued[rule.tokenNumber - 1] !== connectionKey)) continue;
      this.used.set(rule.id, (this.used.get(rule.id) ?? 0) + 1);
      if (rule.inject === 'reauthenticate' && connectionKey !== null) this.unauthorised.add(connectionKey);
      return rule;
    }
    return null;
  }

  /** The answer a rule makes up without asking upstream, or null when it shapes upstream's answer. */
  private madeUp(rule: RecorderRule): { status: number; body: unknown; headers: Record<string, string> } | null {
    switch (rule.inject) {
      case 'rate_limit':
        return {
          status: 429,
          body: finchError(429, 'rate_limit_exceeded_error', 'finch_application_rl', 'Rate limit exceeded.'),
          headers: { 'retry-after': String(rule.retryAfterSeconds ?? 1) },
        };
      case 'server_error':
        return { status: 500, body: finchError(500, 'server_error', 'server_error', 'Internal server error.'), headers: {} };
      case 'sync_in_progress':
        return {
          status: 202,
          body: finchError(202, 'sync_in_progress', 'data_sync_in_progress', 'The data is being synced.'),
          headers: {},
        };
      case 'reauthenticate':
        return {
          status: 401,
          body: finchError(401, 'authentication_error', 'reauthenticate_user', 'The connection needs reauthentication.'),
          headers: {},
        };
      default:
        return null;
    }
  }

  readonly fetch: typeof fetch = async (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    const method = (init?.method ?? 'GET').toUpperCase();
    const headers = new Headers(init?.headers);
    const bodyText = typeof init?.body === 'string' ? init.body : null;
    const authorization = headers.get('authorization') ?? '';
    let connectionKey: string | null = null;
    let clientId: string | null = null;
    if (authorization.startsWith('Bearer ')) connectionKey = this.fingerprint(authorization.slice(7));
    if (authorization.startsWith('Basic ')) clientId = Buffer.from(authorization.slice(6), 'base64').toString('utf8').split(':')[0] ?? null;
    let sentClientSecret = false;
    let codeKey: string | null = null;
    if (url.pathname === '/auth/token' && bodyText) {
      const body = JSON.parse(bodyText) as { client_id?: string; client_secret?: string; code?: string };
      clientId = body.client_id ?? null;
      sentClientSecret = Boolean(body.client_secret);
      codeKey = body.code ? this.fingerprint(body.code) : null;
    }
    const rule = this.ruleFor(method, url.pathname, connectionKey);
    const at = Date.now();
    const record = (status: number | null, text: string, answerHeaders: Headers): void => {
      let json: any = null;
      try {
        json = text ? JSON.parse(text) : null;
      } catch {
        json = null;
      }
      const retryAfter = answerHeaders.get('retry-after');
      const issuedTokenKey =
        url.pathname === '/auth/token' && status === 200 && json?.access_token ? this.fingerprint(json.access_token) : null;
      if (issuedTokenKey) this.issued.push(issuedTokenKey);
      this.calls.push({
        logId: this.calls.length + 1,
        at,
        durationMs: Date.now() - at,
        method,
        path: url.pathname,
        product: productForPath(url.pathname),
        status,
        requestId: answerHeaders.get('finch-request-id'),
        finchCode: status !== null && (status >= 400 || status === 202) ? (json?.finch_code ?? null) : null,
        retryAfterMs: retryAfter === null ? null : Number(retryAfter) * 1000,
        clientId,
        connectionKey,
        fromBrowser: headers.has('origin') || (method === 'OPTIONS' && headers.has('access-control-request-method')),
        sentClientSecret,
        codeKey,
        issuedTokenKey,
        batchItemErrors: Array.isArray(json?.responses)
          ? json.responses.filter((r: { code?: number }) => (r.code ?? 200) >= 300).length
          : 0,
        bodyKey: bodyText ? this.fingerprint(bodyText) : null,
        injectedBy: rule?.id ?? null,
      });
    };

    const madeUp = rule ? this.madeUp(rule) : null;
    if (madeUp) {
      const answerHeaders = new Headers({
        'content-type': 'application/json',
        'finch-request-id': `injected-${++this.injected}`,
        ...madeUp.headers,
      });
      const text = JSON.stringify(madeUp.body);
      record(madeUp.status, text, answerHeaders);
      return new Response(text, { status: madeUp.status, headers: answerHeaders });
    }
    let upstream: Response;
    try {
      upstream = await this.inner(input, init);
    } catch (error) {
      record(null, '', new Headers());
      throw error;
    }
    let text = await upstream.text();
    if (rule?.inject === 'all_null') text = JSON.stringify(allNull(JSON.parse(text)));
    if (rule?.inject === 'batch_item_errors') {
      const body = JSON.parse(text) as { responses: { code: number; body: unknown }[] };
      body.responses.slice(0, rule.items ?? 1).forEach((item) => {
        item.code = 500;
        item.body = finchError(500, 'server_error', 'server_error', 'Internal server error.');
      });
      text = JSON.stringify(body);
    }
    const answerHeaders = new Headers(upstream.headers);
    answerHeaders.delete('content-length');
    answerHeaders.delete('content-encoding');
    record(upstream.status, text, answerHeaders);
    return new Response(upstream.status === 204 ? null : text, {
      status: upstream.status,
      statusText: upstream.statusText,
      headers: answerHeaders,
    });
  };
}
