/**
 * Per-endpoint authentication, as Finch does it: Bearer access tokens for connection data,
 * Basic client_id:client_secret for application-level calls, nothing for /auth/token. The
 * wrong kind is a 401 with a message that names the scheme expected.
 */
import { findProvider } from '../data/providers';
import type { ProviderProfile } from '../data/providers';
import type { SimulatorCore } from '../simulator-core';
import type { ConnectionRecord } from '../model/types';
import { errors } from '../http/finch-errors';
import type { AuthKind } from './router';

export type ParsedAuthorization =
  | { kind: 'none' }
  | { kind: 'bearer'; token: string }
  | { kind: 'basic'; clientId: string; clientSecret: string }
  | { kind: 'malformed'; scheme: string };

export function parseAuthorization(header: string | undefined): ParsedAuthorization {
  if (!header || header.trim() === '') return { kind: 'none' };
  const match = /^(\S+)\s+(.+)$/.exec(header.trim());
  if (!match || !match[1] || !match[2]) return { kind: 'malformed', scheme: header.trim().split(/\s/)[0] ?? '' };
  const scheme = match[1].toLowerCase();
  const value = match[2].trim();
  if (scheme === 'bearer') return { kind: 'bearer', token: value };
  if (scheme === 'basic') {
    const decoded = Buffer.from(value, 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon < 0) return { kind: 'malformed', scheme: 'basic' };
    return { kind: 'basic', clientId: decoded.slice(0, colon), clientSecret: decoded.slice(colon + 1) };
  }
  return { kind: 'malformed', scheme };
}

export interface Authenticated {
  clientId: string | null;
  connection: ConnectionRecord | null;
  provider: ProviderProfile | null;
}

const NOBODY: Authenticated = { clientId: null, connection: null, provider: null };

function bearer(core: SimulatorCore, token: string): Authenticated {
  const found = core.connections.resolveToken(token);
  if ('reason' in found) throw errors.invalidToken(found.reason);
  const provider = findProvider(found.connection.providerId);
  if (!provider) throw errors.invalidToken('The connection for this access token no longer exists.');
  return { clientId: found.connection.clientId, connection: found.connection, provider };
}

export function authenticate(core: SimulatorCore, kind: AuthKind, header: string | undefined): Authenticated {
  const auth = parseAuthorization(header);
  switch (kind) {
    case 'none':
      return NOBODY;
    case 'optional-bearer':
      return auth.kind === 'bearer' ? bearer(core, auth.token) : NOBODY;
    case 'bearer':
      if (auth.kind === 'none') throw errors.missingToken();
      if (auth.kind === 'basic') throw errors.bearerExpectedGotBasic();
      if (auth.kind === 'malformed')
        throw errors.invalidToken(`Unsupported authorization scheme "${auth.scheme}": send "Bearer <access_token>".`);
      return bearer(core, auth.token);
    case 'basic':
      if (auth.kind === 'none') throw errors.missingClientCredentials();
      if (auth.kind === 'bearer') throw errors.basicExpectedGotBearer();
      if (auth.kind === 'malformed') throw errors.invalidClient();
      if (!core.isValidClient(auth.clientId, auth.clientSecret)) throw errors.invalidClient();
      return { clientId: auth.clientId, connection: null, provider: null };
  }
}
