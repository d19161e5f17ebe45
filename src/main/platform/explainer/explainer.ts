/**
 * "What this means / what to do next" for every failed or surprising Finch outcome, from one
 * rule table: one rule per pitfall in FINCH.md, each with a test. An outcome no rule covers
 * says so plainly instead of guessing.
 */
import type { Explanation } from '@shared/domain/diagnostics';
import { CONNECT_RULES } from './connect-rules';

/** What is known about an outcome: the HTTP answer plus whatever context the caller has. */
export interface Observed {
  status: number | null;
  finchCode?: string | null;
  errorName?: string | null;
  message?: string | null;
  path?: string;
  requestIds?: (string | null)[];
  outcome?: string;
  /** Code exchange: was redirect_uri sent, and which Connect flow issued the code? */
  exchange?: { redirectUriSent: boolean; flow: 'embedded' | 'redirect' | 'unknown' };
  /** The connection's authentication method and status, when known. */
  connection?: { authMethod?: string | null; status?: string | null; recentlyReauthOrRevoked?: boolean };
  /** For a directory read: how many people came back. */
  directoryCount?: number;
  /** For a data view: the share of values that were null (0..1). */
  nullShare?: number;
}

export interface Rule {
  id: string;
  matches(o: Observed): boolean;
  explain(o: Observed): Omit<Explanation, 'ruleId' | 'requestIds'>;
}

const code = (o: Observed) => (o.finchCode ?? o.errorName ?? '').toLowerCase();
const said = (o: Observed) => `${o.message ?? ''}`.toLowerCase();

export const RULES: Rule[] = [
  {
    id: 'reauthenticate-user',
    matches: (o) => o.status === 401 && code(o).includes('reauthenticate'),
    explain: () => ({
      title: 'The employer must reconnect',
      meaning:
        'Finch can no longer reach the provider with the stored authorization (password changed, access revoked, token expired at the provider).',
      nextStep:
        'Create a reauthentication session for this connection and send the employer through Finch Connect again; the new token replaces the old one.',
    }),
  },
  {
    id: 'invalid-token',
    matches: (o) => o.status === 401 && (code(o).includes('invalid_token') || code(o).includes('missing_access_token')),
    explain: () => ({
      title: 'This access token is not valid here',
      meaning: 'The token was disconnected, never existed, or belongs to another environment (Finch ids never cross environments).',
      nextStep: 'Check which environment the token came from; if the connection was disconnected, the employer must connect again.',
    }),
  },
  {
    id: 'invalid-grant-redirect-uri-sent-embedded',
    matches: (o) =>
      o.status === 400 && code(o).includes('invalid_grant') && o.exchange?.redirectUriSent === true && o.exchange.flow === 'embedded',
    explain: () => ({
      title: 'redirect_uri was sent for an embedded-flow code',
      meaning:
        'Codes from embedded Connect are exchanged without redirect_uri; sending one makes Finch refuse the code (400 invalid_grant).',
      nextStep: 'Exchange the code with client_id, client_secret and code only.',
    }),
  },
  {
    id: 'invalid-grant-redirect-uri-missing',
    matches: (o) =>
      o.status === 400 && code(o).includes('invalid_grant') && o.exchange?.redirectUriSent === false && o.exchange.flow === 'redirect',
    explain: () => ({
      title: 'redirect_uri missing at the code exchange',
      meaning: 'A code from the redirect flow must be exchanged with the same redirect_uri the session used.',
      nextStep: 'Send the session’s redirect_uri, exactly as registered, with the code.',
    }),
  },
  {
    id: 'invalid-grant-reused-or-expired',
    matches: (o) => o.status === 400 && code(o).includes('invalid_grant'),
    explain: (o) => ({
      title: 'Finch refused the authorization code',
      meaning: /already been used/.test(said(o))
        ? 'Codes are single-use and this one was already exchanged: the success callback probably ran twice (e.g. useFinchConnect mounted twice, or a retried request).'
        : 'The code was already used, has expired, belongs to another client_id, or its redirect_uri does not match the session.',
      nextStep: 'Exchange each code exactly once, right after Connect succeeds; mount one Connect host; match redirect_uri to the flow.',
    }),
  },
  {
    id: 'permissions',
    matches: (o) => o.status === 403,
    explain: (o) => ({
      title: 'Missing permission for this data',
      meaning: code(o).includes('product_not_authorized')
        ? 'The connection was not granted this product in Connect.'
        : 'The employer’s account at the provider lacks the permission this read needs (e.g. not an admin for payroll).',
      nextStep: code(o).includes('product_not_authorized')
        ? 'Reconnect with the product included in the session’s products.'
        : 'Ask the employer to connect with an account that has admin access to the data, then reconnect.',
    }),
  },
  {
    // Not the per-product limit: POST /jobs/automated answers 429 with a quota body once the
    // connection's forced refresh for this hour is spent.
    id: 'refresh-quota',
    matches: (o) => o.status === 429 && (o.path ?? '').startsWith('/jobs/automated'),
    explain: () => ({
      title: 'This connection’s forced refresh for the hour is used up',
      meaning:
        'Finch allows one forced data_sync_all per connection per hour (the answer gives retry_at); the rest of your API budget is untouched and Finch keeps syncing on its own schedule.',
      nextStep:
        'Read the data you have now, or start the sync again after retry_at; do not retry in a loop, it will not be accepted sooner.',
    }),
  },
  {
    id: 'rate-limit-application',
    matches: (o) => o.status === 429 && code(o).includes('finch_application_rl'),
    explain: () => ({
      title: 'Your application hit Finch’s per-product limit',
      meaning:
        'Finch limits each application (client_id) per product over a rolling 60 s: 20/min for company, directory, individual, employment; 12/min for payment and pay statements — across all your connections.',
      nextStep:
        'Queue calls per application and product (this app does), batch individuals/employments up to 10,000 ids per call, and honour Retry-After.',
    }),
  },
  {
    id: 'rate-limit-ip',
    matches: (o) => o.status === 429 && (code(o).includes('finch_api_ip_rl') || code(o).includes('finch_auth_ip_rl')),
    explain: () => ({
      title: 'Your IP address is blocked for an hour',
      meaning: 'More than 1,000 requests in 5 minutes came from one IP; Finch blocks it for 60 minutes.',
      nextStep: 'Wait out the block, then spread traffic; check for a runaway loop or a retry storm.',
    }),
  },
  {
    id: 'rate-limit-upstream',
    matches: (o) => o.status === 429 && code(o).includes('upstream'),
    explain: () => ({
      title: 'The provider is rate-limiting Finch',
      meaning: 'The payroll provider’s own limit was reached; it is not your application’s budget.',
      nextStep: 'Retry later with backoff; spread reads for this connection over time.',
    }),
  },
  {
    id: 'server-error-after-revocation',
    matches: (o) => o.status === 500 && o.connection?.recentlyReauthOrRevoked === true,
    explain: () => ({
      title: '500 after revoked access',
      meaning: 'When the employer revokes access, Finch sometimes answers 500 server_error instead of 401 reauthenticate_user.',
      nextStep: 'Retry in a few hours; if it persists, open a ticket quoting this Finch-Request-ID, and offer the employer a reconnect.',
    }),
  },
  {
    id: 'server-error',
    matches: (o) => o.status !== null && o.status >= 500 && o.status !== 501 && o.status !== 502 && !code(o).includes('upstream'),
    explain: () => ({
      title: 'Finch had an internal error',
      meaning: 'A transient failure on Finch’s side (the SDK retries 5xx twice).',
      nextStep: 'Retry with backoff; if it repeats, open a ticket with the Finch-Request-ID of the failing attempt.',
    }),
  },
  {
    id: 'not-implemented',
    matches: (o) => o.status === 501,
    explain: () => ({
      title: 'The provider does not support this endpoint',
      meaning: '501 not_implemented_error means the provider lacks this data; it is not a bug.',
      nextStep: 'Treat the product as unavailable for this provider (GET /providers lists what each supports).',
    }),
  },
  {
    id: 'upstream-provider-error',
    matches: (o) => o.status === 502 || code(o).includes('upstream_provider_error'),
    explain: () => ({
      title: 'The provider failed',
      meaning: 'Finch reached the payroll provider, which answered with an error or did not answer.',
      nextStep: 'Retry later; if one provider fails for many employers, check Finch’s status page or contact support with the request id.',
    }),
  },
  {
    id: 'accepted-pending',
    matches: (o) => o.status === 202,
    explain: (o) => ({
      title: code(o).includes('accountant') ? 'Waiting for the accountant' : 'Data is not ready yet',
      meaning:
        'Finch accepted the request but the data is still syncing (first sync, assisted setup, or authorization pending). A 202 is not an error.',
      nextStep: 'Retry later or watch the connection’s data_sync_all job; do not treat the empty answer as “no data”.',
    }),
  },
  {
    id: 'batch-partial-failure',
    matches: (o) => o.outcome === 'batch_partial_failure',
    explain: () => ({
      title: 'Some items of the batch failed',
      meaning:
        'The batch answered 200, but individual items carry their own errors (e.g. 404 individual_not_found, 202 data_sync_in_progress).',
      nextStep: 'Read each item’s code in responses[]; retry only the failed ids.',
    }),
  },
  {
    id: 'batch-limit',
    matches: (o) => o.status === 422 && code(o).includes('batch_limit'),
    explain: () => ({
      title: 'Too many items in one batch',
      meaning: 'Batch endpoints take at most 10,000 items per request.',
      nextStep: 'Split the ids into chunks of at most 10,000.',
    }),
  },
  {
    id: 'benefit-type-not-supported',
    matches: (o) => (o.status === 422 || o.status === 400) && code(o).includes('benefit_type_not_supported'),
    explain: () => ({
      title: 'The provider does not support this benefit type',
      meaning:
        'Finch can only write the benefit types the employer’s provider supports, for the connection’s authentication method; nothing was created. Retrying the same type fails the same way.',
      nextStep:
        'Check GET /providers benefits_support for this provider (the Deductions screen shows it beside the form) and choose a supported type, or handle this benefit outside Finch for this employer.',
    }),
  },
  {
    // After the specific 400/422 rules (invalid_grant, batch_limit): any other rejected request shape.
    id: 'invalid-request',
    matches: (o) => o.status === 400 || o.status === 422,
    explain: (o) => ({
      title: 'Finch rejected the request itself',
      meaning: `The request’s parameters or body did not match what ${o.path ? o.path.split('?')[0] : 'the endpoint'} accepts (a missing field, a wrong type, an unknown id format); retrying the same request will fail the same way.`,
      nextStep:
        'Read Finch’s message for the field it names, compare the request with the endpoint’s schema in the API reference, fix it and send again.',
    }),
  },
  {
    id: 'empty-directory-assisted',
    matches: (o) => o.directoryCount === 0 && (o.connection?.authMethod === 'assisted' || o.connection?.status === 'pending'),
    explain: () => ({
      title: 'Empty directory on an assisted connection',
      meaning: 'Assisted connections return no people until Finch finishes the setup and the first sync; it looks like a bug and is not.',
      nextStep: 'Watch the connection’s status and jobs; read again once it is connected.',
    }),
  },
  {
    id: 'null-heavy',
    matches: (o) => o.nullShare !== undefined && o.nullShare >= 0.5,
    explain: () => ({
      title: 'Most values are null',
      meaning: 'null means the provider does not support the field, the admin left it blank, or Finch could not infer it.',
      nextStep: 'Check field support for this provider in GET /providers and make the integration tolerate nulls.',
    }),
  },
  // Connect-side outcomes (frame errors, closes, redirect errors): their own table.
  ...CONNECT_RULES,
  {
    id: 'client-closed',
    matches: (o) => o.status === 408,
    explain: () => ({
      title: 'The request timed out',
      meaning: 'The connection closed before Finch answered (slow provider, or a client timeout shorter than the read).',
      nextStep: 'Retry; for large reads, page smaller or wait for the initial sync to finish.',
    }),
  },
];

export function explain(observed: Observed): Explanation {
  const requestIds = (observed.requestIds ?? []).filter((id): id is string => typeof id === 'string' && id.length > 0);
  for (const rule of RULES) {
    if (rule.matches(observed)) return { ruleId: rule.id, ...rule.explain(observed), requestIds };
  }
  const what = observed.status === null ? 'no response' : `${observed.status}${observed.finchCode ? ` ${observed.finchCode}` : ''}`;
  return {
    ruleId: null,
    title: 'No explanation on file',
    meaning: `This workbench has no rule for ${what}${observed.path ? ` on ${observed.path}` : ''}, so it will not guess.`,
    nextStep: requestIds.length
      ? `Quote ${requestIds.join(', ')} to Finch support with what you were doing.`
      : 'Retry once and compare; quote the request id to Finch support.',
    requestIds,
  };
}

/** Outcomes worth explaining: failures and the surprising successes (202, partial batches). */
export function needsExplanation(o: Observed): boolean {
  return (
    o.status === null ||
    o.status >= 400 ||
    o.status === 202 ||
    o.outcome === 'batch_partial_failure' ||
    o.directoryCount === 0 ||
    (o.nullShare ?? 0) >= 0.5
  );
}
