/**
 * The Security and Storage lines traffic can show: the code exchange happens on a server with
 * the client secret, once per code; credentials never travel from a browser; and each new
 * access token is introspected (where the company_id to save comes from).
 */
import type { ObservedCall, ScorecardLine } from '@shared/domain/integration-lab';
import type { Evidence, LineHead } from './calls';
import { answeredAt, describeCall, evidence, groupBy, isSuccess, line, ms, plural } from './calls';
import { FOLLOW_UP_GRACE_MS } from './thresholds';

export const CODE_EXCHANGE: LineHead = {
  id: 'code-exchange-server-side',
  checklist:
    'Since your client_secret should remain on the back-end, you should always perform an authorization code for an access_token exchange only on your back-end server and never on the client-side.',
  title: '/auth/token called from a server with the client secret, each code exchanged once',
};

export const CREDENTIALS_SERVER_SIDE: LineHead = {
  id: 'credentials-server-side',
  checklist:
    'Store your client_secret in a back-end data store. It should never be exposed client-side. / Save access_tokens in a back-end data store against the users of your application. It should never be exposed client-side.',
  title: 'No client secret or access token sent from a browser',
};

export const INTROSPECT: LineHead = {
  id: 'introspect-new-tokens',
  checklist:
    'Each Finch access_token is associated with a static Finch company_id. You can find the id using the /introspect endpoint. Save this in your data store alongside the token.',
  title: '/introspect called for each new access token',
};

const isTokenCall = (c: ObservedCall) => c.path === '/auth/token';

export function codeExchangeLine(calls: readonly ObservedCall[]): ScorecardLine {
  const limits =
    'A server could still leak the secret elsewhere, and a browser page can strip its Origin header through a server-side relay; the proxy sees only how /auth/token was called.';
  const exchanges = calls.filter(isTokenCall);
  if (exchanges.length === 0) return line(CODE_EXCHANGE, 'not_observed', 'No /auth/token calls seen.', [], limits);
  const problems: Evidence[] = [];
  const fromBrowser = exchanges.filter((c) => c.fromBrowser);
  if (fromBrowser.length > 0)
    problems.push(evidence(`${plural(fromBrowser.length, 'exchange')} sent by a browser (Origin header or CORS preflight)`, fromBrowser));
  const noSecret = exchanges.filter((c) => c.method === 'POST' && !c.sentClientSecret);
  if (noSecret.length > 0) problems.push(evidence(`${plural(noSecret.length, 'exchange')} without the client secret`, noSecret));
  // A retry after no answer or a 5xx is not a second exchange: the code may not have been used.
  for (const [codeKey, attempts] of groupBy(exchanges, (c) => c.codeKey)) {
    const decided = attempts.findIndex((c) => c.status !== null && c.status < 500);
    const again = decided < 0 ? [] : attempts.slice(decided + 1);
    if (again.length > 0)
      problems.push(
        evidence(`code ${codeKey} exchanged again after ${describeCall(attempts[decided]!)}: ${again.map(describeCall).join(', ')}`, [
          attempts[decided]!,
          ...again,
        ]),
      );
  }
  if (problems.length > 0)
    return line(
      CODE_EXCHANGE,
      'fail',
      `${plural(problems.length, 'problem')} with ${plural(exchanges.length, 'code exchange call')}.`,
      problems,
      limits,
    );
  const codes = new Set(exchanges.map((c) => c.codeKey).filter((k) => k !== null)).size;
  return line(
    CODE_EXCHANGE,
    'pass',
    `${plural(exchanges.length, 'exchange call')} for ${plural(codes, 'code')}: all from a server, with the client secret, each code once.`,
    [evidence('The code exchanges', exchanges)],
    limits,
  );
}

export function credentialsLine(calls: readonly ObservedCall[]): ScorecardLine {
  const limits =
    'Shows only what passed through the proxy: it cannot show how secrets and tokens are stored (encrypted, in a back-end store), ' +
    'or a browser calling Finch directly.';
  const withCredentials = calls.filter((c) => c.connectionKey !== null || c.clientId !== null || c.sentClientSecret);
  if (withCredentials.length === 0) return line(CREDENTIALS_SERVER_SIDE, 'not_observed', 'No calls carrying credentials seen.', [], limits);
  const leaked = withCredentials.filter((c) => c.fromBrowser);
  if (leaked.length > 0) {
    const tokens = leaked.filter((c) => c.connectionKey !== null).length;
    const secrets = leaked.length - tokens;
    return line(
      CREDENTIALS_SERVER_SIDE,
      'fail',
      `A browser sent ${plural(tokens, 'call')} with an access token and ${plural(secrets, 'call')} with the client id/secret.`,
      [evidence('Calls with credentials sent by a browser', leaked)],
      limits,
    );
  }
  return line(
    CREDENTIALS_SERVER_SIDE,
    'pass',
    `All ${plural(withCredentials.length, 'call')} carrying a token or the client credentials came from a server.`,
    [],
    limits,
  );
}

export function introspectLine(calls: readonly ObservedCall[], now: number): ScorecardLine {
  const limits = 'Traffic shows /introspect was called with the new token, not that company_id was saved next to it.';
  const issued = calls.filter((c) => isTokenCall(c) && isSuccess(c) && c.issuedTokenKey !== null);
  if (issued.length === 0) return line(INTROSPECT, 'not_observed', 'No access tokens issued through /auth/token seen.', [], limits);
  const missing: ObservedCall[] = [];
  const done: ObservedCall[] = [];
  let pending = 0;
  for (const token of issued) {
    const introspect = calls.find((c) => c.path === '/introspect' && c.connectionKey === token.issuedTokenKey && c.at >= token.at);
    if (introspect) done.push(token, introspect);
    else if (now - answeredAt(token) > FOLLOW_UP_GRACE_MS) missing.push(token);
    else pending++;
  }
  const tally = `${plural(issued.length, 'new token')}`;
  if (missing.length > 0)
    return line(
      INTROSPECT,
      'fail',
      `${missing.length} of ${tally} never introspected.`,
      [evidence('Tokens issued and never introspected', missing)],
      limits,
    );
  if (done.length === 0)
    return line(
      INTROSPECT,
      'not_observed',
      `${tally} issued moments ago; not introspected yet (waiting ${ms(FOLLOW_UP_GRACE_MS)}).`,
      [],
      limits,
    );
  const waiting = pending > 0 ? ` (${pending} issued moments ago, not yet)` : '';
  return line(
    INTROSPECT,
    'pass',
    `Each new token was introspected: ${done.length / 2} of ${tally}${waiting}.`,
    [evidence('Tokens and their /introspect calls', done)],
    limits,
  );
}
