/**
 * What the proxy learns about the caller from its credentials, without keeping them: the
 * application (client_id, not a secret), whether a client secret was sent, and keyed
 * fingerprints of the bearer token (the connection), the authorization code exchanged and the
 * access token issued. The values themselves only pass through; `secretsOf` lists them so free
 * text logged about the call (path, Finch's message) can lose them first.
 */
import type { IncomingHttpHeaders } from 'node:http';
import { SCRUBBED } from '@main/platform/redaction/patterns';

export interface Fingerprinter {
  of(kind: string, secret: string | Buffer): string;
}

export interface CallerCredentials {
  clientId: string | null;
  bearer: string | null;
  clientSecret: string | null;
  code: string | null;
}

function header(headers: IncomingHttpHeaders, name: string): string | null {
  const value = headers[name];
  return typeof value === 'string' ? value : Array.isArray(value) ? (value[0] ?? null) : null;
}

/** Authorization: Bearer <token>, or Basic base64(client_id:client_secret). */
export function credentialsFromHeaders(headers: IncomingHttpHeaders): CallerCredentials {
  const auth = header(headers, 'authorization')?.trim() ?? '';
  const [scheme, value] = [auth.slice(0, auth.indexOf(' ')).toLowerCase(), auth.slice(auth.indexOf(' ') + 1).trim()];
  if (scheme === 'bearer' && value) return { clientId: null, bearer: value, clientSecret: null, code: null };
  if (scheme === 'basic' && value) {
    const decoded = Buffer.from(value, 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    const clientId = colon >= 0 ? decoded.slice(0, colon) : decoded;
    const secret = colon >= 0 ? decoded.slice(colon + 1) : '';
    return { clientId: clientId || null, bearer: null, clientSecret: secret || null, code: null };
  }
  return { clientId: null, bearer: null, clientSecret: null, code: null };
}

/** The /auth/token body, JSON or form-encoded: client_id, client_secret, code. */
export function credentialsFromTokenBody(contentType: string | null, body: Buffer): Partial<CallerCredentials> {
  const text = body.toString('utf8');
  let fields: Record<string, unknown> = {};
  if (contentType?.includes('application/x-www-form-urlencoded')) fields = Object.fromEntries(new URLSearchParams(text));
  else {
    try {
      const parsed: unknown = JSON.parse(text);
      if (typeof parsed === 'object' && parsed !== null) fields = parsed as Record<string, unknown>;
    } catch {
      return {};
    }
  }
  const str = (key: string) => (typeof fields[key] === 'string' && fields[key] !== '' ? (fields[key] as string) : null);
  const out: Partial<CallerCredentials> = {};
  if (str('client_id')) out.clientId = str('client_id');
  if (str('client_secret')) out.clientSecret = str('client_secret');
  if (str('code')) out.code = str('code');
  return out;
}

/** The access token an /auth/token answer issued (read from the start of the answer). */
export function issuedAccessToken(body: Buffer): string | null {
  try {
    const parsed = JSON.parse(body.toString('utf8')) as { access_token?: unknown };
    return typeof parsed.access_token === 'string' && parsed.access_token !== '' ? parsed.access_token : null;
  } catch {
    return null;
  }
}

export function secretsOf(credentials: CallerCredentials, extra: readonly (string | null)[] = []): string[] {
  return [credentials.bearer, credentials.clientSecret, credentials.code, ...extra].filter((s): s is string => !!s && s.length >= 4);
}

/** Query parameters whose values are never logged, whatever they hold. */
const SECRET_PARAM = /token|secret|code|password|passwd|key|auth|signature|session/i;

/** The path as logged: query values of secret-looking parameters, and the call's own secrets, removed. */
export function loggablePath(rawUrl: string, secrets: readonly string[]): string {
  const query = rawUrl.indexOf('?');
  const path = query >= 0 ? rawUrl.slice(0, query) : rawUrl;
  let out = path;
  if (query >= 0) {
    const params = new URLSearchParams(rawUrl.slice(query + 1));
    for (const [key] of params) if (SECRET_PARAM.test(key)) params.set(key, SCRUBBED);
    const rest = params.toString();
    out = rest ? `${path}?${rest}` : path;
  }
  return scrubText(out, secrets) ?? '';
}

export function scrubText(text: string | null, secrets: readonly string[]): string | null {
  if (text === null) return null;
  let out = text;
  for (const secret of secrets) {
    for (const form of new Set([secret, encodeURIComponent(secret)])) if (out.includes(form)) out = out.split(form).join(SCRUBBED);
  }
  return out;
}
