/**
 * Finch-shaped errors. Every error body carries `code`, `name`, `finch_code` and `message`
 * (FINCH.md), plus `statusCode`/`status`, which Finch also sends and which the spec's
 * `ErrorResponse` schema (used by /jobs/*) requires. Handlers throw FinchApiError; the server
 * turns it into the response, so no handler can forget a field.
 */

export interface FinchErrorBody {
  statusCode: number;
  status: number;
  code: number;
  name: string;
  finch_code: string;
  message: string;
  context?: Record<string, unknown>;
}

export class FinchApiError extends Error {
  constructor(
    readonly status: number,
    readonly errorName: string,
    readonly finchCode: string,
    message: string,
    readonly headers: Record<string, string> = {},
    readonly context?: Record<string, unknown>,
  ) {
    super(message);
  }

  toBody(): FinchErrorBody {
    return errorBody(this.status, this.errorName, this.finchCode, this.message, this.context);
  }
}

export function errorBody(
  status: number,
  name: string,
  finchCode: string,
  message: string,
  context?: Record<string, unknown>,
): FinchErrorBody {
  const body: FinchErrorBody = { statusCode: status, status, code: status, name, finch_code: finchCode, message };
  if (context) body.context = context;
  return body;
}

export const errors = {
  invalidRequest: (message: string, finchCode = 'invalid_request', context?: Record<string, unknown>) =>
    new FinchApiError(400, 'invalid_request_error', finchCode, message, {}, context),
  invalidJson: (detail: string) =>
    new FinchApiError(400, 'invalid_request_error', 'invalid_json', `Request body is not valid JSON: ${detail}`),
  invalidGrant: (message: string) => new FinchApiError(400, 'invalid_grant_error', 'invalid_grant', message),
  missingToken: () =>
    new FinchApiError(
      401,
      'invalid_token_error',
      'missing_access_token',
      'This endpoint requires an access token: send "Authorization: Bearer <access_token>".',
    ),
  bearerExpectedGotBasic: () =>
    new FinchApiError(
      401,
      'invalid_token_error',
      'wrong_authorization_scheme',
      'This endpoint takes a Bearer access token, but Basic client credentials were sent.',
    ),
  invalidToken: (why = 'The access token is invalid or has been revoked.') =>
    new FinchApiError(401, 'invalid_token_error', 'invalid_access_token', why),
  missingClientCredentials: () =>
    new FinchApiError(
      401,
      'authentication_error',
      'missing_client_credentials',
      'This endpoint requires client credentials: send "Authorization: Basic base64(client_id:client_secret)".',
    ),
  basicExpectedGotBearer: () =>
    new FinchApiError(
      401,
      'authentication_error',
      'wrong_authorization_scheme',
      'This endpoint takes Basic client credentials (client_id:client_secret), but a Bearer token was sent.',
    ),
  invalidClient: () => new FinchApiError(401, 'authentication_error', 'invalid_client_credentials', 'Invalid client_id or client_secret.'),
  reauthenticate: () =>
    new FinchApiError(
      401,
      'authentication_error',
      'reauthenticate_user',
      'The employer must reauthenticate this connection through Finch Connect.',
    ),
  permissions: (message = 'The account Finch uses does not have the permissions this data needs.') =>
    new FinchApiError(403, 'error_permissions', 'insufficient_account_permissions', message),
  productNotAuthorized: (products: readonly string[]) =>
    new FinchApiError(
      403,
      'error_permissions',
      'product_not_authorized',
      `This connection was not granted the ${products.map((p) => `"${p}"`).join(' or ')} product.`,
    ),
  notFound: (message: string, finchCode = 'not_found') => new FinchApiError(404, 'not_found_error', finchCode, message),
  methodNotAllowed: (method: string, path: string) =>
    new FinchApiError(405, 'method_not_allowed_error', 'method_not_allowed', `${method} is not supported on ${path}.`),
  unprocessable: (message: string, finchCode: string) => new FinchApiError(422, 'unprocessable_entity_error', finchCode, message),
  payloadTooLarge: (limit: number) =>
    new FinchApiError(413, 'invalid_request_error', 'payload_too_large', `Request bodies are limited to ${limit} bytes.`),
  applicationRateLimited: (product: string, limit: number, retryAfterSeconds: number) =>
    new FinchApiError(
      429,
      'rate_limit_exceeded_error',
      'finch_application_rl',
      `Rate limit exceeded for the ${product} product: ${limit} requests per 60 seconds per application. Retry after ${retryAfterSeconds} s.`,
      { 'Retry-After': String(retryAfterSeconds) },
    ),
  notImplemented: (providerName: string, what: string) =>
    new FinchApiError(501, 'not_implemented_error', 'not_implemented', `${providerName} does not support ${what} through Finch.`),
  server: (message = 'An unexpected error occurred in the Finch simulator.') =>
    new FinchApiError(500, 'server_error', 'server_error', message),
};
